import { wgs84ToRd } from '../../../src/core/geometry/crs';
import { FlatBuilder } from '../../../src/core/geometry/builder';
import { flatOf, flatten, lazyGeometry } from '../../../src/core/geometry/flat';
import type { Shape } from '../../../src/core/geometry/shape';
import { parseGeometry } from '../../../src/core/geometry/parse';
import { prepare } from '../../../src/core/analysis/prepared';
import type { Position, RdGeometry } from '../../../src/core/types';

const sq = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const polygons: Position[][][] = [[sq(0, 0, 100), sq(10, 10, 5), sq(50, 50, 5)], [sq(200, 0, 10)]];

function parsed(text: string): RdGeometry {
  const r = parseGeometry(text);
  if (!r.ok) throw new Error(r.melding);
  return r.geometry;
}

describe('a parsed geometry kept in flat form', () => {
  it('gives back the same lists it was made from, for points, lines and polygons with holes and parts', () => {
    const shapes: RdGeometry[] = [
      { crs: 'rd', kind: 'point', points: [[1, 2], [3, 4]] },
      { crs: 'rd', kind: 'line', lines: [[[0, 0], [10, 0], [10, 5]], [[20, 20], [30, 30]]] },
      { crs: 'rd', kind: 'poly', polygons },
    ];
    for (const g of shapes) expect(lazyGeometry(flatten(g))).toEqual(g);
  });

  it('behaves as a plain object: spread, JSON and Object.keys see the lists', () => {
    const g = lazyGeometry(flatten({ kind: 'poly', polygons }));
    expect(Object.keys(g)).toEqual(['crs', 'kind', 'polygons']);
    expect({ ...g }).toEqual({ crs: 'rd', kind: 'poly', polygons });
    expect(JSON.parse(JSON.stringify(g))).toEqual({ crs: 'rd', kind: 'poly', polygons });
  });

  it('is what the analysis prepares, without a copy, with shells marking where each polygon starts', () => {
    const g = parsed('MULTIPOLYGON(((136000 455000,136100 455000,136100 455100,136000 455100,136000 455000),'
      + '(136010 455010,136015 455010,136015 455015,136010 455015,136010 455010)),((136200 455000,136210 455000,136210 455010,136200 455010,136200 455000)))');
    const flat = prepare(g);
    expect(flatOf(g)).toBe(flat);
    expect(prepare(g)).toBe(flat);
    expect(Array.from(flat.shells ?? [])).toEqual([1, 0, 1]);
    expect([flat.minX, flat.minY, flat.maxX, flat.maxY]).toEqual([136000, 455000, 136210, 455100]);
  });

  it('forgets its flat form when new lists are assigned, so the analysis never sees stale vertices', () => {
    const g = parsed('LINESTRING(136000 455000, 136010 455000)');
    if (g.kind !== 'line') throw new Error('expected a line');
    (g as { lines: Position[][] }).lines = [[[136000, 455000], [136000, 455050]]];
    expect(flatOf(g)).toBeUndefined();
    expect(prepare(g).maxY).toBe(455050);
    expect(g.lines).toEqual([[[136000, 455000], [136000, 455050]]]);
  });

  it('turns WGS84 text into the same RD numbers in flat form as in its lists', () => {
    const g = parsed('SRID=4326;LINESTRING(5.1214 52.0907, 5.1300 52.0950)');
    const flat = prepare(g);
    if (g.kind !== 'line') throw new Error('expected a line');
    expect(Array.from(flat.xy)).toEqual(g.lines[0].flat());
    const [x, y] = wgs84ToRd([5.1214, 52.0907]);
    expect([flat.xy[0], flat.xy[1]]).toEqual([x, y]);
  });
});

describe('a geometry read into the flat builder', () => {
  const shapes: Shape[] = [
    { kind: 'point', points: [[1, 2]] },
    { kind: 'point', points: [[1, 2], [3, 4], [5, 6]] },
    { kind: 'line', lines: [[[0, 0], [10, 0], [10, 5]]] },
    { kind: 'line', lines: [[[0, 0], [10, 0], [10, 5]], [[20, 20], [30, 30]]] },
    { kind: 'poly', polygons: [polygons[1]] },
    { kind: 'poly', polygons },
  ];

  function built(s: Shape): FlatBuilder {
    const b = new FlatBuilder();
    b.reset(s.kind === 'point' ? 0 : s.kind === 'line' ? 1 : 2);
    const parts = s.kind === 'point' ? s.points.map((p) => [p]) : s.kind === 'line' ? s.lines : s.polygons.flat();
    const shells = s.kind === 'poly' ? s.polygons.flatMap((p) => p.map((_, k) => k === 0)) : parts.map(() => false);
    parts.forEach((part, k) => {
      b.part(shells[k]);
      for (const [x, y] of part) b.push(x, y);
    });
    return b;
  }

  it('gives back the shape it was written from', () => {
    for (const s of shapes) expect(built(s).toShape()).toEqual(s);
  });

  it('copies out the same flat form as flatten makes of the shape: vertices, parts, shells and bbox', () => {
    for (const s of shapes) {
      const a = built(s).toFlat(), b = flatten(s);
      expect({ ...a, xy: Array.from(a.xy), parts: Array.from(a.parts), shells: a.shells && Array.from(a.shells) })
        .toEqual({ ...b, xy: Array.from(b.xy), parts: Array.from(b.parts), shells: b.shells && Array.from(b.shells) });
    }
  });

  it('grows past its first scratch size without losing a vertex', () => {
    const long: Position[] = Array.from({ length: 5000 }, (_, i) => [i, i % 7]);
    const many: Position[][] = Array.from({ length: 300 }, (_, i) => [[i, 0], [i, 1]]);
    expect(built({ kind: 'line', lines: [long] }).toShape()).toEqual({ kind: 'line', lines: [long] });
    expect(Array.from(built({ kind: 'line', lines: many }).toFlat().parts)).toEqual(Array.from(flatten({ kind: 'line', lines: many }).parts));
  });
});
