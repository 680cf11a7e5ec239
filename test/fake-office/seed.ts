/**
 * Seeds for the fake workbook made from a werkboek as read from an .xlsx (`readXlsx`), so the
 * fake in the browser can start from the demo workbook.
 */
import type { CellValue, RawTable, RawWerkboek } from '../../src/core/types';
import type { SeedSheet, SeedValue, SeedWorkbook } from './model';

function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const seedValue = (v: CellValue): SeedValue => v;

/** One sheet per table (tables sharing a sheet share it), each table where it was in the file. */
export function seedFromRawWerkboek(raw: RawWerkboek): SeedWorkbook {
  const sheets = new Map<string, SeedSheet>();
  const tables = Object.values(raw).filter((t): t is RawTable => t !== undefined);
  for (const t of tables) {
    const sheet = sheets.get(t.sheet) ?? { name: t.sheet, tables: [], cells: [] };
    sheets.set(t.sheet, sheet);
    const at = `${columnLetters(t.firstColumn - 1)}${t.headerRow}`;
    if (t.isTable) sheet.tables!.push({ name: t.name, at, headers: t.headers, rows: t.rows.map((r) => r.map(seedValue)) });
    else {
      sheet.at = at;
      sheet.cells = [t.headers, ...t.rows.map((r) => r.map(seedValue))];
    }
  }
  return { sheets: [...sheets.values()] };
}
