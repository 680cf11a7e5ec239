/**
 * The planner's status and notitie per pair id, from the workbook's own Meekoppelkansen table.
 * A small reader of two columns for the map and list; writing them back is the werkboek merge's job.
 */
import type { RawTable } from '../core/types';
import { cellToText } from '../core/werkboek/cells';
import { normaliseHeader } from '../core/werkboek/headers';
import type { PlannerVelden } from './kaart-model';

/**
 * Reads id → { status, notitie } from a Meekoppelkansen table; rows without an id are skipped.
 *
 * @example
 * plannerVelden(raw.meekoppelkansen).get('MK-W1-W2')?.status; // 'in overleg'
 */
export function plannerVelden(table: RawTable | undefined): Map<string, PlannerVelden> {
  const out = new Map<string, PlannerVelden>();
  if (!table) return out;
  const col = (name: string) => table.headers.findIndex((h) => normaliseHeader(h) === name);
  const [id, status, notitie] = [col('id'), col('status'), col('notitie')];
  if (id < 0) return out;
  const text = (row: (typeof table.rows)[number], i: number): string => {
    if (i < 0) return '';
    const t = cellToText(row[i]);
    return t.ok ? t.value : '';
  };
  for (const row of table.rows) {
    const key = text(row, id);
    if (key) out.set(key, { status: text(row, status), notitie: text(row, notitie) });
  }
  return out;
}
