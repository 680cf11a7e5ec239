/**
 * The analysis Web Worker: reads the workbook (an .xlsx here too, so exceljs never blocks the page),
 * finds the meekoppelkansen and builds the map's model, posting progress as it goes. The model's
 * flat arrays are transferred, not copied. The worker then keeps the tables, werkboek and pairs
 * until the page asks for them (saving, exports, Excel) or ends it; cancelling is the page
 * terminating this worker. A worker made ahead is warmed first (`opwarmen`), in short steps that
 * any real request ends.
 */
import { analyse } from '../core/analysis/analyse';
import type { RawWerkboek } from '../core/types';
import { readWerkboek } from '../core/werkboek/read';
import { buffersVan } from '../map/vormen';
import { buildParenModel, buildWerkenModel } from './kaart-model';
import { exceljsWorkbook, naarXlsx, opwarmPad, opwarmStappen, opwarmWerkboek, xlsxRondeGrootte } from './opwarmen';
import { plannerVelden } from './planner';
import type { PlannerVelden } from './kaart-model';
import type { AnalyseGegevens, WorkerBericht, WorkerVraag } from './protocol';

const post = (m: WorkerBericht, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

/** shares of the progress bar: the file, the tables, the engine, the map's model */
const FASEN = { bestand: [0, 0.3], lezen: [0.3, 0.35], analyse: [0.35, 0.9], kaart: [0.9, 1] } as const;

function voortgang(fase: keyof typeof FASEN, label: string, fractie: number): void {
  const [from, to] = FASEN[fase];
  post({ type: 'voortgang', fase: label, fractie: from + (to - from) * fractie });
}

let gegevens: AnalyseGegevens | null = null;
/** works or pairs per message */
const STUK = 10_000;

async function tabellen(vraag: WorkerVraag): Promise<RawWerkboek> {
  if (vraag.type === 'analyse') return vraag.raw;
  if (vraag.type !== 'lees') throw new Error(`unexpected message ${vraag.type}`);
  voortgang('bestand', 'Bestand openen', 0);
  const { readXlsx } = await import(/* webpackChunkName: "read-xlsx" */ '../file/read-xlsx');
  return readXlsx(new Uint8Array(vraag.bytes));
}

async function analyseer(vraag: WorkerVraag): Promise<void> {
  const raw = await tabellen(vraag);
  post({ type: 'gelezen' });
  const t0 = performance.now();
  voortgang('lezen', 'Werkboek lezen', 0);
  const werkboek = readWerkboek(raw);
  const t1 = performance.now();
  // the works' part of the map needs no engine: the page reads it while the engine runs
  const deel = buildWerkenModel(werkboek);
  const t1b = performance.now();
  for (let i = 0; i < deel.werken.length; i += STUK) post({ type: 'werken', werken: deel.werken.slice(i, i + STUK) });
  const t2 = performance.now();
  voortgang('analyse', 'Meekoppelkansen zoeken', 0);
  const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels, {
    onProgress: (done, total) => voortgang('analyse', 'Meekoppelkansen zoeken', total ? done / total : 1),
  });
  const t3 = performance.now();
  voortgang('kaart', 'Kaart opbouwen', 0);
  const paarDeel = buildParenModel(paren, deel.werken, plannerVelden(raw.meekoppelkansen));
  const t4 = performance.now();
  gegevens = { raw, werkboek, paren };
  // in pieces: the page reads each message in one go, and 100,000 works at once would stall it
  for (let i = 0; i < paarDeel.paren.length; i += STUK) post({ type: 'paren', paren: paarDeel.paren.slice(i, i + STUK) });
  const model = { ...deel, ...paarDeel, werken: [], paren: [] };
  const fasen = { werkboekMs: t1 - t0, analyseMs: t3 - t2, kaartMs: t1b - t1 + (t4 - t3) };
  post({ type: 'kaart', model, duurMs: performance.now() - t0, fasen }, [...buffersVan(model.werkVormen), ...buffersVan(model.paarVormen)]);
}

