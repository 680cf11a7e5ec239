/**
 * Moving cells (a table's rows closing up, the cells below a table going down with it, the cells
 * beside it making way for a new column) the way Excel does: every A1 reference of the sheet to a moved cell follows it, so
 * a formula keeps pointing at what the planner pointed it at. References to other sheets, inside
 * text literals and inside structured references (`Tabel[kolom]`) are left alone.
 */
import { columnLetters, columnNumber } from './cell-ref';

/** Where the cells of a region of one sheet went. */
export interface CellMove {
  /** the sheet's name, for references qualified with it */
  sheet: string;
  /** true for a cell of the region that moves */
  inside: (row: number, column: number) => boolean;
  /** where a cell of the region is now */
  to: (row: number, column: number) => { row: number; column: number };
}

/**
 * Rows moving within the columns `left..right`: `rowOf` gives each row's new place.
 *
 * @example
 * rowMove('Meekoppelkansen', 1, 3, (r) => r + 2).to(5, 1); // { row: 7, column: 1 }
 */
export function rowMove(sheet: string, left: number, right: number, rowOf: (row: number) => number): CellMove {
  return { sheet, inside: (_, c) => c >= left && c <= right, to: (r, c) => ({ row: rowOf(r), column: c }) };
}

/**
 * The cells right of column `after`, on rows `top..bottom`, moving `by` columns to the right.
 *
 * @example
 * columnShift('Blad1', 1, 9, 4, 2).to(3, 6); // { row: 3, column: 8 }
 */
export function columnShift(sheet: string, top: number, bottom: number, after: number, by: number): CellMove {
  return { sheet, inside: (r, c) => r >= top && r <= bottom && c > after, to: (r, c) => ({ row: r, column: c + by }) };
}

const REF = /(?<![\w.$\\'\]])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![\w(!.[])/g;

/**
 * The formula with its references to moved cells updated; a range follows only when both its
 * corners moved.
 *
 * @example
 * moveReferences('SUM(A5:A9)+Werken!A5', rowMove('Meekoppelkansen', 1, 3, (r) => r + 2));
 * // 'SUM(A7:A11)+Werken!A5'
 */
export function moveReferences(formula: string, move: CellMove): string {
  const skip = literalMask(formula);
  return formula.replace(REF, (whole: string, ...g: unknown[]) => {
    const at = g[9] as number;
    if (skip[at]) return whole;
    const [prefix, d1, c1, d2, r1, d3, c2, d4, r2] = g as (string | undefined)[];
    if (prefix && !sameSheet(prefix.slice(0, -1), move.sheet)) return whole;
    const a = { row: Number(r1), column: columnNumber(c1 as string) };
    const b = c2 ? { row: Number(r2), column: columnNumber(c2) } : a;
    if (!move.inside(a.row, a.column) || !move.inside(b.row, b.column)) return whole;
    const ref = (d: string | undefined, c: { row: number; column: number }, e: string | undefined) => `${d ?? ''}${columnLetters(c.column)}${e ?? ''}${c.row}`;
    const end = c2 ? `:${ref(d3, move.to(b.row, b.column), d4)}` : '';
    return `${prefix ?? ''}${ref(d1, move.to(a.row, a.column), d2)}${end}`;
  });
}

/**
 * A formula of one cell as it reads in a cell `rows` down and `columns` right: relative references
 * shift, absolute ones (`$A$1`) stay; what a shared formula means in each cell of its group.
 *
 * @example
 * shiftRelative('F2*1000+$A$1+Werken!B2', 3, 0); // 'F5*1000+$A$1+Werken!B5'
 */
export function shiftRelative(formula: string, rows: number, columns: number): string {
  const skip = literalMask(formula);
  const shift = (d1: string | undefined, c: string, d2: string | undefined, r: string) =>
    `${d1 ?? ''}${d1 ? c : columnLetters(columnNumber(c) + columns)}${d2 ?? ''}${d2 ? r : Number(r) + rows}`;
  return formula.replace(REF, (whole: string, ...g: unknown[]) => {
    if (skip[g[9] as number]) return whole;
    const [prefix, d1, c1, d2, r1, d3, c2, d4, r2] = g as (string | undefined)[];
    const end = c2 ? `:${shift(d3, c2, d4, r2 as string)}` : '';
    return `${prefix ?? ''}${shift(d1, c1 as string, d2, r1 as string)}${end}`;
  });
}

/**
 * A range reference (`A5:C9`, or `A5 B7:B8` as in sqref) with its moved rows updated.
 *
 * @example
 * moveRange('A5:C9', rowMove('Blad1', 1, 3, (r) => r + 1)); // 'A6:C10'
 */
export function moveRange(ref: string, move: CellMove): string {
  return ref.split(' ').map((part) => moveReferences(part, { ...move, sheet: '' })).join(' ');
}

/** true at each position inside a text literal, a structured reference or a quoted sheet name's text */
function literalMask(formula: string): boolean[] {
  const mask = new Array<boolean>(formula.length).fill(false);
  let inString = false;
  let depth = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (inString) {
      mask[i] = true;
      if (ch === '"') inString = formula[i + 1] === '"' ? (mask[++i] = true) : false;
    } else if (ch === '"' && depth === 0) {
      inString = true;
      mask[i] = true;
    } else if (ch === '[') {
      depth++;
      mask[i] = true;
    } else if (ch === ']' && depth > 0) {
      depth--;
      mask[i] = true;
    } else {
      mask[i] = depth > 0;
    }
  }
  return mask;
}

function sameSheet(prefix: string, sheet: string): boolean {
  const name = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return name.toLowerCase() === sheet.toLowerCase();
}

