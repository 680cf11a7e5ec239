/**
 * Reading one cell as text, number or yes/no. Each parser returns a value or a Dutch message that
 * says how to fix the cell; the caller adds the place and makes it a RowProblem.
 */
import type { CellValue } from '../types';

/** The result of reading one cell: a value, or a Dutch message saying what to fix. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly melding: string };

/** The most characters one Excel cell holds; a longer geometry continues in `geometrie_2`, ... */
export const MAX_CELL_CHARS = 32_767;

/** @internal */
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** @internal */
export const bad = <T>(melding: string): Parsed<T> => ({ ok: false, melding });

// what each Excel error usually means, so the message can say where to look
const ERROR_HINTS: Record<string, string> = {
  '#N/A': 'een opzoekformule (zoals VERT.ZOEKEN) vond geen waarde',
  '#VALUE!': 'een formule rekent met een waarde van het verkeerde soort',
  '#REF!': 'een formule verwijst naar een cel die niet meer bestaat',
  '#DIV/0!': 'een formule deelt door nul',
  '#NAME?': 'een formule gebruikt een onbekende functie- of bereiknaam',
  '#NUM!': 'een formule geeft een onmogelijk getal',
  '#NULL!': 'een formule gebruikt een bereik dat niet bestaat',
  '#SPILL!': 'een matrixformule kan niet uitlopen over de cellen ernaast',
  '#CALC!': 'een formule kan niet berekend worden',
  '#GETTING_DATA': 'Excel was de waarde nog aan het ophalen',
  '#BUSY!': 'Excel was de waarde nog aan het berekenen',
};

/**
 * The Dutch message for an Excel error cell, naming the error and where to look.
 *
 * @example
 * errorMelding('#N/A'); // 'De cel bevat de Excel-fout #N/A: een opzoekformule ... Herstel de formule of typ de waarde in.'
 */
export function errorMelding(error: string): string {
  const hint = ERROR_HINTS[error.toUpperCase()] ?? 'een formule geeft een fout';
  return `De cel bevat de Excel-fout ${error}: ${hint}. Herstel de formule of typ de waarde in.`;
}

/**
 * True for a cell with nothing in it: null, or text of only spaces.
 *
 * @example
 * isEmptyCell('  '); // true
 * isEmptyCell(0); // false
 */
export function isEmptyCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * A number as Excel shows it in a General cell: at most 15 significant digits, no `.0`.
 *
 * @example
 * numberToText(12); // '12'
 * numberToText(0.1 + 0.2); // '0.3'
 */
export function numberToText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * A cell as trimmed text; numbers without `.0`, booleans as `WAAR`/`ONWAAR`, empty as ''.
 * Leading zeros of text stay (`'0111'`). An error cell is bad input.
 *
 * @example
 * cellToText(' 0111 '); // { ok: true, value: '0111' }
 * cellToText(12); // { ok: true, value: '12' }
 * cellToText({ error: '#REF!' }).ok; // false
 */
export function cellToText(value: CellValue | undefined): Parsed<string> {
  if (value === null || value === undefined) return ok('');
  if (typeof value === 'object') return bad(errorMelding(value.error));
  if (typeof value === 'number') return ok(numberToText(value));
  if (typeof value === 'boolean') return ok(value ? 'WAAR' : 'ONWAAR');
  return ok(value.trim());
}

// accepted number texts: plain with either decimal mark, or grouped by thousands either way
const PLAIN = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
// Dutch first: a dot before three digits groups thousands, a lone comma is the decimal mark
const DUTCH_GROUPED = /^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const ENGLISH_GROUPED = /^[+-]?[1-9]\d{0,2}((,\d{3})+\.\d+|(,\d{3}){2,})$/;

/**
 * A number from a number cell or from text: decimal comma `12,5`, thousands dots `1.234,5`, plain
 * `12.5`, thousands commas `1,234.5`, spaces as thousands separators, an optional `€`.
 * Read the Dutch way where ambiguous: `1.500` is 1500 and `1,500` is 1.5. Empty is bad input;
 * check `isEmptyCell` first for optional cells.
 *
 * @example
 * cellToNumber('1.234,5'); // { ok: true, value: 1234.5 }
 * cellToNumber('12,5'); // { ok: true, value: 12.5 }
 * cellToNumber('twaalf').ok; // false
 */
export function cellToNumber(value: CellValue | undefined): Parsed<number> {
  if (isEmptyCell(value)) return bad('De cel is leeg. Vul een getal in.');
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : bad(`${value} is geen eindig getal (NaN of oneindig). Vul een gewoon getal in, bijvoorbeeld 12,5.`);
  if (typeof value === 'object' && value !== null) return bad(errorMelding(value.error));
  if (typeof value === 'boolean') return bad('Hier hoort een getal, geen WAAR/ONWAAR. Vul een getal in.');
  const text = String(value)
    .trim()
    .replace(/^€\s*/, '')
    .replace(/(\d)[\s\u00a0\u202f]+(?=\d{3}\b)/g, '$1');
  let normal: string | undefined;
  if (DUTCH_GROUPED.test(text)) normal = text.replace(/\./g, '').replace(',', '.');
  else if (ENGLISH_GROUPED.test(text)) normal = text.replace(/,/g, '');
  else if (PLAIN.test(text)) normal = text.replace(',', '.');
  if (normal === undefined) {
    return bad(`"${String(value).trim()}" is geen getal. Schrijf een getal, bijvoorbeeld 12,5 of 1.234,5.`);
  }
  return ok(Number(normal));
}

const TRUE_WORDS = new Set(['ja', 'j', 'true', 'waar', '1', 'yes', 'y']);
const FALSE_WORDS = new Set(['nee', 'n', 'false', 'onwaar', '0', 'no']);

/**
 * Yes or no, for the Regels table: ja/nee, true/false, waar/onwaar, 1/0 and Excel's booleans.
 *
 * @example
 * cellToBoolean('Ja'); // { ok: true, value: true }
 * cellToBoolean(0); // { ok: true, value: false }
 */
export function cellToBoolean(value: CellValue | undefined): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'object' && value !== null) return bad(errorMelding(value.error));
  const word = cellToText(value);
  const text = word.ok ? word.value.toLowerCase() : '';
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return bad(`"${text}" is geen ja of nee. Vul ja of nee in.`);
}
