/**
 * A CSV file of works (columns as the Werken table) as a RawTable, for the CLI and the page.
 * Delimiter `;`, `,` or tab is detected; the first row is the header.
 */
import Papa from 'papaparse';
import type { CellValue, RawTable } from '../core/types';

/**
 * Parses CSV text (already decoded) into a table named `name`, Excel-like row numbers: header on
 * row 1, the first work on row 2, so problems point at the line a planner sees in a spreadsheet.
 *
 * @example
 * csvTable('id;categorie\nW1;riolering', 'Werken').rows; // [['W1', 'riolering']]
 */
export function csvTable(text: string, name: string): RawTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
  });
  const lines = parsed.data;
  // a trailing newline gives one empty line at the end; blank lines in between keep their row number
  while (lines.length > 0 && lines[lines.length - 1].every((c) => c.trim() === '')) lines.pop();
  const headers = (lines[0] ?? []).map((h) => h.trim());
  const rows: CellValue[][] = lines.slice(1).map((line) => headers.map((_, i) => cell(line[i])));
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows, isTable: false };
}

function cell(text: string | undefined): CellValue {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
