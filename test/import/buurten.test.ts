import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBuurten } from '../../src/core/import/buurten';
import type { RawTable } from '../../src/core/types';
import { readBuurten } from '../../src/core/werkboek/tables';
import { MAX_CELL_CHARS } from '../../src/core/werkboek/cells';

const DATA = join(__dirname, '..', '..', 'assets', 'data');
const load = (name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8'));
const asTable = (headers: string[], rows: RawTable['rows']): RawTable => ({ name: 'Buurten', sheet: 'Buurten', headerRow: 1, firstColumn: 1, headers, rows, isTable: true });

describe('importBuurten', () => {
  it('takes the Utrecht buurten in WGS84 as RD New WKT the werkboek reader accepts, other properties as columns', () => {
    const result = importBuurten(load('buurten.geojson'), undefined, { bron: 'buurten.geojson' });
    expect(result.crs).toBe('wgs84');
    expect(result.soort).toBe('buurten');
    expect(result.headers).toEqual(['buurtcode', 'buurtnaam', 'wijkcode', 'wijknaam', 'geometrie', 'gemeente']);
    expect(result.append).toHaveLength(111);
    expect(String(result.append[0][4])).toMatch(/^POLYGON\(\(1\d{5}/);
    const back = readBuurten(asTable(result.headers, result.append));
    expect(back.items).toHaveLength(111);
    expect(back.problems.filter((p) => p.ernst === 'fout')).toEqual([]);
    expect(back.items[0]).toMatchObject({ code: '0111', naam: 'Welgelegen, Den Homm', wijkcode: '01', values: { gemeente: 'Utrecht' } });
  });

  it('imports wijken (wijk codes only) and splits a geometry longer than a cell over geometrie_2', () => {
    const result = importBuurten(load('wijken.geojson'), undefined, { bron: 'wijken.geojson' });
    expect(result.soort).toBe('wijken');
    expect(result.headers).toContain('geometrie_2');
    const g2 = result.headers.indexOf('geometrie_2');
    const long = result.append.find((r) => r[g2] !== null)!;
    expect(String(long[4]).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const back = readBuurten(asTable(result.headers, result.append));
    expect(back.items).toHaveLength(10);
    expect(back.problems.filter((p) => p.ernst === 'fout')).toEqual([]);
  });

  it('reads CBS names, replaces buurten whose code is already in the table and reports a feature without code or area', () => {
    const cbs = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { BU_CODE: 'BU03440111', BU_NAAM: 'Lombok', WK_CODE: 'WK034401', AANT_INW: 5120 }, geometry: { type: 'Polygon', coordinates: [[[5.1, 52.09], [5.11, 52.09], [5.11, 52.1], [5.1, 52.09]]] } },
        { type: 'Feature', properties: { BU_NAAM: 'Zonder code' }, geometry: { type: 'Polygon', coordinates: [[[5.1, 52.09], [5.11, 52.09], [5.11, 52.1], [5.1, 52.09]]] } },
        { type: 'Feature', properties: { BU_CODE: 'BU03440112' }, geometry: { type: 'Point', coordinates: [5.1, 52.09] } },
      ],
    };
    const table = asTable(['buurtcode', 'buurtnaam', 'geometrie'], [['BU03440110', 'Oud', 'POLYGON((0 0, 1 0, 1 1, 0 0))'], ['BU03440111', 'Lombok oud', 'x']]);
    const result = importBuurten(cbs, table, { bron: 'cbs.geojson' });
    expect(result.remove).toEqual([3]);
    expect(result.headers).toEqual(['buurtcode', 'buurtnaam', 'geometrie', 'wijkcode', 'AANT_INW']);
    expect(result.append).toHaveLength(1);
    expect(result.append[0][0]).toBe('BU03440111');
    expect(result.append[0][4]).toBe(5120);
    expect(result.problems.map((p) => [p.tabel, p.rij, p.ernst])).toEqual([['GeoJSON cbs.geojson', 2, 'fout'], ['GeoJSON cbs.geojson', 3, 'fout']]);
  });

  it('takes a crs member naming RD New at its word and reports coordinates that say otherwise', () => {
    const fc = {
      type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [{ type: 'Feature', properties: { buurtcode: '1' }, geometry: { type: 'Polygon', coordinates: [[[5.1, 52.09], [5.11, 52.09], [5.11, 52.1], [5.1, 52.09]]] } }],
    };
    const result = importBuurten(fc, undefined, { bron: 'x' });
    expect(result.append).toEqual([]);
    expect(result.problems[0].melding).toMatch(/zegt RD New.*WGS84/);
  });

  it('refuses a file that is no FeatureCollection with a Dutch message', () => {
    expect(() => importBuurten({ type: 'Feature' }, undefined, { bron: 'x.json' })).toThrow(/geen GeoJSON FeatureCollection/);
  });
});
