import { generateWerken } from '../../../bench/generate';
import { FlatBuilder } from '../../../src/core/geometry/builder';
import { readGeoJson } from '../../../src/core/geometry/geojson';
import { scanGeoJson } from '../../../src/core/geometry/geojsonscan';

const b = new FlatBuilder();

describe('scanGeoJson', () => {
  it('takes every plain GeoJSON cell the generator writes and builds the shape readGeoJson reads', () => {
    const cells = generateWerken(700, 9).map((w) => w.geometrie).filter((t) => t.startsWith('{'));
    expect(cells.length).toBeGreaterThan(150);
    for (const t of cells) {
      expect(scanGeoJson(t, b)).toBe(true);
      const nested = readGeoJson(t);
      if (!nested.ok) throw new Error(nested.melding);
      expect(b.toShape()).toEqual(nested.value.shape);
    }
  });

  it('reads the Multi forms, holes and white space into parts and shells', () => {
    const ring = '[[0,0],[10,0],[10,10],[0,0]]', hole = '[[1,1],[2,1],[2,2],[1,1]]';
    expect(scanGeoJson(` { "type" : "MultiPolygon" ,\n "coordinates" : [ [${ring},${hole}] , [${ring}] ] } `.trim(), b)).toBe(true);
    expect(Array.from(b.shells.subarray(0, b.nParts))).toEqual([1, 0, 1]);
    expect(scanGeoJson('{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}', b)).toBe(true);
    expect(b.toShape()).toEqual({ kind: 'point', points: [[1, 2], [3, 4]] });
    expect(scanGeoJson('{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}', b)).toBe(true);
    expect(b.toShape()).toEqual({ kind: 'line', lines: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] });
  });

  it.each([
    ['a Feature', '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}'],
    ['a crs member', '{"type":"Point","coordinates":[1,2],"crs":{"type":"name","properties":{"name":"EPSG:28992"}}}'],
    ['keys in the other order', '{"coordinates":[1,2],"type":"Point"}'],
    ['a type in lower case', '{"type":"point","coordinates":[1,2]}'],
    ['a key named like a prototype member', '{"type":"constructor","coordinates":[1,2]}'],
    ['a height', '{"type":"Point","coordinates":[1,2,3]}'],
    ['an empty list', '{"type":"LineString","coordinates":[]}'],
    ['an empty ring', '{"type":"Polygon","coordinates":[[]]}'],
    ['an exponent', '{"type":"Point","coordinates":[1e5,2]}'],
    ['a leading zero', '{"type":"Point","coordinates":[01,2]}'],
    ['a plus sign', '{"type":"Point","coordinates":[+1,2]}'],
    ['a string', '{"type":"Point","coordinates":["1",2]}'],
    ['a number too large to be finite', `{"type":"Point","coordinates":[1${'0'.repeat(400)},2]}`],
    ['text after the object', '{"type":"Point","coordinates":[1,2]} x'],
    ['a non-JSON space', '{"type":"Point","coordinates":[1,\u00a02]}'],
    ['an escape in the type', '{"type":"Poin\\u0074","coordinates":[1,2]}'],
  ])('leaves %s to readGeoJson', (_name, text) => {
    expect(scanGeoJson(text, b)).toBe(false);
  });
});
