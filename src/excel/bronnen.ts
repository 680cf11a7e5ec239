/**
 * The column mappings remembered per source (src/core/import/bronnen.ts) in the open workbook:
 * the add-in's own table KoppelkaartBronnen, on a sheet of its own.
 */
import { BRONNEN_KOPPEN, BRONNEN_TABEL, bronnenTable, readBronnen } from '../core/import/bronnen';
import type { KolomMapping } from '../core/import/mapping';
import { type BatchOptions, DEFAULT_MAX_REQUEST_BYTES, syncPacked } from './batch';
import { planOwnTable } from './own-table';
import { placeOf } from './place';
import { type ExcelRawTable, type WorkbookIndex, indexWorkbook, readRawTables } from './read';

async function bronnenRaw(context: Excel.RequestContext, index: WorkbookIndex, options: BatchOptions): Promise<ExcelRawTable | undefined> {
  const table = index.tables.find((t) => t.name.toLowerCase() === BRONNEN_TABEL.toLowerCase());
  if (!table) return undefined;
  const [raw] = await readRawTables(context, [{ sheet: table.sheet, table: table.name }], options);
  return raw;
}

/**
 * The remembered mappings by `bronKey(bron)`; empty when the workbook has no KoppelkaartBronnen.
 *
 * @example
 * const bronnen = await Excel.run((context) => readBronnenFromExcel(context));
 * const imp = importWerken(csv, raw.werken, { bron, remembered: bronnen.get(bronKey(bron)) });
 */
export async function readBronnenFromExcel(context: Excel.RequestContext, options: BatchOptions = {}): Promise<Map<string, KolomMapping>> {
  return readBronnen(await bronnenRaw(context, await indexWorkbook(context), options));
}

/**
 * Remembers `mapping` for `bron` (replacing an earlier one) in KoppelkaartBronnen, created on a
 * sheet of its own when missing (another sheet name when the planner has a sheet of that name).
 *
 * @example
 * await Excel.run((context) => saveBron(context, 'stedin.csv', imp.mapping));
 */
export async function saveBron(context: Excel.RequestContext, bron: string, mapping: KolomMapping, options: BatchOptions & { vandaag?: string } = {}): Promise<{ sheet: string; meldingen: string[] }> {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const meldingen: string[] = [];
  const index = await indexWorkbook(context);
  const existing = await bronnenRaw(context, index, options);
  const content = bronnenTable(existing, bron, mapping, options.vandaag ?? new Date().toISOString().slice(0, 10));
  const place = placeOf(BRONNEN_TABEL, existing, index, meldingen);
  const plan = planOwnTable(place, {
    name: existing?.name ?? BRONNEN_TABEL,
    headers: content.headers,
    rows: content.rows,
    formats: BRONNEN_KOPPEN.map(() => '@'),
    match: 'position',
  }, 0, maxBytes);
  plan.structure(context);
  await context.sync();
  await syncPacked(context, plan.pieces, maxBytes);
  return { sheet: plan.sheet, meldingen };
}
