/**
 * The messages between the page and the analysis worker. Everything here is structured-clonable;
 * the map's flat arrays travel as transferred buffers.
 */
import type { Meekoppelkans, RawWerkboek, Werkboek } from '../core/types';
import type { KaartModel } from '../ui/model';

/** page → worker */
export type WorkerVraag =
  /** analyse these tables (read by the host, e.g. from Excel) */
  | { type: 'analyse'; raw: RawWerkboek }
  /** read these .xlsx bytes here, then analyse (the page stays free while exceljs works) */
  | { type: 'lees'; bytes: ArrayBuffer }
  /** send the tables, werkboek and pairs of the finished analysis (for saving, exports, Excel) */
  | { type: 'gegevens' };

/** worker → page */
export type WorkerBericht =
  | { type: 'voortgang'; fase: string; fractie: number }
  /** the tables are read: what the benchmark calls "workbook loaded" */
  | { type: 'gelezen' }
  /** the map's model: the page can draw */
  | { type: 'kaart'; model: KaartModel; duurMs: number }
  | { type: 'gegevens'; gegevens: AnalyseGegevens }
  | { type: 'fout'; melding: string };

/** What writing the results back needs, fetched from the worker only when asked for. */
export interface AnalyseGegevens {
  raw: RawWerkboek;
  werkboek: Werkboek;
  paren: Meekoppelkans[];
}

/** What one analysis gives the page: the map's model and what writing the results back needs. */
export interface AnalyseResultaat extends AnalyseGegevens {
  model: KaartModel;
  /** milliseconds the worker spent, reading to model */
  duurMs: number;
}
