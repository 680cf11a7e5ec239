/**
 * Geometry texts for the differential test: other spellings of generated works, damaged copies,
 * and hand-made edge cases. Deterministic (seeded), so a difference can be found again.
 */

import { prng } from '../../../bench/generate';

const POSITION = /(-?[\d.]+) (-?[\d.]+)(?=\s*[,)])/g;
const NUMBER = /-?\d+(\.\d+)?/g;

/** the body of a WKT text after its type word, e.g. '(1 2, 3 4)' */
const bodyOf = (wkt: string): string => wkt.slice(wkt.indexOf('('));
const typeOf = (wkt: string): string => wkt.replace(/^SRID=\d+;/, '').slice(0, wkt.replace(/^SRID=\d+;/, '').indexOf('('));

/** a ring of the polygon shrunk to a fifth around its mean vertex: often a hole, sometimes not */
function shrunk(ring: string): string {
  const ps = [...ring.matchAll(POSITION)].map((m) => [Number(m[1]), Number(m[2])]);
  const cx = ps.reduce((s, p) => s + p[0], 0) / ps.length, cy = ps.reduce((s, p) => s + p[1], 0) / ps.length;
  const f = (p: number[]): string => `${(cx + (p[0] - cx) / 5).toFixed(3)} ${(cy + (p[1] - cy) / 5).toFixed(3)}`;
  return `(${ps.map(f).join(', ')})`;
}

