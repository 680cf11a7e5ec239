/**
 * The Meekoppelkansen table as a CSV that Dutch Excel opens as it is: semicolons, a UTF-8 byte
 * order mark (so `ë` and `€` survive), decimal commas, CRLF line ends.
 */
import Papa from 'papaparse';
import type { CellValue } from '../types';
import { numberToText } from '../werkboek/cells';
import type { TabelInhoud } from './geojson';

/**
 * One cell as Dutch Excel reads it: a decimal comma, no thousands separator, booleans as WAAR/ONWAAR.
 *
 * @example
 * dutchCell(31.25); // '31,25'
 */
export function dutchCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (typeof value === 'number') return numberToText(value).replace('.', ',');
  return value;
}

/**
 * Text Excel would run as a formula when it opens the CSV (`=`, `+`, `@`, tab, CR, or `-` not
 * starting a number): papaparse writes it with a leading `'` so it stays text. Negative numbers,
 * written as `-12,5`, stay numbers.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:,\d+)?$))/;

/**
 * The table as CSV text for Dutch Excel (`;`, BOM, decimal comma, CRLF).
 *
 * @example
 * dutchCsv({ headers: ['id', 'overlap'], rows: [['MK-W1-W2', 31.25]] }); // '\uFEFFid;overlap\r\nMK-W1-W2;31,25\r\n'
 */
export function dutchCsv(tabel: TabelInhoud): string {
  const data = tabel.rows.map((r) => tabel.headers.map((_, i) => dutchCell(r[i])));
  const options = { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START };
  return '\uFEFF' + Papa.unparse({ fields: [...tabel.headers], data }, options) + '\r\n';
}
