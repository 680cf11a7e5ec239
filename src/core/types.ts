/**
 * The shared vocabulary of Koppelkaart: plain data types that every part (engine, werkboek model,
 * Excel adapter, file adapter, task pane, CLI) speaks. No behaviour lives here.
 */

/** A position `[x, y]`. Which CRS it is in is said by the geometry that holds it. */
export type Position = [number, number];

/** The three kinds of work geometry the rules know (Multi* of one kind counts as that kind). */
export type GeomKind = 'point' | 'line' | 'poly';

/**
 * A geometry of one kind, as flat lists of parts. The `crs` tag keeps RD New metres and WGS84
 * degrees apart: the engine only accepts `RdGeometry`, the map only `WgsGeometry`.
 *
 * @example
 * const g: RdGeometry = { crs: 'rd', kind: 'line', lines: [[[136603.38, 455665.99], [136636.68, 455681.66]]] };
 */
export type Geometry<C extends 'rd' | 'wgs84'> =
  | { readonly crs: C; readonly kind: 'point'; readonly points: Position[] }
  | { readonly crs: C; readonly kind: 'line'; readonly lines: Position[][] }
  /** polygons: each is a list of rings, the first the outer ring; rings are closed (first = last) */
  | { readonly crs: C; readonly kind: 'poly'; readonly polygons: Position[][][] };

/** Geometry in RD New (EPSG:28992), planar metres: the only CRS the engine measures in. */
export type RdGeometry = Geometry<'rd'>;
/** Geometry in WGS84 (EPSG:4326), `[lon, lat]`: only at the map and file edges. */
export type WgsGeometry = Geometry<'wgs84'>;

/**
 * A calendar day as whole days since 1970-01-01 (UTC). Differences are day counts, as in
 * PostgreSQL's `date - date`.
 */
export type Day = number;

/**
 * A cell value as both hosts deliver it after normalisation: office-js `values` and exceljs cells
 * both become this. Dates arrive as Excel serial numbers (days since 1899-12-30); error cells
 * (`#N/A`, `#VALUE!`, ...) as `{ error }`.
 */
export type CellValue = string | number | boolean | null | { readonly error: string };

/**
 * A table as read from the workbook, before any interpretation: an Excel table (ListObject) or a
 * sheet's used range with the first row as header.
 */
export interface RawTable {
  /** table name as found (e.g. `Werken`) */
  name: string;
  /** sheet that holds it */
  sheet: string;
  /** the Excel row number (1-based, as a planner sees it) of the header row */
  headerRow: number;
  /** the Excel column number (1-based) of the table's first column */
  firstColumn: number;
  /** header texts as typed */
  headers: string[];
  /** data rows, each as long as `headers` */
  rows: CellValue[][];
  /** true when read from a real Excel table, false when from a sheet's used range */
  isTable: boolean;
}

/** The workbook's tables by role; a missing table is `undefined`. */
export interface RawWerkboek {
  buurten?: RawTable;
  werken?: RawTable;
  koppelkansen?: RawTable;
  regels?: RawTable;
  /** the add-in's own output table, when present (read to keep the planner's columns) */
  meekoppelkansen?: RawTable;
}

/**
 * One problem in the input, with its place: becomes one row of the Controle sheet.
 *
 * @example
 * { tabel: 'Werken', rij: 14, kolom: 'eind', waarde: '2026-01-01', melding: 'De einddatum ligt voor de startdatum. Pas start of eind aan.' }
 */
export interface RowProblem {
  /** table name as in the workbook (`Werken`, `Buurten`, ...) */
  tabel: string;
  /** Excel row number a planner sees; 0 when the problem is the table as a whole */
  rij: number;
  /** column header as typed in the workbook, or '' when not about one column */
  kolom: string;
  /** the offending value as text, cut to 100 characters */
  waarde: string;
  /** Dutch: what is wrong and how to fix it */
  melding: string;
  /** 'fout': the row is left out of the analysis; 'waarschuwing': the row is used (e.g. after a repair) */
  ernst: 'fout' | 'waarschuwing';
}

/** A planned work, ready for the engine. */
export interface Werk {
  id: string;
  /** normalised: trimmed, lower case, single spaces */
  categorie: string;
  eigenaar: string;
  titel: string;
  start: Day;
  eind: Day;
  geometry: RdGeometry;
  /** per-work distance override in metres (regels.md: the larger of a pair's values counts) */
  bufferM?: number;
  /** Excel row of the work in the Werken table */
  rij: number;
  /** every other column, by header as typed (status, budget, contact, ...) for popups */
  extra: Record<string, CellValue>;
}

/** A buurt with its polygon. */
export interface Buurt {
  code: string;
  naam: string;
  wijkcode?: string;
  wijknaam?: string;
  geometry: RdGeometry;
  /** other columns by header as typed; numbers can colour the map */
  values: Record<string, CellValue>;
  rij: number;
}

/** An area-level opportunity from the wijkaanpak. */
export interface Koppelkans {
  id: string;
  buurtcode?: string;
  geometry?: RdGeometry;
  thema: string;
  soort: string;
  omschrijving: string;
  eigenaar: string;
  status: string;
  rij: number;
}

/** The settings of regels.md, by their Regels `naam`. */
export interface Regels {
  /** afstand_m: two works are near when at most this many metres apart */
  afstandM: number;
  /** min_overlap_m: least shared length (m) for a pair that involves a line */
  minOverlapM: number;
  /** min_overlap_m2: least shared area (m²) for a pair of two polygons */
  minOverlapM2: number;
  /** max_tussentijd_maanden: largest gap between the periods, in calendar months */
  maxTussentijdMaanden: number;
  /** zelfde_categorie: whether two works of the same categorie can pair */
  zelfdeCategorie: boolean;
}

/** The defaults of regels.md; merged once with the workbook's Regels at the entry point. */
export const DEFAULT_REGELS: Readonly<Regels> = Object.freeze({
  afstandM: 10,
  minOverlapM: 30,
  minOverlapM2: 100,
  maxTussentijdMaanden: 24,
  zelfdeCategorie: false,
});

export type Eenheid = 'm' | 'm2' | 'punt';

/** A qualifying pair of works, as regels.md "What is reported" says. */
export interface Meekoppelkans {
  /** `MK-<werkA>-<werkB>` */
  id: string;
  werkA: string;
  werkB: string;
  categorieA: string;
  categorieB: string;
  /** rounded to 2 decimals */
  overlap: number;
  eenheid: Eenheid;
  tussentijdDagen: number;
  /** buurtcodes the shared part touches, sorted */
  buurten: string[];
  /** the shared part, in RD New */
  shared: RdGeometry;
}

/** Everything read from a workbook, ready to analyse. */
export interface Werkboek {
  werken: Werk[];
  buurten: Buurt[];
  koppelkansen: Koppelkans[];
  regels: Regels;
  problems: RowProblem[];
}

/**
 * The result of reading one geometry cell (see `parseGeometry` in `core/geometry/parse.ts`).
 * `warnings` are Dutch notes for the Controle sheet when the geometry was used after a repair
 * (e.g. a ring closed, lat/lon swapped); `melding` says why it could not be used at all.
 */
export type GeometryParseResult =
  | { readonly ok: true; readonly geometry: RdGeometry; readonly sourceCrs: 'rd' | 'wgs84'; readonly warnings: string[] }
  | { readonly ok: false; readonly melding: string };
