/**
 * Runs an analysis in a Web Worker, so the pane stays responsive: progress comes in as it goes,
 * and cancelling terminates the worker (the next run starts a fresh one). After the map's model
 * has come, the worker stays until `sluit()`, holding what saving and exports ask for later.
 * `WerkerVoorraad` makes the next analysis's worker ahead and warms it while the page is idle.
 */
import type { RawWerkboek } from '../core/types';
import type { KaartModel } from '../ui/model';
import type { PlannerVelden } from './kaart-model';
import type { AnalyseFasen, AnalyseGegevens, WorkerBericht, WorkerVraag } from './protocol';

export type { AnalyseGegevens, AnalyseResultaat } from './protocol';

/** What the map needs, as soon as it is there. */
export interface KaartResultaat {
  model: KaartModel;
  /** milliseconds the worker spent, tables read to model sent */
  duurMs: number;
  fasen: AnalyseFasen;
}

/** A running (or finished) analysis. */
export interface AnalyseRun {
  /** resolves with the map's model; rejects with a Dutch message on failure, or `GEANNULEERD` */
  resultaat: Promise<KaartResultaat>;
  /** the tables, werkboek and pairs, fetched from the worker on the first call */
  gegevens(): Promise<AnalyseGegevens>;
  /**
   * The results with the planner's edits written into a copy of these .xlsx bytes, in the worker
   * (the bytes are transferred); rejects with a Dutch message when writing fails.
   */
  opslaan(bytes: ArrayBuffer, edits: ReadonlyMap<string, PlannerVelden>): Promise<{ bytes: Uint8Array; notices: string[] }>;
  /** stops a running analysis (rejects `resultaat` with GEANNULEERD) */
  cancel(): void;
  /** ends the worker of a finished analysis; `gegevens()` then fails */
  sluit(): void;
}

export const GEANNULEERD = 'Analyse geannuleerd.';

/** What the worker gets: tables read by the host, or the .xlsx bytes to read there. */
export type AnalyseInvoer = { raw: RawWerkboek } | { bytes: ArrayBuffer };

export interface AnalyseLuisteraar {
  voortgang(fase: string, fractie: number): void;
  /** the tables are read (at once for `raw`) */
  gelezen?(): void;
}

/** Makes the worker; a function so tests and other bundlers can pass their own. */
export type WorkerFactory = () => Worker;

/** the default: webpack 5 bundles the worker from this URL pattern */
export const defaultWorker: WorkerFactory = () =>
  // @ts-expect-error -- import.meta needs module esnext; webpack's ts-loader compiles this file with it
  new Worker(new URL('./analysis.worker.ts', import.meta.url));

type Wacht<T> = { ok: (r: T) => void; fail: (e: Error) => void };

/**
 * Starts an analysis of a raw workbook or of .xlsx bytes (those are transferred: the caller's
 * buffer is emptied, pass a copy to keep one).
 *
 * @example
 * const run = startAnalyse({ bytes: file.slice(0) }, { voortgang: (fase, f) => bar.show(fase, f) });
 * cancelButton.onclick = () => run.cancel();
 * const { model } = await run.resultaat;
 * const { werkboek, paren } = await run.gegevens(); // when saving
 */
