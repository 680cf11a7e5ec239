/**
 * A GeoJSON FeatureCollection (e.g. CBS buurten) as a RawTable: one row per feature, the
 * properties as columns (the werkboek's aliases map BU_CODE/BU_NAAM to buurtcode/buurtnaam) and
 * the geometry as GeoJSON text in `geometrie`, which the geometry parser reads in WGS84 or RD.
 */
import type { CellValue, RawTable } from '../core/types';

interface FeatureLike {
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

/**
 * Converts parsed GeoJSON; throws a Dutch message when it is no FeatureCollection.
 *
 * @example
 * geoJsonTable(JSON.parse(text), 'Buurten').headers; // ['buurtcode', 'buurtnaam', 'geometrie']
 */
export function geoJsonTable(json: unknown, name: string): RawTable {
  const fc = json as { type?: string; features?: FeatureLike[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`Het bestand voor ${name} is geen GeoJSON FeatureCollection. Lever een FeatureCollection met een feature per buurt.`);
  }
  const headers: string[] = [];
  for (const f of fc.features) {
    for (const key of Object.keys(f.properties ?? {})) if (!headers.includes(key)) headers.push(key);
  }
  // a property that is itself called geometrie would clash with the geometry column
  const columns = headers.filter((h) => h.toLowerCase() !== 'geometrie');
  const rows = fc.features.map((f) => [
    ...columns.map((h) => cell(f.properties?.[h])),
    f.geometry ? JSON.stringify(f.geometry) : null,
  ]);
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers: [...columns, 'geometrie'], rows, isTable: false };
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
