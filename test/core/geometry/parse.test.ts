import { parseGeometry } from '../../../src/core/geometry/parse';
import { readWkt } from '../../../src/core/geometry/wkt';
import { toJstsPolygon } from '../../../src/core/geometry/jsts';
import fc from 'fast-check';
import type { GeometryParseResult, RdGeometry } from '../../../src/core/types';

function ok(r: GeometryParseResult): { geometry: RdGeometry; warnings: string[]; sourceCrs: string } {
  if (!r.ok) throw new Error(`expected ok, got: ${r.melding}`);
  return r;
}
function melding(r: GeometryParseResult): string {
  if (r.ok) throw new Error('expected an error');
  return r.melding;
}

// PostGIS 3.3: ST_Transform(ST_MakePoint(5.1214, 52.0907), '+proj=longlat +datum=WGS84 +no_defs', <regels.md string>)
const DOM_RD: [number, number] = [136783.72085831827, 455860.13935786264];

describe('parseGeometry reads every spelling', () => {
  it('reads an RD WKT line as it is', () => {
    const r = ok(parseGeometry('LINESTRING(136603.38 455665.99, 136636.68 455681.66)'));
    expect(r.geometry).toEqual({ crs: 'rd', kind: 'line', lines: [[[136603.38, 455665.99], [136636.68, 455681.66]]] });
    expect(r.sourceCrs).toBe('rd');
    expect(r.warnings).toEqual([]);
  });

  it('reads lower-case keywords with odd whitespace', () => {
    const r = ok(parseGeometry('  multipoint (  (136603.38   455665.99) ,(136636.68 455681.66 ) )\n'));
    expect(r.geometry).toEqual({ crs: 'rd', kind: 'point', points: [[136603.38, 455665.99], [136636.68, 455681.66]] });
  });

  it('reads a MULTIPOINT written without inner parentheses', () => {
    expect(ok(parseGeometry('MULTIPOINT(136603 455665, 136636 455681)')).geometry).toEqual(
      { crs: 'rd', kind: 'point', points: [[136603, 455665], [136636, 455681]] });
  });

  it('reads EWKT with SRID 28992', () => {
    expect(ok(parseGeometry('SRID=28992;POINT(136603.38 455665.99)')).geometry.kind).toBe('point');
  });

  it('projects EWKT with SRID 4326 to RD New as PostGIS does, within a millimetre', () => {
    const r = ok(parseGeometry('SRID=4326;POINT(5.1214 52.0907)'));
    const g = r.geometry as Extract<RdGeometry, { kind: 'point' }>;
    expect(r.sourceCrs).toBe('wgs84');
    expect(Math.abs(g.points[0][0] - DOM_RD[0])).toBeLessThan(0.001);
    expect(Math.abs(g.points[0][1] - DOM_RD[1])).toBeLessThan(0.001);
  });

  it('recognises WGS84 without SRID by its range', () => {
    const r = ok(parseGeometry('POINT(5.1214 52.0907)'));
    expect(r.sourceCrs).toBe('wgs84');
  });

  it('swaps latitude/longitude given in the wrong order, with a Dutch warning', () => {
    const r = ok(parseGeometry('POINT(52.0907 5.1214)'));
    const g = r.geometry as Extract<RdGeometry, { kind: 'point' }>;
    expect(Math.abs(g.points[0][0] - DOM_RD[0])).toBeLessThan(0.001);
    expect(r.warnings.join(' ')).toMatch(/breedte lengte/);
  });

  it('reads GeoJSON geometry text, and a Feature holding one', () => {
    const line = '{"type":"LineString","coordinates":[[136603.38,455665.99],[136636.68,455681.66]]}';
    expect(ok(parseGeometry(line)).geometry.kind).toBe('line');
    expect(ok(parseGeometry(`{"type":"Feature","properties":{},"geometry":${line}}`)).geometry.kind).toBe('line');
  });

  it('reads polygons and multipolygons as one kind', () => {
    const sq = '(136000 455000, 136100 455000, 136100 455100, 136000 455100, 136000 455000)';
    const sq2 = '(137000 455000, 137100 455000, 137100 455100, 137000 455100, 137000 455000)';
    const g = ok(parseGeometry(`MULTIPOLYGON((${sq}), (${sq2}))`)).geometry;
    expect(g.kind === 'poly' && g.polygons.length).toBe(2);
    expect(ok(parseGeometry(`MULTILINESTRING((136000 455000, 136100 455000), (136000 455100, 136100 455100))`)).geometry.kind).toBe('line');
  });

  it('drops Z, M and ZM ordinates with a warning', () => {
    for (const t of ['POINT Z (136603.38 455665.99 3)', 'POINT M (136603.38 455665.99 3)', 'POINT ZM (136603.38 455665.99 3 4)',
      'POINT(136603.38 455665.99 3)', '{"type":"Point","coordinates":[136603.38,455665.99,3]}']) {
      const r = ok(parseGeometry(t));
      expect(r.geometry).toEqual({ crs: 'rd', kind: 'point', points: [[136603.38, 455665.99]] });
      expect(r.warnings.join(' ')).toMatch(/Z\/M.*Geef alleen x en y in de cel/);
    }
  });

  it('closes an unclosed polygon ring with a warning', () => {
    const r = ok(parseGeometry('POLYGON((136000 455000, 136100 455000, 136100 455100))'));
    expect(r.geometry.kind === 'poly' && r.geometry.polygons[0][0]).toEqual(
      [[136000, 455000], [136100, 455000], [136100, 455100], [136000, 455000]]);
    expect(r.warnings.join(' ')).toMatch(/niet gesloten.*Zet in de cel het eerste punt ook achteraan/);
  });

  it('repairs a self-intersecting polygon when the area stays the same, with a warning', () => {
    // a square with a spike folded back along its edge: invalid, but the area is unambiguous
    const r = ok(parseGeometry('POLYGON((136000 455000, 136100 455000, 136150 455000, 136100 455000, 136100 455100, 136000 455100, 136000 455000))'));
    expect(r.warnings.join(' ')).toMatch(/hersteld/);
    expect(r.geometry.kind).toBe('poly');
  });
});

