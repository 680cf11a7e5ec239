/**
 * Benchmark of the .xlsx writer on big input (issue 8): a Werken table of 100,000 works gets its
 * meekoppelkansen column, and 30,000 Meekoppelkansen rows and a Controle table are written; then
 * the same again into that output (re-analysis), then with the first pair gone. Run: `npx tsx test/file/write-bench.ts`.
 * Figures are printed, never asserted.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, RawTable } from '../../src/core/types';
import { readXlsx } from '../../src/file/read-xlsx';
import { writeResultsXlsx, type TableContent, type XlsxResults } from '../../src/file/write-xlsx';

const WORKS = Number(process.env.WORKS ?? 100_000);
const PAIRS = Number(process.env.PAIRS ?? 30_000);
const DIR = join(tmpdir(), 'kk-write-bench');

const MK_HEADERS = ['id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten',
  'eigenaar_a', 'eigenaar_b', 'titel_a', 'titel_b', 'periode', 'status', 'notitie', 'contactpersoon', 'besparing_eur'];

async function source(): Promise<Uint8Array> {
  const path = join(DIR, `werken-${WORKS}.xlsx`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  mkdirSync(DIR, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Werken');
  const rows = Array.from({ length: WORKS }, (_, i) => [
    `W${i + 1}`, i % 2 ? 'riolering' : 'warmtenet', 'Gemeente Utrecht', `Straat ${i + 1}`, '2027-01-01', '2028-12-31',
    `LINESTRING(${130000 + (i % 1000) * 10} ${450000 + Math.floor(i / 1000) * 10}, ${130005 + (i % 1000) * 10} ${450000 + Math.floor(i / 1000) * 10})`, i * 10,
  ]);
  ws.addTable({ name: 'Werken', ref: 'A1', headerRow: true, columns: ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'budget'].map((name) => ({ name })), rows });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  writeFileSync(path, bytes);
  return bytes;
}

function results(werken: RawTable): XlsxResults & { meekoppelkansen: TableContent } {
  const rows: CellValue[][] = Array.from({ length: PAIRS }, (_, i) => {
    const a = `W${2 * i + 1}`, b = `W${2 * i + 2}`;
    return [`MK-${a}-${b}`, a, b, 'warmtenet', 'riolering', 12.345 + i, 'm', i % 400, '0311 0312', 'Gemeente Utrecht', 'Stedin',
      `Straat ${2 * i + 1}`, `Straat ${2 * i + 2}`, '2027-01-01 – 2028-12-31', 'nieuw', i % 7 ? null : 'bel <Stedin> & Vitens', null, null];
  });
  const values = new Map<number, string>();
  for (let i = 0; i < Math.min(WORKS, 2 * PAIRS); i++) values.set(werken.headerRow + 1 + i, `MK-W${i - (i % 2) + 1}-W${i - (i % 2) + 2}`);
  const controle = { headers: ['tabel', 'rij', 'kolom', 'waarde', 'melding'], rows: Array.from({ length: 500 }, (_, i) => ['Werken', i + 2, 'eind', 'x', 'De einddatum ontbreekt.'] as CellValue[]) };
  return { meekoppelkansen: { headers: MK_HEADERS, rows }, controle, werken: { table: werken, values } };
}

async function main(): Promise<void> {
  const input = await source();
  const t0 = performance.now();
  const werken = (await readXlsx(input)).werken as RawTable;
  const t1 = performance.now();
  console.log(`readXlsx ${((t1 - t0) / 1000).toFixed(2)} s, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  const first = await writeResultsXlsx(input, results(werken));
  const t2 = performance.now();
  console.log(`first write ${((t2 - t1) / 1000).toFixed(2)} s, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  const again = await writeResultsXlsx(first.bytes, results(werken));
  const t3 = performance.now();
  // the first pair gone: every other row of the table moves up one
  const fewer = results(werken);
  fewer.meekoppelkansen.rows.shift();
  const shifted = await writeResultsXlsx(again.bytes, fewer);
  const t4 = performance.now();
  writeFileSync(join(DIR, 'out.xlsx'), shifted.bytes);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2);
  console.log(`${WORKS} works, ${PAIRS} pairs; input ${mb(input.length)} MB, output ${mb(again.bytes.length)} MB`);
  console.log(`readXlsx ${s(t0, t1)} s; first write ${s(t1, t2)} s; re-analysis write ${s(t2, t3)} s (same pairs), ${s(t3, t4)} s (first pair gone, rows move up); peak rss ${mb(process.memoryUsage().rss)} MB`);
}

void main();
