/**
 * The messages between the page and the analysis worker. Everything here is structured-clonable;
 * the map's flat arrays travel as transferred buffers.
 */
import type { Meekoppelkans, RawWerkboek, Werkboek } from '../core/types';
import type { KaartModel } from '../ui/model';
import type { PlannerVelden } from './kaart-model';

/** page → worker */
export type WorkerVraag =
  /** analyse these tables (read by the host, e.g. from Excel) */
  | { type: 'analyse'; raw: RawWerkboek }
  /** read these .xlsx bytes here, then analyse (the page stays free while exceljs works) */
  | { type: 'lees'; bytes: ArrayBuffer }
  /** send the tables, werkboek and pairs of the finished analysis (for exports, Excel) */
  | { type: 'gegevens' }
  /** write the results with the planner's edits into these .xlsx bytes (the page's "Opslaan") */
  | { type: 'opslaan'; bytes: ArrayBuffer; edits: [string, PlannerVelden][] }
  /**
   * walk the analysis on a small built-in workbook while the page is idle (see opwarmen.ts), with
   * `xlsx` through an .xlsx and back too; any other request ends it
   */
  | { type: 'opwarmen'; xlsx: boolean };

/** worker → page */
export type WorkerBericht =
  | { type: 'voortgang'; fase: string; fractie: number }
  /** the tables are read: what the benchmark calls "workbook loaded" */
  | { type: 'gelezen' }
  /** part of the model's works, and of its pairs: sent ahead in pieces so that reading them on the page is never one long task */
  | { type: 'werken'; werken: KaartModel['werken'] }
  | { type: 'paren'; paren: KaartModel['paren'] }
  /** the rest of the map's model (works and pairs came ahead): the page can draw */
  | { type: 'kaart'; model: KaartModel; duurMs: number; fasen: AnalyseFasen }
  | { type: 'gegevens'; gegevens: AnalyseGegevens }
  | { type: 'opgeslagen'; bytes: ArrayBuffer; notices: string[] }
  | { type: 'opslaan-fout'; melding: string }
  | { type: 'fout'; melding: string }
  /** the warm-up is done: how long it took and its longest step (what a request may have waited), ms */
  | { type: 'warm'; duurMs: number; langsteStapMs: number };

/** Where the worker's time went, in milliseconds (for the benchmark). */
export interface AnalyseFasen {
  /** tables → Werkboek (readWerkboek: rows, dates, geometry parsed and projected to RD) */
  werkboekMs: number;
  /** the engine (analyse) */
  analyseMs: number;
  /** the map's model (buildWerkenModel and buildParenModel; posting it is in none of these) */
  kaartMs: number;
}

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