describe('parseGeometry refuses bad input with a Dutch melding that says how to fix it', () => {
  const cases: [string, string, RegExp][] = [
    ['unparseable text', 'LIJN(1 2, 3 4)', /Onbekend geometrietype/],
    ['plain nonsense', '12 34', /niet te lezen/],
    ['an empty cell', '   ', /leeg/],
    ['an empty geometry', 'LINESTRING EMPTY', /leeg/],
    ['empty GeoJSON coordinates', '{"type":"Point","coordinates":[]}', /leeg/],
    ['a GeometryCollection', 'GEOMETRYCOLLECTION(POINT(136603 455665))', /GEOMETRYCOLLECTION/],
    ['a GeoJSON GeometryCollection', '{"type":"GeometryCollection","geometries":[]}', /GeometryCollection/],
    ['NaN', 'POINT(NaN 455665)', /NaN of Infinity/],
    ['Infinity', 'LINESTRING(136603 455665, Infinity 455681)', /NaN of Infinity/],
    ['a number too large to be finite', 'LINESTRING(1e999 455665, 136636 455681)', /geen eindig getal: '1e999' is te groot/],
    ['a POINT with two coordinates', 'POINT(136603 455665, 136636 455681)', /gebruik MULTIPOINT/],
    ['a ring of one point', 'POLYGON((136000 455000))', /heeft 1 punt;.*Voeg punten toe/],
    ['a string in GeoJSON', '{"type":"Point","coordinates":["x",455665]}', /geen eindig getal/],
    ['coordinates outside the Netherlands', 'POINT(2.35 48.85)', /buiten Nederland/],
    ['RD and WGS84 mixed', 'LINESTRING(136603 455665, 5.12 52.09)', /mengt RD/],
    ['an unsupported SRID', 'SRID=3857;POINT(570000 6820000)', /SRID 3857 wordt niet ondersteund.*28992.*4326/],
    ['RD numbers under SRID 4326', 'SRID=4326;POINT(136603 455665)', /buiten WGS84/],
    ['a line with one distinct point', 'LINESTRING(136603 455665, 136603 455665)', /twee verschillende punten/],
    ['a line with one point', 'LINESTRING(136603 455665)', /twee verschillende punten/],
    ['a ring of three points', 'POLYGON((136000 455000, 136100 455000, 136000 455000))', /heeft 3 punten; er zijn er minstens 4 nodig.*Voeg punten toe, of gebruik LINESTRING of POINT/],
    ['a bow-tie polygon', 'POLYGON((136000 455000, 136100 455100, 136100 455000, 136000 455100, 136000 455000))', /snijdt zichzelf/],
    ['a missing parenthesis', 'LINESTRING(136603 455665, 136636 455681', /niet te lezen/],
    ['text after the geometry', 'POINT(136603 455665) x', /tekst na/],
    ['invalid JSON', '{"type":"Point",', /geen geldige JSON/],
  ];
  it.each(cases)('refuses %s', (_name, text, expected) => {
    expect(melding(parseGeometry(text))).toMatch(expected);
  });
});

