/**
 * `npm run bench`: the engine against PostGIS on 1k, 10k and 100k generated works (bench/generate.ts,
 * seed 42) at Utrecht-like density, the engine's cold start in a fresh process, and the UI in
 * headless Chromium (test/e2e/ui-perf.ts) when /usr/bin/chromium is there. Engine phases are timed
 * after a warm-up, best of seven (three above 10k); PostGIS (when installed) gets the same works with a GiST index,
 * load and query (best of two) timed apart. Ends with a markdown table for the README.
 * Sizes can be chosen: `npm run bench -- 1000 10000`; `--no-ui` skips the browser part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_REGELS } from '../src/core/types';
import { agreement } from '../test/postgis/agreement';
import { postgisAvailable, startCluster, type PgCluster } from '../test/postgis/cluster';
import { loadWerken, postgisPairs } from '../test/postgis/differential';
import { engineRun, engineRunParallel, prepareInput, type EngineInput, type EngineTimes } from './engine';
import { closeThreads, defaultThreads, PARALLEL_FROM } from '../src/cli/parallel-analyse';
import { generateWerken } from './generate';
import { markdownTable } from './table';

const args = process.argv.slice(2);
const sizes = args.map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000, 100000];
const SEED = 42;
const CHROMIUM = '/usr/bin/chromium';

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const f0 = (v: number): string => v.toFixed(0);
const load = (): string => loadavg().map((v) => v.toFixed(2)).join(', ');

/** the engine's first runs in a fresh process (bench/cold.ts) */
function coldStart(): void {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cold.ts')], { encoding: 'utf8' });
  const { libsMs, runs } = JSON.parse(out.trim().split('\n').pop() as string) as { libsMs: number; runs: Omit<EngineTimes, 'pairs'>[] };
  const total = (r: Omit<EngineTimes, 'pairs'>): string => f0(r.parseMs + r.indexMs + r.pairsMs);
  const first = runs[0];
  console.log(`cold start, fresh process, 10000 works (seed 1): loading jsts + proj4 + flatbush ${f0(libsMs)} ms; first run ${total(first)} ms `
    + `(parse+proj ${f0(first.parseMs)}, index ${f0(first.indexMs)}, pairs ${f0(first.pairsMs)}); runs 2–${runs.length}: ${runs.slice(1).map(total).join(', ')} ms`);
}

/** runs per size: the machine is shared, and the minimum is the least disturbed run */
const runsFor = (n: number): number => (n <= 10000 ? 7 : 3);

/** the best of several engine runs: phases each at their minimum, and the fastest whole run */
function engineBest(inp: EngineInput): EngineTimes & { totalMs: number } {
  const runs = Array.from({ length: runsFor(inp.gen.length) }, () => engineRun(inp, sample));
  const best = (k: 'parseMs' | 'indexMs' | 'pairsMs'): number => Math.min(...runs.map((r) => r[k]));
  const totalMs = Math.min(...runs.map((r) => r.parseMs + r.indexMs + r.pairsMs));
  return { ...runs[0], parseMs: best('parseMs'), indexMs: best('indexMs'), pairsMs: best('pairsMs'), totalMs };
}

/** the best of several runs as the CLI does them (every core from PARALLEL_FROM works), and its pairs */
async function parallelBest(inp: EngineInput): Promise<{ totalMs: number; pairs: EngineTimes['pairs'] }> {
  let totalMs = Infinity, pairs: EngineTimes['pairs'] = [];
  for (let k = 0; k < runsFor(inp.gen.length); k++) {
    const r = await engineRunParallel(inp, sample);
    totalMs = Math.min(totalMs, r.parseMs + r.analyseMs);
    pairs = r.pairs;
  }
  return { totalMs, pairs };
}

