/**
 * The analysis on every core of a Node host: this thread takes one share of the pair search
 * (analyse's `share`) and worker threads the others, on one packed copy of the works in shared
 * memory (core/analysis/pack.ts). PostGIS runs the reference query on two processes here (a
 * parallel plan), so the engine does the same. Answers exactly what `analyse` answers.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyse, mergeShares } from '../core/analysis/analyse';
import { packRun, slabShares, unpackPairs, type Alloc, type PackedPairs, type PackedRun } from '../core/analysis/pack';
import type { Buurt, Meekoppelkans, Regels, Werk } from '../core/types';

/** below this many works one thread is as fast: handing out the work costs more than it saves */
export const PARALLEL_FROM = 20000;

/** A share of a run, sent to a worker thread: its members packed, and which of them it owns. */
export interface ThreadJob {
  job: number;
  run: PackedRun;
  owned: Uint8Array;
  regels: Regels;
}

/** A worker thread's answer. */
export type ThreadReply = { job: number; pairs: PackedPairs } | { job: number; error: string };

/** Options of `analyseParallel`. */
export interface ParallelOptions {
  /** threads in all, this one included (default: the cores the host may use) */
  threads?: number;
  /** works done and total, from this thread's share (the others go at the same pace) */
  onProgress?: (done: number, total: number) => void;
  /** fewer works than this run on this thread only (default PARALLEL_FROM) */
  minWorks?: number;
  /** told when a thread failed and its share was done on this thread instead */
  onThreadFailure?: (reason: string) => void;
}

/**
 * How many threads `analyseParallel` uses for this many works.
 *
 * @example
 * threadsUsed(100000, {}); // 2 on a two-core machine
 */
export function threadsUsed(works: number, opts: Pick<ParallelOptions, 'threads' | 'minWorks'>): number {
  const threads = Math.max(1, Math.floor(opts.threads ?? defaultThreads()));
  return works < (opts.minWorks ?? PARALLEL_FROM) ? 1 : threads;
}

const sharedAlloc: Alloc = (kind, bytesPer, n) => new kind(new SharedArrayBuffer(bytesPer * n));

const pool: Worker[] = [];
let jobs = 0;

function spawn(): Worker {
  const file = join(__dirname, `analyse-thread${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  // from the TypeScript sources (bench, tests) the thread needs tsx to load .ts files
  const worker = file.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true })
    : new Worker(file);
  // an idle pool never keeps the process alive
  worker.unref();
  worker.on('error', () => drop(worker));
  worker.on('exit', () => drop(worker));
  return worker;
}

function drop(worker: Worker): void {
  const k = pool.indexOf(worker);
  if (k >= 0) pool.splice(k, 1);
}

/** the default number of threads: every core the host lets us use */
export const defaultThreads = (): number => availableParallelism();

/**
 * Starts the worker threads of later analyses now, so their start-up overlaps with reading the
 * input. Cheap to call again.
 *
 * @example
 * warmThreads(); // while the workbook is being read
 */
export function warmThreads(threads = defaultThreads()): void {
  while (pool.length < threads - 1) pool.push(spawn());
}

/**
 * Ends the worker threads (tests; a process ends without this, the threads are unref'd).
 *
 * @example
 * await closeThreads();
 */
export async function closeThreads(): Promise<void> {
  await Promise.all(pool.splice(0).map((w) => w.terminate()));
}

/** one share on a worker thread: its pairs, or why it failed (its share is then done here) */
function onThread(worker: Worker, msg: ThreadJob): Promise<Meekoppelkans[] | string> {
  return new Promise((resolve) => {
    const done = (answer: Meekoppelkans[] | string): void => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(answer);
    };
    const onMessage = (reply: ThreadReply): void => {
      if (reply.job !== msg.job) return;
      if ('error' in reply) drop(worker);
      done('pairs' in reply ? unpackPairs(reply.pairs) : reply.error);
    };
    const onError = (err: Error): void => done(err.message);
    const onExit = (code: number): void => done(`the thread ended (exit code ${code})`);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    try {
      worker.postMessage(msg);
    } catch (err) {
      done((err as Error).message);
    }
  });
}

/**
 * `analyse` on `threads` threads: the same pairs in the same order. Small runs (under
 * PARALLEL_FROM works) and single-core hosts run on this thread only.
 *
 * @example
 * const pairs = await analyseParallel(werkboek.werken, werkboek.buurten, werkboek.regels);
 */
export async function analyseParallel(werken: Werk[], buurten: Buurt[], regels: Regels, opts: ParallelOptions = {}): Promise<Meekoppelkans[]> {
  const threads = threadsUsed(werken.length, opts);
  const progress = opts.onProgress ? { onProgress: opts.onProgress } : {};
  if (threads < 2) return analyse(werken, buurten, regels, progress);
  warmThreads(threads);
  const [mine, ...others] = slabShares(werken, regels.afstandM, threads);
  const helpers = pool.slice(0, threads - 1);
  const subsets = others.map((s) => Array.from(s.members, (i) => werken[i]));
  const pending = others.map((s, k) => {
    const job: ThreadJob = { job: ++jobs, run: packRun(subsets[k], buurten, sharedAlloc), owned: s.owned, regels };
    return helpers[k] ? onThread(helpers[k], job) : Promise.resolve('no thread could be started');
  });
  // progress of this thread's slab, as a share of the whole run (the other threads go at the same pace)
  const onProgress = opts.onProgress && ((done: number, total: number) => opts.onProgress?.(Math.round((done / total) * werken.length), werken.length));
  const here = analyse(Array.from(mine.members, (i) => werken[i]), buurten, regels, { owned: mine.owned, ...(onProgress ? { onProgress } : {}) });
  const theirs = await Promise.all(pending);
  // a share whose thread failed is done here after all: the answer is never short
  const shares = theirs.map((answer, k) => {
    if (typeof answer !== 'string') return answer;
    opts.onThreadFailure?.(answer);
    return analyse(subsets[k], buurten, regels, { owned: others[k].owned });
  });
  return mergeShares([here, ...shares]);
}