describe('parseGeometry reads decimals exactly as Number() does', () => {
  it('gives the same doubles for RD and WGS84 style decimals, signs and leading or trailing points', () => {
    const tokens = ['136603.381', '455665.99', '-0.5', '+3', '.5', '5.', '00012.50', '0.000000000000001', '1234567890123456', '1.5e3', '5.12345678'];
    for (const t of tokens) {
      const r = readWktNumber(t);
      expect(Object.is(r, Number(t))).toBe(true);
    }
  });
});

/** the x of POINT(t 1), read by readWkt */
function readWktNumber(t: string): number {
  const r = readWkt(`POINT(${t} 1)`);
  if (!r.ok || r.value.shape.kind !== 'point') throw new Error(`could not read ${t}`);
  return r.value.shape.points[0][0];
}

describe('parseGeometry judges polygons with holes and several parts as jsts does', () => {
  const sq = (x: number, y: number, s: number): string => `(${x} ${y}, ${x + s} ${y}, ${x + s} ${y + s}, ${x} ${y + s}, ${x} ${y})`;

  it('accepts a hole inside its shell and two parts apart without a warning', () => {
    expect(ok(parseGeometry(`POLYGON(${sq(136000, 455000, 100)}, ${sq(136020, 455020, 10)})`)).warnings).toEqual([]);
    expect(ok(parseGeometry(`MULTIPOLYGON((${sq(136000, 455000, 100)}), (${sq(136200, 455000, 50)}))`)).warnings).toEqual([]);
  });

  it('agrees with jsts isValid on random shells with a square hole and on random pairs of squares', () => {
    fc.assert(fc.property(fc.integer({ min: -30, max: 130 }), fc.integer({ min: -30, max: 130 }), fc.integer({ min: 1, max: 60 }), fc.boolean(),
      (hx, hy, hs, multi) => {
        const shell = sq(136000, 455000, 100), other = sq(136000 + hx, 455000 + hy, hs);
        const text = multi ? `MULTIPOLYGON((${shell}), (${other}))` : `POLYGON(${shell}, ${other})`;
        const read = readWkt(text);
        if (!read.ok || read.value.shape.kind !== 'poly') throw new Error('expected a polygon');
        const valid = toJstsPolygon(read.value.shape.polygons).isValid();
        const r = parseGeometry(text);
        // valid input passes untouched; invalid input is repaired with a warning or refused
        expect(r.ok && r.warnings.length === 0).toBe(valid);
      }), { numRuns: 400 });
  });
});
