/**
 * Writing the results back into the planner's workbook: the Meekoppelkansen table (merged with the
 * planner's notes), the `meekoppelkansen` column of Werken and the Controle table. Nothing else in
 * the workbook is touched. One sync reads where things are, one sync makes the structure (sheets,
 * tables, columns, rows, number formats), and the values follow in as few syncs as the byte
 * budget allows.
 */
import type { Meekoppelkans, RawTable, RawWerkboek, RowProblem, Werk } from '../core/types';
import type { TableName } from '../core/werkboek/columns';
import { controleRows } from '../core/werkboek/read';
import { EXCEL_NUMBER_FORMATS, type MeekoppelkansenChanges, mergeMeekoppelkansen } from '../core/werkboek/meekoppelkansen';
import { meekoppelkansenColumn } from '../core/werkboek/meekoppelkansen-kolom';
import { type BatchOptions, DEFAULT_MAX_REQUEST_BYTES, type WritePiece, chunkRows, jsonBytes, syncPacked } from './batch';
import { type OwnTableWrite, planOwnTable } from './own-table';
import { placeOf } from './place';
import { commentedPairIds } from './comments';
import { type Shape, type TableSource, type WorkbookIndex, indexWorkbook, locateTables, readShape, readSources } from './read';

/** What `writeResults` needs: this run's outcome and the werkboek it was computed from. */
export interface Results {
  pairs: readonly Meekoppelkans[];
  /** the works the pairs were found in (`readWerkboek(raw).werken`) */
  werken: readonly Werk[];
  problems: readonly RowProblem[];
  /** the RawWerkboek that was analysed (its Werken table places the meekoppelkansen column) */
  existing: RawWerkboek;
}

/** What `writeResults` did. */
export interface WriteReport {
  /** sheet and table of the Meekoppelkansen written, and what changed in it */
  meekoppelkansen: { sheet: string; table: string; changes: MeekoppelkansenChanges };
  controle: { sheet: string; table: string; rows: number };
  /** whether the meekoppelkansen column of Werken was written */
  werkenColumn: boolean;
  /** Dutch notes for the planner (another sheet name used, Werken changed meanwhile, ...) */
  meldingen: string[];
}

const CONTROLE_FORMATS = ['@', null, '@', '@', '@'];

/** The plan of the Controle table: one row per problem, in place when ours exists, else on a new sheet. */
export function planControle(existing: RawTable | undefined, index: WorkbookIndex, problems: readonly RowProblem[], meldingen: string[], maxBytes: number): OwnTableWrite & { table: string; rows: number } {
  const [controleHeader, ...controleBody] = controleRows(problems);
  const place = placeOf('Controle', existing, index, meldingen);
  const table = 'existing' in place ? place.existing.name : 'Controle';
  const plan = planOwnTable(place, { name: table, headers: controleHeader.map(String), rows: controleBody, formats: CONTROLE_FORMATS, match: 'position' }, 0, maxBytes);
  return { ...plan, table, rows: controleBody.length };
}

/** Whether Werken still is the table that was analysed (the planner may have edited it since). */
function sameShape(now: Shape | undefined, then: RawTable): boolean {
  return now !== undefined && now.sheet === then.sheet && now.headerRow === then.headerRow && now.firstColumn === then.firstColumn
    && now.rowCount === then.rows.length && then.headers.every((h, i) => now.headers[i] === h);
}

