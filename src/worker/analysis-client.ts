/**
 * Runs an analysis in a Web Worker, so the pane stays responsive: progress comes in as it goes,
 * and cancelling terminates the worker (the next run starts a fresh one).
 */
import type { RawWerkboek } from '../core/types';
import type { AnalyseResultaat, AnalyseVraag, WorkerBericht } from './protocol';

export type { AnalyseResultaat } from './protocol';

/** A running analysis. */
export interface AnalyseRun {
  /** resolves with the result; rejects with a Dutch message on failure, or `GEANNULEERD` */
  resultaat: Promise<AnalyseResultaat>;
  cancel(): void;
}

export const GEANNULEERD = 'Analyse geannuleerd.';

/** Makes the worker; a function so tests and other bundlers can pass their own. */
export type WorkerFactory = () => Worker;

/** the default: webpack 5 bundles the worker from this URL pattern */
export const defaultWorker: WorkerFactory = () =>
  // @ts-expect-error -- import.meta needs module esnext; webpack's ts-loader compiles this file with it
  new Worker(new URL('./analysis.worker.ts', import.meta.url));

/**
 * Starts an analysis of a raw workbook.
 *
 * @example
 * const run = startAnalyse(raw, (fase, f) => bar.show(fase, f));
 * cancelButton.onclick = () => run.cancel();
 * const { model } = await run.resultaat;
 */
export function startAnalyse(
  raw: RawWerkboek,
  onVoortgang: (fase: string, fractie: number) => void,
  makeWorker: WorkerFactory = defaultWorker,
): AnalyseRun {
  const worker = makeWorker();
  let settle: { ok: (r: AnalyseResultaat) => void; fail: (e: Error) => void } | null = null;
  const resultaat = new Promise<AnalyseResultaat>((ok, fail) => (settle = { ok, fail }));
  const done = (f: (s: NonNullable<typeof settle>) => void) => {
    if (settle) f(settle);
    settle = null;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<WorkerBericht>) => {
    const m = e.data;
    if (m.type === 'voortgang') onVoortgang(m.fase, m.fractie);
    else if (m.type === 'klaar') done((s) => s.ok(m.resultaat));
    else done((s) => s.fail(new Error(m.melding)));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    done((s) => s.fail(new Error(`De analyse is vastgelopen: ${e.message}`)));
  };
  worker.postMessage({ type: 'analyse', raw } satisfies AnalyseVraag);
  return { resultaat, cancel: () => done((s) => s.fail(new Error(GEANNULEERD))) };
}
