/**
 * The largest Utrecht wijk (Vleuten - De Meern, 2,880 vertices) written as RD WKT over
 * `geometrie`, `geometrie_2`, ... cells of at most 32,767 characters reads back exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position, RawTable, WgsGeometry } from '../../src/core/types';
import { toRd } from '../../src/core/geometry/crs';
import { toWkt } from '../../src/core/geometry/write';
import { MAX_CELL_CHARS, geometryColumnHeaders, readWerkboek, splitGeometryText } from '../../src/core/werkboek';

interface Feature { properties: Record<string, string>; geometry: { type: string; coordinates: Position[][] | Position[][][] } }

const wijken = JSON.parse(readFileSync(join(__dirname, '../../assets/data/wijken.geojson'), 'utf8')) as { features: Feature[] };
const vertexCount = (f: Feature): number => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Position[][]] : (f.geometry.coordinates as Position[][][]))
  .flat().reduce((n, ring) => n + ring.length, 0);
const largest = wijken.features.reduce((a, b) => (vertexCount(b) > vertexCount(a) ? b : a));
// the precision the workbook writer keeps: millimetres
const mm = (v: number): number => Math.round(v * 1000) / 1000;

describe('a 2,880-vertex wijk through the workbook', () => {
  const wgs: WgsGeometry = { crs: 'wgs84', kind: 'poly', polygons: [largest.geometry.coordinates as Position[][]] };
  const rd = toRd(wgs);
  const wkt = toWkt(rd);
  const parts = splitGeometryText(wkt);

  it('is the largest wijk in the Utrecht data, long enough to need several cells', () => {
    expect(largest.properties.wijknaam).toBe('Vleuten - De Meern');
    expect(vertexCount(largest)).toBe(2880);
    expect(wkt.length).toBeGreaterThan(2 * MAX_CELL_CHARS);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.length <= MAX_CELL_CHARS)).toBe(true);
    expect(parts.join('')).toBe(wkt);
  });

  it('reads back through readWerkboek with exactly the written coordinates and no problem', () => {
    const headers = ['buurtcode', 'buurtnaam', ...geometryColumnHeaders(parts.length)];
    const table: RawTable = { name: 'Buurten', sheet: 'Buurten', headerRow: 1, firstColumn: 1, headers, rows: [['WK034410', 'Vleuten - De Meern', ...parts]], isTable: true };
    const wb = readWerkboek({ buurten: table });
    expect(wb.problems.filter((p) => p.tabel === 'Buurten')).toEqual([]);
    expect(wb.buurten).toHaveLength(1);
    const back = wb.buurten[0].geometry;
    if (back.kind !== 'poly' || rd.kind !== 'poly') throw new Error('expected polygons');
    const written = rd.polygons.map((poly) => poly.map((ring) => ring.map(([x, y]) => [mm(x), mm(y)])));
    expect(back.polygons.flat(2)).toHaveLength(2880);
    expect(back.polygons).toEqual(written);
  });
});
