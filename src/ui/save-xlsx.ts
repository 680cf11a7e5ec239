/**
 * The standalone page's "Opslaan": this run's results, with the planner's edits from the list,
 * written into a copy of the opened .xlsx (the rest of the workbook kept as it was).
 * The writer is loaded only when the planner saves.
 */
import type { CellValue, RawWerkboek } from '../core/types';
import { CONTROLE_HEADERS } from '../core/werkboek/columns';
import { normaliseHeader } from '../core/werkboek/headers';
import { mergeMeekoppelkansen } from '../core/werkboek/meekoppelkansen';
import { meekoppelkansenByRij } from '../core/werkboek/meekoppelkansen-kolom';
import { controleRows } from '../core/werkboek/read';
import type { AnalyseResultaat } from '../worker/protocol';
import type { PlannerVelden } from '../worker/kaart-model';
import type { WriteOutcome } from '../file/write-xlsx';

/** Puts the planner's status and notitie into the merged rows (matched by id). */
export function applyPlannerEdits(headers: string[], rows: CellValue[][], edits: ReadonlyMap<string, PlannerVelden>): void {
  const col = (name: string) => headers.findIndex((h) => normaliseHeader(h) === name);
  const [id, status, notitie] = [col('id'), col('status'), col('notitie')];
  if (id < 0 || status < 0 || notitie < 0) {
    throw new Error('applyPlannerEdits: the merged Meekoppelkansen table lacks id, status or notitie; pass the output of mergeMeekoppelkansen.');
  }
  for (const row of rows) {
    const edit = edits.get(String(row[id] ?? ''));
    if (!edit) continue;
    row[status] = edit.status;
    row[notitie] = edit.notitie === '' ? null : edit.notitie;
  }
}

/**
 * The annotated workbook as new .xlsx bytes.
 *
 * @example
 * const out = await annotatedXlsx(bytes, raw, resultaat, new Map([['MK-W1-W2', { status: 'afgesproken', notitie: '' }]]));
 * download(out.bytes);
 */
export async function annotatedXlsx(
  bytes: ArrayBuffer | Uint8Array,
  raw: RawWerkboek,
  r: Pick<AnalyseResultaat, 'werkboek' | 'paren'>,
  edits: ReadonlyMap<string, PlannerVelden>,
): Promise<WriteOutcome> {
  const { withFormats, writeResultsXlsx } = await import(/* webpackChunkName: "write-xlsx" */ '../file/write-xlsx');
  return writeResultsXlsx(bytes, {
    meekoppelkansen: (metOpmerking) => {
      const table = mergeMeekoppelkansen(raw.meekoppelkansen, r.paren, r.werkboek.werken, { metOpmerking });
      applyPlannerEdits(table.headers, table.rows, edits);
      return withFormats(table);
    },
    controle: { headers: [...CONTROLE_HEADERS], rows: controleRows(r.werkboek.problems).slice(1) },
    werken: raw.werken ? { table: raw.werken, values: meekoppelkansenByRij(r.werkboek.werken, r.paren) } : undefined,
  });
}