export function startAnalyse(invoer: AnalyseInvoer, luister: AnalyseLuisteraar, makeWorker: WorkerFactory = defaultWorker): AnalyseRun {
  const worker = makeWorker();
  let klaar: Wacht<KaartResultaat> | null = null;
  let gegevens: Promise<AnalyseGegevens> | null = null;
  let wachtGegevens: Wacht<AnalyseGegevens> | null = null;
  let gesloten = false;
  let wachtOpslaan: Wacht<{ bytes: Uint8Array; notices: string[] }> | null = null;
  const resultaat = new Promise<KaartResultaat>((ok, fail) => (klaar = { ok, fail }));
  const stop = (melding: string) => {
    gesloten = true;
    worker.terminate();
    klaar?.fail(new Error(melding));
    wachtGegevens?.fail(new Error(melding));
    wachtOpslaan?.fail(new Error(melding));
    klaar = wachtGegevens = wachtOpslaan = null;
  };
  const werken: KaartModel['werken'] = [];
  const paren: KaartModel['paren'] = [];
  worker.onmessage = (e: MessageEvent<WorkerBericht>) => {
    const m = e.data;
    if (m.type === 'voortgang') luister.voortgang(m.fase, m.fractie);
    else if (m.type === 'gelezen') luister.gelezen?.();
    // a warm-up's report that crossed the request: the worker is ours now
    else if (m.type === 'warm') return;
    else if (m.type === 'werken') for (const w of m.werken) werken.push(w);
    else if (m.type === 'paren') for (const p of m.paren) paren.push(p);
    else if (m.type === 'kaart') {
      klaar?.ok({ model: { ...m.model, werken, paren }, duurMs: m.duurMs, fasen: m.fasen });
      klaar = null;
    } else if (m.type === 'gegevens') {
      wachtGegevens?.ok(m.gegevens);
      wachtGegevens = null;
    } else if (m.type === 'opgeslagen' || m.type === 'opslaan-fout') {
      // a failed write leaves the analysis as it was
      if (m.type === 'opgeslagen') wachtOpslaan?.ok({ bytes: new Uint8Array(m.bytes), notices: m.notices });
      else wachtOpslaan?.fail(new Error(m.melding));
      wachtOpslaan = null;
    } else stop(m.melding);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop(`De analyse is vastgelopen: ${e.message}`);
  };
  if ('bytes' in invoer) worker.postMessage({ type: 'lees', bytes: invoer.bytes } satisfies WorkerVraag, [invoer.bytes]);
  else {
    worker.postMessage({ type: 'analyse', raw: invoer.raw } satisfies WorkerVraag);
    luister.gelezen?.();
  }
  return {
    resultaat,
    gegevens: () => {
      if (gesloten) return Promise.reject(new Error('Deze analyse is afgesloten; analyseer opnieuw.'));
      gegevens ??= new Promise<AnalyseGegevens>((ok, fail) => {
        wachtGegevens = { ok, fail };
        worker.postMessage({ type: 'gegevens' } satisfies WorkerVraag);
      });
      return gegevens;
    },
    opslaan: (bytes, edits) => {
      if (gesloten) return Promise.reject(new Error('Deze analyse is afgesloten; analyseer opnieuw.'));
      if (wachtOpslaan) return Promise.reject(new Error('Er wordt al opgeslagen.'));
      return new Promise((ok, fail) => {
        wachtOpslaan = { ok, fail };
        worker.postMessage({ type: 'opslaan', bytes, edits: [...edits] } satisfies WorkerVraag, [bytes]);
      });
    },
    cancel: () => {
      if (klaar) stop(GEANNULEERD);
    },
    sluit: () => stop('Deze analyse is afgesloten; analyseer opnieuw.'),
  };
}

/**
 * One analysis worker made ahead and warmed while the page is idle (see opwarmen.ts), handed to
 * the next analysis: a fresh worker runs its first big workbook about twice as slow as a warm
 * one. A request that comes while the worker still warms takes it over after the step it is in
 * (tens of milliseconds); cancelling ends it like any worker, and the next analysis gets a fresh one.
 *
 * @example
 * const voorraad = new WerkerVoorraad();
 * requestIdleCallback(() => voorraad.warmOp());
 * const run = startAnalyse({ bytes }, luister, voorraad.neem);
 */
export class WerkerVoorraad {
  private reserve: Worker | null = null;

  constructor(private readonly make: WorkerFactory = defaultWorker) {}

  /**
   * Makes a worker and starts warming it, unless one is held already. `xlsx`: also through an
   * .xlsx and back, which warms exceljs for a file the planner opens (the page; default true).
   */
  warmOp({ xlsx = true }: { xlsx?: boolean } = {}): void {
    if (this.reserve) return;
    const worker = (this.reserve = this.make());
    worker.onmessage = (e: MessageEvent<WorkerBericht>) => {
      if (e.data.type !== 'warm') return;
      // the benchmark waits for this mark to time a workbook on a warm worker
      performance.mark('kk-worker-warm', { detail: { duurMs: e.data.duurMs, langsteStapMs: e.data.langsteStapMs } });
    };
    worker.onerror = (e) => {
      // a broken reserve is dropped; the next analysis makes its own worker and reports the error
      e.preventDefault();
      worker.terminate();
      if (this.reserve === worker) this.reserve = null;
    };
    worker.postMessage({ type: 'opwarmen', xlsx } satisfies WorkerVraag);
  }

  /** The worker held (warm, or still warming), else a fresh one; a `WorkerFactory` for `startAnalyse`. */
  readonly neem: WorkerFactory = () => {
    const worker = this.reserve ?? this.make();
    this.reserve = null;
    return worker;
  };
}
