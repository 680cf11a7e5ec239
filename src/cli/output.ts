/**
 * The CLI's outputs: the pairs as CSV or GeoJSON, or the werkboek with its results as .xlsx.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';
import { toWgs84 } from '../core/geometry/crs';
import { toGeoJson } from '../core/geometry/write';
import type { CellValue, Meekoppelkans, RawTable, Werk, Werkboek } from '../core/types';
import { controleRows } from '../core/werkboek/read';
import { mergeMeekoppelkansen, periode } from '../core/werkboek/meekoppelkansen';
import { meekoppelkansenByRij } from '../core/werkboek/meekoppelkansen-kolom';
import { readXlsx } from '../file/read-xlsx';
import { withFormats, writeResultsXlsx, type WriteOutcome } from '../file/write-xlsx';

/** The columns of regels.md "What is reported", in order, then the ones that help a reader. */
export const CSV_COLUMNS = [
  'id', 'werk_a', 'werk_b', 'categorie_a', 'categorie_b', 'overlap', 'eenheid', 'tussentijd_dagen', 'buurten',
  'eigenaar_a', 'eigenaar_b', 'titel_a', 'titel_b', 'periode',
] as const;

type Properties = Record<(typeof CSV_COLUMNS)[number], string | number>;

function properties(p: Meekoppelkans, werken: ReadonlyMap<string, Werk>): Properties {
  const a = werken.get(p.werkA), b = werken.get(p.werkB);
  return {
    id: p.id, werk_a: p.werkA, werk_b: p.werkB, categorie_a: p.categorieA, categorie_b: p.categorieB,
    overlap: p.overlap, eenheid: p.eenheid, tussentijd_dagen: p.tussentijdDagen, buurten: p.buurten.join(' '),
    eigenaar_a: a?.eigenaar ?? '', eigenaar_b: b?.eigenaar ?? '', titel_a: a?.titel ?? '', titel_b: b?.titel ?? '',
    periode: a && b ? periode(a, b) : '',
  };
}

/** sorted by werk_a, then werk_b, as regels.md asks */
function sorted(pairs: readonly Meekoppelkans[]): Meekoppelkans[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...pairs].sort((p, q) => cmp(p.werkA, q.werkA) || cmp(p.werkB, q.werkB));
}

/**
 * The pairs as CSV text (UTF-8, comma, header row, CRLF as spreadsheets expect).
 *
 * @example
 * pairsCsv(pairs, werkboek.werken).split('\r\n')[0]; // 'id,werk_a,werk_b,...'
 */
export function pairsCsv(pairs: readonly Meekoppelkans[], werken: readonly Werk[]): string {
  const byId = new Map(werken.map((w) => [w.id, w]));
  const rows = sorted(pairs).map((p) => { const props = properties(p, byId); return CSV_COLUMNS.map((c) => props[c]); });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}

/**
 * The shared parts as a GeoJSON FeatureCollection in WGS84, with the CSV's columns as properties.
 *
 * @example
 * JSON.parse(pairsGeoJson(pairs, werken)).features[0].properties.id; // 'MK-W1-W2'
 */
export function pairsGeoJson(pairs: readonly Meekoppelkans[], werken: readonly Werk[]): string {
  const byId = new Map(werken.map((w) => [w.id, w]));
  const features = sorted(pairs).map((p) => ({ type: 'Feature', properties: properties(p, byId), geometry: toGeoJson(toWgs84(p.shared)) }));
  return JSON.stringify({ type: 'FeatureCollection', features }) + '\n';
}

/**
 * The werkboek with Meekoppelkansen (merged with the planner's columns), Controle and the Werken
 * column written in. For a CSV input, `source` is a new workbook holding the works.
 */
export async function resultsXlsx(source: Uint8Array, existing: RawTable | undefined, werkenTable: RawTable | undefined, werkboek: Werkboek, pairs: Meekoppelkans[]): Promise<WriteOutcome> {
  const [controleHeaders, ...controle] = controleRows(werkboek.problems);
  return writeResultsXlsx(source, {
    meekoppelkansen: (metOpmerking) => withFormats(mergeMeekoppelkansen(existing, pairs, werkboek.werken, { metOpmerking })),
    controle: { headers: controleHeaders.map(String), rows: controle },
    werken: werkenTable ? { table: werkenTable, values: meekoppelkansenByRij(werkboek.werken, pairs) } : undefined,
  });
}

/**
 * A new workbook with the works of a CSV as its Werken table (created fresh, so exceljs may write it).
 *
 * @example
 * const { bytes, werken } = await werkboekFromTable(input.raw.werken);
 */
export async function werkboekFromTable(werken: RawTable): Promise<{ bytes: Uint8Array; werken: RawTable }> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Werken');
  const seen = new Set<string>();
  const columns = werken.headers.map((h, i) => {
    let name = h || `Kolom${i + 1}`;
    while (seen.has(name.toLowerCase())) name += '_';
    seen.add(name.toLowerCase());
    return { name, filterButton: true };
  });
  const rows = werken.rows.length > 0 ? werken.rows : [werken.headers.map(() => null)];
  ws.addTable({ name: 'Werken', ref: 'A1', headerRow: true, columns, rows: rows.map((r) => r.map(excelCell)) });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const table = (await readXlsx(bytes)).werken as RawTable;
  return { bytes, werken: table };
}

function excelCell(value: CellValue): string | number | boolean | null {
  return value !== null && typeof value === 'object' ? value.error : value;
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so a failure never leaves
 * a half-written file (and never touches the input when it is the same path).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