/** the annotated workbook, written here: 100,000 rows would hold the page for seconds */
async function opslaan(bytes: ArrayBuffer, edits: [string, PlannerVelden][]): Promise<void> {
  try {
    if (!gegevens) throw new Error('er is nog geen analyse om op te slaan.');
    const { annotatedXlsx } = await import(/* webpackChunkName: "save-xlsx" */ '../ui/save-xlsx');
    const out = await annotatedXlsx(bytes, gegevens.raw, gegevens, new Map(edits));
    const buffer = out.bytes.buffer.slice(out.bytes.byteOffset, out.bytes.byteOffset + out.bytes.byteLength) as ArrayBuffer;
    post({ type: 'opgeslagen', bytes: buffer, notices: out.notices }, [buffer]);
  } catch (error) {
    post({ type: 'opslaan-fout', melding: error instanceof Error ? error.message : String(error) });
  }
}

/** the warm-up running now; a real request sets `klaar` and the warm-up stops at its next step */
let opwarmen: { klaar: boolean } | null = null;

/** a macrotask turn: messages that came meanwhile are handled before the next step */
const beurt = () => new Promise<void>((ok) => {
  const kanaal = new MessageChannel();
  kanaal.port1.onmessage = () => ok();
  kanaal.port2.postMessage(null);
});


async function warmOp(xlsx: boolean): Promise<void> {
  const staat = (opwarmen = { klaar: false });
  const t0 = performance.now();
  let langste = 0;
  // one step: time it, then let a request that came meanwhile take over
  const stap = async (t: number) => {
    langste = Math.max(langste, performance.now() - t);
    await beurt();
    return !staat.klaar;
  };
  const klaar = () => post({ type: 'warm', duurMs: performance.now() - t0, langsteStapMs: langste });
  // walks a generator's steps; false when a request took over
  const doorloop = async (stappen: Generator<unknown>): Promise<boolean> => {
    for (;;) {
      const t = performance.now();
      const op = stappen.next().done;
      if (!(await stap(t))) return false;
      if (op) return true;
    }
  };
  try {
    if (!(await doorloop(opwarmStappen()))) return;
    if (!xlsx) return klaar();
    let t = performance.now();
    const { readXlsx } = await import(/* webpackChunkName: "read-xlsx" */ '../file/read-xlsx');
    if (!(await stap(t))) return;
    t = performance.now();
    await exceljsWorkbook();
    for (let r = 0; xlsxRondeGrootte(r) > 0; r++) {
      if (!(await stap(t))) return;
      t = performance.now();
      const bytes = await naarXlsx(opwarmWerkboek(xlsxRondeGrootte(r), 100 + r));
      if (!(await stap(t))) return;
      t = performance.now();
      const raw = await readXlsx(bytes);
      if (!(await stap(t)) || !(await doorloop(opwarmPad(raw)))) return;
      t = performance.now();
    }
    klaar();
  } catch {
    // a warm-up that fails only leaves the worker cold; the real analysis reports its own errors
  } finally {
    if (opwarmen === staat) opwarmen = null;
  }
}

self.onmessage = async (e: MessageEvent<WorkerVraag>) => {
  const vraag = e.data;
  if (vraag?.type === 'opwarmen') return warmOp(vraag.xlsx);
  if (opwarmen) opwarmen.klaar = true;
  if (vraag?.type === 'opslaan') return opslaan(vraag.bytes, vraag.edits);
  if (vraag?.type === 'gegevens') {
    if (gegevens) post({ type: 'gegevens', gegevens });
    else post({ type: 'fout', melding: 'Er is nog geen analyse om te bewaren.' });
    return;
  }
  try {
    await analyseer(vraag);
  } catch (error) {
    // a bug or an unreadable file (bad rows are RowProblems): say so plainly rather than hang
    const melding = error instanceof Error ? error.message : String(error);
    post({ type: 'fout', melding: melding.startsWith('Dit bestand') ? melding : `De analyse is mislukt: ${melding}` });
  }
};
