/** The messages between the page and the analysis worker. Everything here is structured-clonable. */
import type { Meekoppelkans, RawWerkboek, Werkboek } from '../core/types';
import type { KaartModel } from '../ui/model';

/** page → worker: analyse this workbook */
export interface AnalyseVraag {
  type: 'analyse';
  raw: RawWerkboek;
}

/** worker → page */
export type WorkerBericht =
  | { type: 'voortgang'; fase: string; fractie: number }
  | { type: 'klaar'; resultaat: AnalyseResultaat }
  | { type: 'fout'; melding: string };

/** What one analysis gives the page: the map's model and what writing the results back needs. */
export interface AnalyseResultaat {
  model: KaartModel;
  werkboek: Werkboek;
  paren: Meekoppelkans[];
  /** milliseconds the worker spent, reading to model */
  duurMs: number;
}
