/**
 * The agreement rule of regels.md between the engine and PostGIS: the same qualifying pairs except
 * within 2% of a threshold; lengths within max(0.5 m, 1%), areas within max(1 m², 2%); the same gap.
 */
import type { Meekoppelkans, Regels } from '../../src/core/types';
import type { PgPair } from './differential';

/** What differs, as readable lines (empty lists mean agreement). */
export interface Agreement {
  /** pairs both call qualifying */
  both: number;
  disagreements: string[];
  /** pairs whose buurten of the shared part differ (cm-level buffer-end differences can flip a touch) */
  buurtMismatches: string[];
}

function nearThreshold(p: PgPair, r: Regels): boolean {
  if (p.eenheid === 'punt') return false;
  const t = p.eenheid === 'm2' ? r.minOverlapM2 : r.minOverlapM;
  return Math.abs(p.overlap - t) <= 0.02 * t;
}

function overlapAgrees(engine: number, pg: number, eenheid: string): boolean {
  const diff = Math.abs(engine - pg);
  if (eenheid === 'm2') return diff <= Math.max(1, 0.02 * pg);
  if (eenheid === 'm') return diff <= Math.max(0.5, 0.01 * pg);
  return engine === 0 && pg === 0;
}

/**
 * Compares the engine's pairs with PostGIS's rows under the agreement rule.
 *
 * @example
 * agreement(analyse(werken, buurten, regels), postgisPairs(pg, regels), regels).disagreements; // []
 */
export function agreement(engine: Meekoppelkans[], pg: PgPair[], r: Regels): Agreement {
  const byKey = new Map(pg.map((p) => [`${p.a}|${p.b}`, p]));
  const seen = new Set<string>();
  const out: Agreement = { both: 0, disagreements: [], buurtMismatches: [] };
  for (const m of engine) {
    const key = `${m.werkA}|${m.werkB}`;
    seen.add(key);
    const p = byKey.get(key);
    if (!p) {
      out.disagreements.push(`${m.id}: engine pairs (${m.overlap} ${m.eenheid}), PostGIS finds them not within d`);
      continue;
    }
    if (!p.qualifies) {
      if (!(p.inWindow && nearThreshold(p, r))) out.disagreements.push(`${m.id}: engine ${m.overlap} ${m.eenheid}, PostGIS ${p.overlap} (not qualifying)`);
      continue;
    }
    out.both++;
    if (m.eenheid !== p.eenheid || !overlapAgrees(m.overlap, p.overlap, m.eenheid)) {
      out.disagreements.push(`${m.id}: overlap engine ${m.overlap} ${m.eenheid}, PostGIS ${p.overlap} ${p.eenheid}`);
    }
    if (m.tussentijdDagen !== p.gapDays) out.disagreements.push(`${m.id}: tussentijd engine ${m.tussentijdDagen}, PostGIS ${p.gapDays}`);
    if (m.buurten.join(' ') !== p.buurten.join(' ')) out.buurtMismatches.push(`${m.id}: buurten engine [${m.buurten}], PostGIS [${p.buurten}]`);
  }
  for (const p of pg) {
    if (p.qualifies && !seen.has(`${p.a}|${p.b}`) && !nearThreshold(p, r)) {
      out.disagreements.push(`MK-${p.a}-${p.b}: PostGIS qualifies (${p.overlap} ${p.eenheid}), engine does not`);
    }
  }
  return out;
}
