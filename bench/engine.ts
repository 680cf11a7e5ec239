/**
 * One timed engine run for the bench: parse + project every geometry cell, then index and pairs,
 * on this thread only or as the CLI runs it (analyseParallel: every core, from PARALLEL_FROM works).
 */
import { performance } from 'node:perf_hooks';
import { analyse } from '../src/core/analysis/analyse';
import { analyseParallel } from '../src/cli/parallel-analyse';
import { parseGeometry } from '../src/core/geometry/parse';
import { DEFAULT_REGELS, type Meekoppelkans, type Werk } from '../src/core/types';
import { isoDay } from '../test/fixtures/engine/load';
import type { GenWerk } from './generate';

/** Generated works with their dates already as day numbers: dates are the werkboek reader's work, not timed here. */
export interface EngineInput {
  gen: GenWerk[];
  days: { start: number; eind: number }[];
}

/** The input of `engineRun`. */
export function prepareInput(gen: GenWerk[]): EngineInput {
  return { gen, days: gen.map((r) => ({ start: isoDay(r.start), eind: isoDay(r.eind) })) };
}

/** Phase times (ms) and the pairs of one run. */
export interface EngineTimes {
  parseMs: number;
  indexMs: number;
  pairsMs: number;
  pairs: Meekoppelkans[];
}

function parseAll({ gen, days }: EngineInput): Werk[] {
  return gen.map((r, i) => {
    const g = parseGeometry(r.geometrie);
    if (!g.ok) throw new Error(`generated work ${r.id}: ${g.melding}`);
    return { id: r.id, categorie: r.categorie, eigenaar: '', titel: '', ...days[i], geometry: g.geometry, rij: i + 2, extra: {} };
  });
}

/** Parses every geometry, then runs `analyse` with the default rules; `onSample` is called between phases (memory). */
export function engineRun(inp: EngineInput, onSample: () => void = () => undefined): EngineTimes {
  const t0 = performance.now();
  const werken = parseAll(inp);
  const parseMs = performance.now() - t0;
  onSample();
  const timings = { indexMs: 0, pairsMs: 0 };
  const pairs = analyse(werken, [], DEFAULT_REGELS, { timings });
  onSample();
  return { parseMs, ...timings, pairs };
}

/** Times of a run as the CLI does it: parse on this thread, then index + pairs on every core. */
export interface ParallelTimes {
  parseMs: number;
  analyseMs: number;
  pairs: Meekoppelkans[];
}

/** Parses every geometry, then runs `analyseParallel` with the default rules (`minWorks` as there). */
export async function engineRunParallel(inp: EngineInput, onSample: () => void = () => undefined, minWorks?: number): Promise<ParallelTimes> {
  const t0 = performance.now();
  const werken = parseAll(inp);
  const parseMs = performance.now() - t0;
  onSample();
  const t1 = performance.now();
  const pairs = await analyseParallel(werken, [], DEFAULT_REGELS, minWorks === undefined ? {} : { minWorks });
  const analyseMs = performance.now() - t1;
  onSample();
  return { parseMs, analyseMs, pairs };
}
