/**
 * Results for GIS colleagues (QGIS, ArcGIS): the meekoppelkansen (their shared parts, with every
 * column of the Meekoppelkansen table) and the works as GeoJSON FeatureCollections, in WGS84 as
 * RFC 7946 wants, or in RD New with a `crs` member naming EPSG:28992.
 */
import { toWgs84 } from '../geometry/crs';
import { toGeoJson, type GeoJsonGeometry } from '../geometry/write';
import type { CellValue, Meekoppelkans, Position, RdGeometry, Werk } from '../types';
import { dayToIso } from '../werkboek/dates';
import { meekoppelkansenPerWerk } from '../werkboek/meekoppelkansen-kolom';

/** The CRS of an export. */
export type ExportCrs = 'wgs84' | 'rd';

/** A table's content: header and rows (e.g. the merged Meekoppelkansen table). */
export interface TabelInhoud {
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** the `crs` member of an RD New file (the GeoJSON 2008 form QGIS and GDAL read) */
export const RD_CRS_MEMBER = Object.freeze({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } });

// 8 decimals of a degree is about a millimetre, as the 3 decimals of a metre in RD
const round = (digits: number) => (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function geometryOut(g: RdGeometry, crs: ExportCrs): GeoJsonGeometry {
  const r = round(crs === 'rd' ? 3 : 8);
  const out = toGeoJson(crs === 'rd' ? g : toWgs84(g));
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as Position).map(r) : (c as unknown[]).map(walk));
  return { type: out.type, coordinates: walk(out.coordinates) as GeoJsonGeometry['coordinates'] };
}

function collection(features: object[], crs: ExportCrs): string {
  const fc = crs === 'rd' ? { type: 'FeatureCollection', crs: RD_CRS_MEMBER, features } : { type: 'FeatureCollection', features };
  return JSON.stringify(fc) + '\n';
}

function cellOut(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? value.error : value;
}

/**
 * The shared part of every meekoppelkans as a feature. Its properties are the row of `tabel`
 * with the same id (all columns, planner ones too), in the table's column order.
 *
 * @example
 * const table = mergeMeekoppelkansen(raw.meekoppelkansen, pairs, werkboek.werken);
 * meekoppelkansenGeoJson(pairs, table, 'wgs84'); // '{"type":"FeatureCollection","features":[...]}\n'
 */
export function meekoppelkansenGeoJson(pairs: readonly Meekoppelkans[], tabel: TabelInhoud, crs: ExportCrs = 'wgs84'): string {
  const idCol = tabel.headers.indexOf('id');
  if (idCol < 0) throw new Error('meekoppelkansenGeoJson: the table has no id column; pass the table from mergeMeekoppelkansen.');
  const rows = new Map(tabel.rows.map((r) => [String(r[idCol]), r]));
  const features = pairs.map((p) => {
    const row = rows.get(p.id);
    const properties = row ? Object.fromEntries(tabel.headers.map((h, i) => [h, cellOut(row[i])])) : { id: p.id };
    return { type: 'Feature', id: p.id, properties, geometry: geometryOut(p.shared, crs) };
  });
  return collection(features, crs);
}

/**
 * Every work as a feature: id, categorie, eigenaar, titel, start and eind (ISO), buffer_m,
 * its meekoppelkansen and its other columns.
 *
 * @example
 * werkenGeoJson(werkboek.werken, pairs, 'rd'); // FeatureCollection with a crs member naming EPSG:28992
 */
export function werkenGeoJson(werken: readonly Werk[], pairs: readonly Meekoppelkans[], crs: ExportCrs = 'wgs84'): string {
  const perWerk = meekoppelkansenPerWerk(pairs);
  const features = werken.map((w) => {
    const extra = Object.fromEntries(Object.entries(w.extra).map(([k, v]) => [k, cellOut(v)]));
    const properties = {
      id: w.id, categorie: w.categorie, eigenaar: w.eigenaar, titel: w.titel, start: dayToIso(w.start), eind: dayToIso(w.eind),
      buffer_m: w.bufferM ?? null, meekoppelkansen: perWerk.get(w.id) ?? '', ...extra,
    };
    return { type: 'Feature', id: w.id, properties, geometry: geometryOut(w.geometry, crs) };
  });
  return collection(features, crs);
}
