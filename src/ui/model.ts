/**
 * The map and list view of one analysed workbook: everything in WGS84, ready to draw.
 * Built once per analysis (in the worker), then only filtered and sorted on the main thread.
 */
import type { CellValue, Day, Meekoppelkans, Position, RowProblem, Werk, WgsGeometry } from '../core/types';
import type { Vormen } from '../map/vormen';

/** A buurt to draw: outline, label point and its numeric columns for the choropleth. */
export interface KaartBuurt {
  code: string;
  naam: string;
  wijkcode: string;
  wijknaam: string;
  geometry: WgsGeometry;
  /** where the label and the koppelkansen of this buurt go, `[lon, lat]` */
  labelAt: Position;
  values: Record<string, CellValue>;
}

/**
 * A planned work to draw: the engine's Werk and the buurten it touches. Its geometry is feature i
 * of `KaartModel.werkVormen` (i its place in `werken`), flat and projected for the map.
 */
export interface KaartWerk extends Omit<Werk, 'geometry' | 'bufferM'> {
  vorm: WgsGeometry['kind'];
  /** codes of the buurten the work touches, sorted */
  buurten: string[];
}

/** An area-level opportunity, drawn as a dot in its buurt. */
export interface KaartKoppelkans {
  id: string;
  buurtcode: string;
  thema: string;
  soort: string;
  omschrijving: string;
  eigenaar: string;
  status: string;
  /** `[lon, lat]` */
  at: Position;
}

/** A meekoppelkans and the planner's columns; its shared stretch is feature i of `KaartModel.paarVormen`. */
export interface KaartPaar extends Omit<Meekoppelkans, 'shared'> {
  /** the kind of the shared part */
  vorm: WgsGeometry['kind'];
  /** the joint period: earliest start to latest eind of the two works */
  start: Day;
  eind: Day;
  /** planner columns: status (nieuw, in overleg, ...), notitie */
  status: string;
  notitie: string;
}

/** Everything the map, filters and list show. */
export interface KaartModel {
  buurten: KaartBuurt[];
  werken: KaartWerk[];
  koppelkansen: KaartKoppelkans[];
  paren: KaartPaar[];
  /** the works' geometries, in the order of `werken` */
  werkVormen: Vormen;
  /** the pairs' shared parts, in the order of `paren` */
  paarVormen: Vormen;
  problems: RowProblem[];
  /** Buurten columns with at least one number: the choropleth choices */
  numericColumns: string[];
}

/** The planner statuses of a meekoppelkans, in the order of werkboek.md (the model's one list). */
export { MEEKOPPELKANS_STATUSES as PAAR_STATUSSEN } from '../core/werkboek/columns';
