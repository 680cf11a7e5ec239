/**
 * The analysis: every pair of works that regels.md calls a meekoppelkans.
 */
import Flatbush from 'flatbush';
import type { Buurt, Meekoppelkans, Regels, Werk } from '../types';
import { AreaShape } from './areaoverlap';
import { BuurtIndex } from './buurten';
import { withinDistance } from './distance';
import { addMonths, gapDays } from './months';
import { measurePair, type Item } from './pair';
import { prepare } from './prepared';

/** Options of `analyse`. */
export interface AnalyseOptions {
  /** called now and then with works done and total (not per pair) */
  onProgress?: (done: number, total: number) => void;
  /** when given, filled with the milliseconds spent preparing + indexing and on the pair search */
  timings?: { indexMs: number; pairsMs: number };
  /**
   * 1 for the works whose pairs this run looks for (a pair belongs to its work earlier in the
   * list): threads that split a run between them (see pack.ts `slabShares`) each find their own
   * pairs, and together every pair once. Absent: every work.
   */
  owned?: Uint8Array;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** the order of analyse's answer: werkA, then werkB, plain code-unit order */
const byPair = (p: Meekoppelkans, q: Meekoppelkans): number => byId(p.werkA, q.werkA) || byId(p.werkB, q.werkB);

/**
 * The answers of the threads that split one run (`owned`), as one answer in analyse's order.
 *
 * @example
 * mergeShares([analyse(w, b, r, { owned: west }), analyse(w, b, r, { owned: east })]);
 * // the same as analyse(w, b, r)
 */
export function mergeShares(shares: Meekoppelkans[][]): Meekoppelkans[] {
  return shares.flat().sort(byPair);
}

function toItem(w: Werk, regels: Regels, plus: (day: number) => number): Item {
  const g = prepare(w.geometry);
  const area = g.kind === 2 ? new AreaShape(g) : null;
  return {
    id: w.id, categorie: w.categorie, geometry: w.geometry, g, area,
    d: w.bufferM ?? regels.afstandM,
    start: w.start, eind: w.eind, eindPlus: plus(w.eind),
  };
}

/** bboxes grown by each work's own distance: two works within max(dA, dB) always overlap here */
function indexItems(items: Item[]): Flatbush | null {
  if (items.length === 0) return null;
  const index = new Flatbush(items.length);
  for (const it of items) index.add(it.g.minX - it.d, it.g.minY - it.d, it.g.maxX + it.d, it.g.maxY + it.d);
  index.finish();
  return index;
}

/** rules 1 and 3 of regels.md, cheapest first */
function nearInKindAndTime(a: Item, b: Item, regels: Regels): boolean {
  if (!regels.zelfdeCategorie && a.categorie === b.categorie) return false;
  return a.start <= b.eindPlus && b.start <= a.eindPlus;
}

function pairOf(x: Item, y: Item, regels: Regels, buurten: BuurtIndex): Meekoppelkans | null {
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  const d = Math.max(a.d, b.d);
  if (!withinDistance(a.g, b.g, d)) return null;
  const m = measurePair(a, b, d, regels);
  if (!m) return null;
  return {
    id: `MK-${a.id}-${b.id}`,
    werkA: a.id, werkB: b.id, categorieA: a.categorie, categorieB: b.categorie,
    overlap: Math.round(m.overlap * 100) / 100,
    eenheid: m.eenheid,
    tussentijdDagen: gapDays(a.start, a.eind, b.start, b.eind),
    buurten: buurten.touchedBy(m.shared),
    shared: m.shared,
  };
}

/**
 * Finds every meekoppelkans among the works under the given rules (regels.md): different
 * categories (unless `zelfdeCategorie`), within the pair's distance (the larger `bufferM`/`afstandM`
 * of the two), periods within `maxTussentijdMaanden` calendar months, and sharing enough street or
 * area. Sorted by werkA, then werkB (plain code-unit order).
 *
 * @example
 * analyse(werkboek.werken, werkboek.buurten, DEFAULT_REGELS);
 * // [{ id: 'MK-W1-W7', werkA: 'W1', werkB: 'W7', overlap: 84.3, eenheid: 'm', tussentijdDagen: 0, buurten: ['0111'], ... }]
 */
export function analyse(werken: Werk[], buurten: Buurt[], regels: Regels, opts: AnalyseOptions = {}): Meekoppelkans[] {
  const t0 = performance.now();
  // many works end on the same day: the calendar sum once per day
  const sums = new Map<number, number>();
  const plus = (day: number): number => {
    let v = sums.get(day);
    if (v === undefined) sums.set(day, (v = addMonths(day, regels.maxTussentijdMaanden)));
    return v;
  };
  const items = werken.map((w) => toItem(w, regels, plus));
  const index = indexItems(items);
  const buurtIndex = new BuurtIndex(buurten);
  const t1 = performance.now();
  const out: Meekoppelkans[] = [];
  const total = items.length;
  const step = Math.max(1, Math.ceil(total / 100));
  const owned = opts.owned;
  if (owned && owned.length !== total) throw new Error(`analyse: owned has ${owned.length} entries for ${total} works; give one per work`);
  for (let i = 0; i < total && index; i++) {
    if (opts.onProgress && i % step === 0 && i > 0) opts.onProgress(i, total);
    if (owned && owned[i] !== 1) continue;
    const a = items[i];
    // the pair work runs inside the search's filter, which always says no: no result array per work
    index.search(a.g.minX - a.d, a.g.minY - a.d, a.g.maxX + a.d, a.g.maxY + a.d, (j) => {
      // each unordered pair once
      if (j <= i || !nearInKindAndTime(a, items[j], regels)) return false;
      const mk = pairOf(a, items[j], regels, buurtIndex);
      if (mk) out.push(mk);
      return false;
    });
  }
  opts.onProgress?.(total, total);
  out.sort(byPair);
  if (opts.timings) Object.assign(opts.timings, { indexMs: t1 - t0, pairsMs: performance.now() - t1 });
  return out;
}
