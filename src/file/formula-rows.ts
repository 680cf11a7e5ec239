/**
 * Moving cells within a band of columns (a table's rows closing up, the cells below a table going
 * down with it) the way Excel does: every A1 reference of the sheet to a moved cell follows it, so
 * a formula keeps pointing at what the planner pointed it at. References to other sheets, inside
 * text literals and inside structured references (`Tabel[kolom]`) are left alone.
 */
import { columnNumber } from './cell-ref';

/** Where the cells of some rows went, within the columns `left..right` of one sheet. */
export interface RowMove {
  /** the sheet's name, for references qualified with it */
  sheet: string;
  left: number;
  right: number;
  /** the row a cell of `row` is now in (the same row when it did not move) */
  rowOf: (row: number) => number;
}

const REF = /(?<![\w.$\\'\]])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![\w(!.[])/g;

/**
 * The formula with its references to moved cells updated.
 *
 * @example
 * moveReferences('SUM(A5:A9)+Werken!A5', { sheet: 'Meekoppelkansen', left: 1, right: 3, rowOf: (r) => r + 2 });
 * // 'SUM(A7:A11)+Werken!A5'
 */
export function moveReferences(formula: string, move: RowMove): string {
  const skip = literalMask(formula);
  return formula.replace(REF, (whole: string, ...g: unknown[]) => {
    const at = g[9] as number;
    if (skip[at]) return whole;
    const [prefix, d1, c1, d2, r1, d3, c2, d4, r2] = g as (string | undefined)[];
    if (prefix && !sameSheet(prefix.slice(0, -1), move.sheet)) return whole;
    const col1 = columnNumber(c1 as string), col2 = c2 ? columnNumber(c2) : col1;
    if (Math.min(col1, col2) < move.left || Math.max(col1, col2) > move.right) return whole;
    const row1 = move.rowOf(Number(r1));
    const end = c2 ? `:${d3}${c2}${d4}${move.rowOf(Number(r2))}` : '';
    return `${prefix ?? ''}${d1}${c1}${d2}${row1}${end}`;
  });
}

/**
 * A range reference (`A5:C9`, or `A5 B7:B8` as in sqref) with its moved rows updated.
 *
 * @example
 * moveRange('A5:C9', { sheet: 'Blad1', left: 1, right: 3, rowOf: (r) => r + 1 }); // 'A6:C10'
 */
export function moveRange(ref: string, move: RowMove): string {
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