/** PostGIS load and query (best of two) on the same works, and how the pairs agree */
function postgisRun(pg: PgCluster, inp: EngineInput, e: EngineTimes): string[] {
  const l0 = performance.now();
  loadWerken(pg, inp.gen);
  const loadMs = performance.now() - l0;
  let queryMs = Infinity;
  let rows: ReturnType<typeof postgisPairs> = [];
  for (let k = 0; k < 2; k++) {
    const q0 = performance.now();
    rows = postgisPairs(pg, DEFAULT_REGELS, false, true);
    queryMs = Math.min(queryMs, performance.now() - q0);
  }
  const a = agreement(e.pairs, rows, DEFAULT_REGELS);
  for (const d of a.disagreements.slice(0, 5)) console.log(`  disagreement: ${d}`);
  return [f0(loadMs), f0(queryMs), String(rows.filter((r) => r.qualifies).length), String(a.disagreements.length)];
}

async function uiPerf(): Promise<void> {
  if (args.includes('--no-ui')) return void console.log('UI: skipped (--no-ui)');
  if (!existsSync(CHROMIUM)) return void console.log(`UI: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);
  const ui = await import('../test/e2e/ui-perf');
  console.log(ui.formatUiPerf(await ui.measureUiPerf()));
}

async function main(): Promise<void> {
  console.log(`${new Date().toISOString()} Node ${process.version}, ${cpus()[0].model} (${cpus().length} cores), load average at start ${load()}`);
  coldStart();
  // warm-up: V8 needs a few full runs before the hot loops are optimised
  const warm = prepareInput(generateWerken(10000, 1));
  for (let k = 0; k < 4; k++) engineRun(warm);
  // the worker threads warm up too (minWorks 0: they take part even at 10,000 works)
  for (let k = 0; k < 4; k++) await engineRunParallel(warm, undefined, 0);
  const pg: PgCluster | null = postgisAvailable() ? startCluster() : null;
  if (!pg) console.log('PostGIS: skipped, the PostgreSQL 15 + PostGIS binaries are missing');
  const rows: string[][] = [];
  try {
    for (const n of SIZES) {
      const inp = prepareInput(generateWerken(n, SEED));
      const e = engineBest(inp);
      const p = await parallelBest(inp);
      const threads = n >= PARALLEL_FROM ? defaultThreads() : 1;
      if (JSON.stringify(p.pairs) !== JSON.stringify(e.pairs)) throw new Error(`${n} works: the parallel run found other pairs than the single-thread run`);
      const pgCols = pg ? postgisRun(pg, inp, e) : ['-', '-', '-', '-'];
      const ratio = (ms: number): string => (pg ? (ms / Number(pgCols[1])).toFixed(2) : '-');
      rows.push([n.toLocaleString('en').replace(/,/g, ' '), f0(e.parseMs), f0(e.indexMs), f0(e.pairsMs), f0(e.totalMs), ratio(e.totalMs),
        `${f0(p.totalMs)} (${threads})`, pgCols[0], pgCols[1], ratio(p.totalMs), String(e.pairs.length), pgCols[2], pgCols[3], `${f0(peakRss / 1048576)} MB`]);
      console.log(`done ${n}: engine ${f0(e.totalMs)} ms on one thread, ${f0(p.totalMs)} ms as the CLI runs it (${threads} threads), PostGIS query ${pgCols[1]} ms, load average ${load()}`);
    }
  } finally {
    pg?.stop();
    await closeThreads();
  }
  await uiPerf();
  console.log(`\nload average at the end ${load()}; engine: best of 7 runs (best of 3 at 100 000 works) after warm-up, phases on one thread, `
    + `then as the CLI runs it (threads in brackets: parse on one, index + pairs on every core from ${PARALLEL_FROM} works; PostGIS's plan uses two processes here too); `
    + 'PostGIS: GiST index, query best of 2\n');
  console.log(markdownTable(
    ['works', 'parse+proj ms', 'index ms', 'pairs ms', 'engine 1 thread ms', '1 thread/PG', 'engine CLI ms', 'PG load ms', 'PG query ms', 'engine/PG query', 'engine pairs', 'PG pairs', 'disagreements', 'peak RSS'],
    rows,
  ));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
