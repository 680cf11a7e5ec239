/**
 * The analysis Web Worker: receives a RawWerkboek, reads it, finds the meekoppelkansen and builds
 * the map's model, posting progress as it goes. Cancelling is the page terminating this worker.
 */
import { analyse } from '../core/analysis/analyse';
import { readWerkboek } from '../core/werkboek/read';
import { buildKaartModel } from './kaart-model';
import { plannerVelden } from './planner';
import type { AnalyseVraag, WorkerBericht } from './protocol';

const post = (m: WorkerBericht) => (self as unknown as Worker).postMessage(m);

/** the engine's share of the progress bar; reading and building the model take the rest */
const FASEN = { lezen: [0, 0.1], analyse: [0.1, 0.85], kaart: [0.85, 1] } as const;

function voortgang(fase: keyof typeof FASEN, label: string, fractie: number): void {
  const [from, to] = FASEN[fase];
  post({ type: 'voortgang', fase: label, fractie: from + (to - from) * fractie });
}

self.onmessage = (e: MessageEvent<AnalyseVraag>) => {
  if (e.data?.type !== 'analyse') return;
  const t0 = performance.now();
  try {
    voortgang('lezen', 'Werkboek lezen', 0);
    const werkboek = readWerkboek(e.data.raw);
    voortgang('analyse', 'Meekoppelkansen zoeken', 0);
    const paren = analyse(werkboek.werken, werkboek.buurten, werkboek.regels, {
      onProgress: (done, total) => voortgang('analyse', 'Meekoppelkansen zoeken', total ? done / total : 1),
    });
    voortgang('kaart', 'Kaart opbouwen', 0);
    const model = buildKaartModel(werkboek, paren, plannerVelden(e.data.raw.meekoppelkansen));
    post({ type: 'klaar', resultaat: { model, werkboek, paren, duurMs: performance.now() - t0 } });
  } catch (error) {
    // a bug, not bad input (bad input is a RowProblem): say so plainly rather than hang
    post({ type: 'fout', melding: `De analyse is mislukt: ${error instanceof Error ? error.message : String(error)}` });
  }
};