/** The meekoppelkansen column of Werken: header when new, '@' format, changed values only. */
function werkenColumnWrite(werken: RawTable, results: Results, maxBytes: number): { structure: (c: Excel.RequestContext) => void; pieces: WritePiece[] } {
  const write = meekoppelkansenColumn(werken, results.werken, results.pairs);
  const col = write.columnIndex ?? werken.headers.length;
  const top = werken.headerRow - 1;
  const left = werken.firstColumn - 1 + col;
  const n = werken.rows.length;
  const structure = (context: Excel.RequestContext): void => {
    const ws = context.workbook.worksheets.getItem(werken.sheet);
    if (write.columnIndex === undefined) {
      if (werken.isTable) context.workbook.tables.getItem(werken.name).columns.add(undefined, undefined, write.header);
      else ws.getRangeByIndexes(top, left, 1, 1).values = [[write.header]];
    }
    if (n > 0) (ws.getRangeByIndexes(top + 1, left, n, 1) as unknown as { numberFormat: string }).numberFormat = '@';
  };
  const cells = write.values.map((v, i) => {
    const old = write.columnIndex === undefined ? null : (werken.rows[i][write.columnIndex] ?? null);
    return [(old ?? '') === (v ?? '') ? null : (v ?? '')];
  });
  const pieces = chunkRows(cells, maxBytes)
    .filter((chunk) => chunk.rows.some(([v]) => v !== null))
    .map((chunk) => ({
      bytes: jsonBytes(chunk.rows),
      queue: (context: Excel.RequestContext) => {
        const range = context.workbook.worksheets.getItem(werken.sheet).getRangeByIndexes(top + 1 + chunk.start, left, chunk.rows.length, 1);
        range.values = chunk.rows as string[][];
      },
    }));
  return { structure, pieces };
}

/**
 * Writes a run's results into the open workbook, as werkboek.md says: the Meekoppelkansen table on
 * its own sheet (created when missing, updated in place when present, planner columns kept, new
 * pairs `nieuw`, gone pairs with planner input `vervallen`), the meekoppelkansen column of Werken,
 * and the Controle table with one row per problem. A sheet named Meekoppelkansen or Controle that
 * holds no table of ours is never written: another sheet name is used and a melding says so.
 *
 * @example
 * const raw = await Excel.run((context) => readWerkboekFromExcel(context));
 * const werkboek = readWerkboek(raw);
 * const { pairs } = analyse(werkboek);
 * const report = await Excel.run((context) => writeResults(context, { pairs, werken: werkboek.werken, problems: werkboek.problems, existing: raw }));
 */
export async function writeResults(context: Excel.RequestContext, results: Results, options: BatchOptions = {}): Promise<WriteReport> {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const meldingen: string[] = [];
  const index = await indexWorkbook(context);
  const located = locateTables(index);
  const own = (['Meekoppelkansen', 'Controle'] as TableName[]).map((role) => located.get(role)).filter((s): s is TableSource => s !== undefined);
  // our own tables are read fresh, so a note typed during the analysis is kept too
  const now = await readSources(context, own, options);
  const werkenNow = located.get('Werken');
  const werkenShape = werkenNow ? await readShape(context, werkenNow) : undefined;

  // a comment on a pair's row is planner input: such a pair stays (vervallen) with its comment
  const metOpmerking = await commentedPairIds(context, now.get('Meekoppelkansen'));
  const merged = mergeMeekoppelkansen(now.get('Meekoppelkansen'), results.pairs, results.werken, { metOpmerking });
  const mkPlace = placeOf('Meekoppelkansen', now.get('Meekoppelkansen'), index, meldingen);
  const mk = planOwnTable(mkPlace, {
    name: 'existing' in mkPlace ? mkPlace.existing.name : 'Meekoppelkansen',
    headers: merged.headers,
    rows: merged.rows,
    formats: merged.formats.map((f) => (f === null ? null : EXCEL_NUMBER_FORMATS[f])),
    match: 'id',
  }, merged.rows.length - merged.changes.added, maxBytes);

  const ct = planControle(now.get('Controle'), index, results.problems, meldingen, maxBytes);

  const analysed = results.existing.werken;
  const werkenWrite = analysed && sameShape(werkenShape, analysed) ? werkenColumnWrite(analysed, results, maxBytes) : undefined;
  if (analysed && !werkenWrite) {
    meldingen.push('De tabel Werken is veranderd tijdens de analyse; de kolom meekoppelkansen wordt bij de volgende analyse bijgewerkt.');
  }

  mk.structure(context);
  ct.structure(context);
  werkenWrite?.structure(context);
  await context.sync();
  await syncPacked(context, [...mk.pieces, ...ct.pieces, ...(werkenWrite?.pieces ?? [])], maxBytes);
  return {
    meekoppelkansen: { sheet: mk.sheet, table: 'existing' in mkPlace ? mkPlace.existing.name : 'Meekoppelkansen', changes: merged.changes },
    controle: { sheet: ct.sheet, table: ct.table, rows: ct.rows },
    werkenColumn: werkenWrite !== undefined,
    meldingen,
  };
}
