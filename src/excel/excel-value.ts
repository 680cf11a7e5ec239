/**
 * Values as they must be written through office-js `values` to arrive as they are: Excel types a
 * written string as if the planner typed it (`=...` becomes a formula, `0012` the number 12,
 * `1-3` a date), so a text that Excel would retype gets a leading apostrophe, Excel's own
 * "this is text" mark, which is not part of the value read back.
 */
import type { CellValue } from '../core/types';

// what Excel would read as a formula, number, percentage, date or time, boolean, or an apostrophe
const RETYPED = /^\s*[=+\-@']|^\s*[-+]?[\d.,\s]+%?\s*$|^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$|^\s*\d{1,2}:\d{2}|^\s*(true|false|waar|onwaar)\s*$|^\s*#/i;

/**
 * One cell value for office-js: null stays null (the cell is left alone), an error value is
 * written as its text, and a text Excel would retype is marked as text, except in a text (`@`)
 * cell where Excel keeps every text as it is.
 *
 * @example
 * excelValue('=HYPERLINK("x")', false); // "'=HYPERLINK(\"x\")"
 * excelValue('0012', true);            // '0012'
 */
export function excelValue(value: CellValue, textCell: boolean): string | number | boolean | null {
  if (value === null) return null;
  if (typeof value === 'object') return value.error;
  if (typeof value !== 'string' || textCell) return value;
  return RETYPED.test(value) ? `'${value}` : value;
}