function wktVariants(t: string, next: string, rand: () => number): string[] {
  const type = typeOf(t), body = bodyOf(t), srid = /^SRID=\d+;/.exec(t)?.[0] ?? '';
  const out = [
    t.toLowerCase(), t.replace(/,/g, ' ,\n\t').replace(/\(/g, ' ( '), `  ${t}  `,
    t.replace(POSITION, '$1 $2 7.5'), `${srid}${type} Z ${t.replace(POSITION, '$1 $2 7.5').slice(t.indexOf('('))}`,
    `${srid}${type} ZM ${t.replace(POSITION, '$1 $2 7.5 3').slice(t.indexOf('('))}`,
    t.replace(POSITION, '$2 $1'), `SRID=28992;${t.replace(/^SRID=\d+;/, '')}`, `SRID=4326;${t.replace(/^SRID=\d+;/, '')}`,
    t.replace(NUMBER, (v) => Number(v).toExponential()), t.replace(NUMBER, (v) => String(Number(v) + 1e-9)),
    t.replace(NUMBER, (v) => (v.startsWith('-') ? v : `+${v}`)), t.replace(NUMBER, (v) => `${v}0000000000000000001`),
    t.replace(/, /, ', ').replace(POSITION, (m, x, y, at) => (at === t.search(POSITION) ? `${x} ${y}, ${x} ${y}` : m)),
  ];
  const nextBody = bodyOf(next);
  if (type === 'LINESTRING') out.push(`MULTILINESTRING(${body}, ${nextBody.startsWith('((') ? '(1 2, 3 4)' : nextBody})`);
  if (type === 'POINT') out.push(`MULTIPOINT(${body}, ${body.replace(POSITION, (_m, x, y) => `${Number(x) + 1} ${y}`)})`, `MULTIPOINT${body.replace(/\)$/, `, ${body.slice(1)}`)}`);
  if (type === 'POLYGON') {
    const ring = body.slice(1, body.indexOf(')') + 1);
    out.push(`${srid}POLYGON(${ring}, ${shrunk(ring)})`, `${srid}POLYGON(${ring.replace(/, [^,]+\)$/, ')')})`,
      `${srid}MULTIPOLYGON((${ring}), (${shrunk(ring)}))`, `${srid}MULTIPOLYGON(${body}, ${nextBody.startsWith('((') ? nextBody : body})`,
      `${srid}POLYGON(${ring}, ${shrunk(ring)}, ${shrunk(shrunk(ring))})`, `${srid}POLYGON(${ring}, ${ring})`);
  }
  return out.concat(rand() < 0.5 ? [`GEOMETRYCOLLECTION(${t})`] : []);
}

function geoJsonVariants(t: string, rand: () => number): string[] {
  const g = JSON.parse(t) as { type: string; coordinates: unknown };
  const deep = (c: unknown, f: (p: number[]) => unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? f(c as number[]) : (c as unknown[]).map((x) => deep(x, f)));
  const multi = `Multi${g.type}`;
  return [
    JSON.stringify({ type: 'Feature', properties: {}, geometry: g }), JSON.stringify({ ...g, crs: { type: 'name', properties: { name: 'EPSG:28992' } } }),
    JSON.stringify({ coordinates: g.coordinates, type: g.type }), JSON.stringify(g, null, 2), JSON.stringify({ ...g, type: g.type.toLowerCase() }),
    JSON.stringify({ ...g, coordinates: deep(g.coordinates, (p) => [...p, 7.5]) }), JSON.stringify({ ...g, coordinates: deep(g.coordinates, (p) => [p[1], p[0]]) }),
    t.replace(NUMBER, (v) => Number(v).toExponential()), t.replace(NUMBER, (v) => `${v}0000000000000000001`), t.replace(NUMBER, (v) => (v.startsWith('-') ? v : `+${v}`)),
    JSON.stringify({ type: multi, coordinates: [g.coordinates, g.coordinates] }), JSON.stringify({ type: multi, coordinates: [] }),
    JSON.stringify({ type: g.type, coordinates: [] }), JSON.stringify({ ...g, type: 'Polygon' }), JSON.stringify({ ...g, type: 'LineString' }),
    `{"type":"${g.type}","type":"Point","coordinates":${JSON.stringify(g.coordinates)}}`, rand() < 0.5 ? `[${t}]` : `${t} x`,
  ];
}

/**
 * Other spellings of each text: case, spacing, Z/M, swapped order, SRIDs, number forms, Multi forms, holes, open rings.
 *
 * @example
 * variants(['POINT(1 2)'], 1).length > 10; // true
 */
export function variants(texts: string[], seed: number): string[] {
  const rand = prng(seed);
  return texts.flatMap((t, i) => (t.startsWith('{') ? geoJsonVariants(t, rand) : wktVariants(t, texts[(i + 1) % texts.length], rand)));
}

const DAMAGE = '(),. -+eE0123456789aZzM;={}[]":\tN';

/**
 * Damaged copies of each text: a character dropped, replaced or put in, or the text cut off.
 *
 * @example
 * corruptions(['POINT(1 2)'], 1).length; // 12
 */
export function corruptions(texts: string[], seed: number): string[] {
  const rand = prng(seed);
  const at = (t: string): number => Math.floor(rand() * t.length);
  const ch = (): string => DAMAGE[Math.floor(rand() * DAMAGE.length)];
  return texts.flatMap((t) => Array.from({ length: 12 }, (_, k) => {
    const i = at(t);
    if (k % 4 === 0) return t.slice(0, i) + t.slice(i + 1);
    if (k % 4 === 1) return t.slice(0, i) + ch() + t.slice(i + 1);
    if (k % 4 === 2) return t.slice(0, i) + ch() + t.slice(i);
    return t.slice(0, i);
  }));
}

const sq = (x: number, y: number, s: number): string => `(${x} ${y}, ${x + s} ${y}, ${x + s} ${y + s}, ${x} ${y + s}, ${x} ${y})`;

/** edge cases written out by hand */
export const handMade: string[] = [
  '', '   ', 'POINT EMPTY', 'LINESTRING EMPTY', 'MULTIPOLYGON EMPTY', 'POINT Z EMPTY', 'MULTIPOINT(EMPTY, (136603 455665))', 'MULTILINESTRING((136603 455665, 136604 455665), EMPTY)',
  'POINT(136603.38 455665.99)', 'POINT (136603.38 455665.99 1 2 3)', 'POINT(136603 455665, 136636 455681)', 'POINT()', 'POINT(136603)', 'POINT 136603 455665',
  'POINT(NaN 455665)', 'POINT(-Infinity 455665)', 'POINT(1e999 455665)', 'POINT(136603 1e400)', 'POINT(0x1F 455665)', 'POINT(1_000 455665)', 'POINT(136603..5 455665)',
  'POINT(136603.3800000000000001 455665.99)', 'POINT(1.36603381e5 4.5566599E5)', 'POINT(-0 455665)', 'POINT(5.1214 52.0907)', 'POINT(52.0907 5.1214)', 'POINT(2.35 48.85)',
  'SRID=4326;POINT(52.0907 5.1214)', 'SRID=28992;POINT(5.1214 52.0907)', 'SRID=3857;POINT(570000 6820000)', 'srid = 4326 ; point(5.1 52.1)', 'SRID=-1;POINT(1 2)',
  'LINESTRING(136603 455665)', 'LINESTRING(136603 455665, 136603 455665)', 'LINESTRING(136603 455665, 136603 455665, 136604 455665)', 'LINESTRING(136603 455665, 5.12 52.09)',
  'LINESTRING(5.12 52.09, 52.09 5.12)', 'LINESTRING((136603 455665, 136604 455665))', 'LINESTRING(136603 455665, 136604 455665', 'LINESTRING(136603 455665, 136604 455665))',
  'MULTILINESTRING((136603 455665, 136604 455665), (136603 455665, 136603 455665))', 'MULTIPOINT((136603 455665), 136604 455665)', 'MULTIPOINT((136603 455665, 136604 455665))',
  `POLYGON(${sq(136000, 455000, 100)})`, `POLYGON(${sq(136000, 455000, 100)}, ${sq(136020, 455020, 10)})`, `POLYGON(${sq(136000, 455000, 100)}, ${sq(136090, 455090, 20)})`,
  `POLYGON(${sq(136000, 455000, 100)}, ${sq(136020, 455020, 10)}, ${sq(136022, 455022, 2)})`, `POLYGON(${sq(136000, 455000, 100)}, ${sq(136000, 455000, 10)})`,
  `MULTIPOLYGON((${sq(136000, 455000, 100)}), (${sq(136100, 455000, 50)}))`, `MULTIPOLYGON((${sq(136000, 455000, 100)}), (${sq(136010, 455010, 50)}))`,
  `MULTIPOLYGON((${sq(136000, 455000, 100)}), (${sq(136200, 455000, 50)}))`, `MULTIPOLYGON((${sq(136000, 455000, 100)}, ${sq(136020, 455020, 10)}), (${sq(136030, 455030, 5)}))`,
  'POLYGON((136000 455000))', 'POLYGON((136000 455000, 136100 455000, 136000 455000))', 'POLYGON((136000 455000, 136100 455000, 136100 455100))',
  'POLYGON((136000 455000, 136100 455100, 136100 455000, 136000 455100, 136000 455000))', 'POLYGON((136000 455000, 136100 455000, 136200 455000, 136000 455000))',
  'POLYGON((136000 455000, 136100 455000, 136150 455000, 136100 455000, 136100 455100, 136000 455100, 136000 455000))',
  'POLYGON((136000 455000, 136000 455000, 136100 455000, 136100 455100, 136000 455000))', 'POLYGON((136000 455000, 136100 455000, 136100 455000, 136000 455000))',
  'POLYGON(136000 455000, 136100 455000, 136100 455100, 136000 455000)', 'POLYGON(((136000 455000, 136100 455000, 136100 455100, 136000 455000)))',
  'GEOMETRYCOLLECTION(POINT(136603 455665))', 'CIRCLE(1 2)', 'POINTS(1 2)', 'POINT(1 2) x', '12 34', '{', '{"type":"Point",', 'constructor(1 2)',
  '{"type":"Point","coordinates":[]}', '{"type":"Point","coordinates":[136603.38,455665.99]}', '{"type":"Point","coordinates":[136603.38]}', '{"type":"Point","coordinates":["x",455665]}',
  '{"type":"Point","coordinates":[1e999,455665]}', '{"type":"Point","coordinates":[null,455665]}', '{"type":"Point","coordinates":[[136603.38,455665.99]]}',
  '{"type":"LineString","coordinates":[[136603.38,455665.99],[136636.68,455681.66]]}', '{"type":"LineString","coordinates":[[136603.38,455665.99]]}',
  '{"type":"LineString","coordinates":[136603.38,455665.99]}', '{"type":"LineString","coordinates":[[]]}', '{"type":"Polygon","coordinates":[[]]}', '{"type":"Polygon","coordinates":[]}',
  '{"type":"MultiPolygon","coordinates":[[]]}', '{"type":"MultiPolygon","coordinates":[[], [[[136000,455000],[136100,455000],[136100,455100],[136000,455000]]]]}',
  '{"type":"Polygon","coordinates":[[[136000,455000],[136100,455000],[136100,455100],[136000,455000]]]}', '{"type":"GeometryCollection","geometries":[]}',
  '{"type":"Feature","geometry":null}', '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[5.12,52.09]}}', '{"type":"Circle","coordinates":[1,2]}',
  '{"type":"Point","coordinates":[5.12,52.09],"crs":{"type":"name","properties":{"name":"EPSG:28992"}}}', '{"type":"Point","coordinates":[136603.38,455665.99]} ',
  '{"type":"Point","coordinates":[-0,455665.99]}', '{"type":"Point","coordinates":[136603.380,455665.99]}', '{"type":"Point","coordinates":[0136603,455665]}',
  '{"type":"Point","coordinates":[136603.,455665]}', '{"type":"Point","coordinates":[.5,455665]}', '{"type":"Point","coordinates":[136603.38,455665.99,]}',
  '{"type":"Point" , "coordinates" : [ 136603.38 , 455665.99 ] }', '{"type":"Point","coordinates":[136603.38,\u00a0455665.99]}', '{"type":"Poin\\u0074","coordinates":[136603.38,455665.99]}',
  // white space trim() removes beyond ASCII, at either end or both
  '\u00a0POINT(136603 455665)', 'POINT(136603 455665)\u3000', '\ufeff{"type":"Point","coordinates":[136603,455665]}\u2028', '\u00a0', ' \t\n', 'POINT(136603 455665)\u0085',
  // characters whose lower case is ASCII or longer: the reader scans a lower-case copy
  'POINT\u212A(136603 455665)', 'P\u0130INT(136603 455665)', 'POINT(136603 455665) \u212A', 'SRID=28992;POLYGON\u212A((1 2, 3 4))', 'POINT(136603 455665\u0130)',
  '{"type":"Point","coordinates":[136603.38,455665.99]}}', '{"type":"Point","coordinates":[136603.38,455665.99]', '{"type":"Point","coordinates":[136603.381234567890123,455665.99]}',
];
