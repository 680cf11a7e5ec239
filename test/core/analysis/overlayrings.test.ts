import { intersectionRings } from '../../../src/core/analysis/overlayrings';
import { prepare } from '../../../src/core/analysis/prepared';
import { bufferPostgis, fromJstsPolygons, toJstsLine, toJstsPolygon } from '../../../src/core/geometry/jsts';
import { polygonsArea } from '../../../src/core/geometry/planar';
import type { Position } from '../../../src/core/types';
import { prng, star } from './random-polygons';

const starEitherWay = (rand: () => number, cx: number, cy: number) => star(rand, cx, cy, true);

const rings = (p: Position[][][], q: Position[][][]): Position[][][] | null =>
  intersectionRings(prepare({ crs: 'rd', kind: 'poly', polygons: p }),
    prepare({ crs: 'rd', kind: 'poly', polygons: q }));

describe('the shared polygon by following clipped edges', () => {
  it('is the jsts overlay for 300 random polygon pairs, buffers with holes included (area and symmetric difference)', () => {
    const rand = prng(11);
    let built = 0;
    for (let k = 0; k < 300; k++) {
      const p = [starEitherWay(rand, 136000, 455000)];
      const q = k % 3 === 0
        ? fromJstsPolygons(bufferPostgis(toJstsLine([starEitherWay(rand, 136000 + rand() * 50, 455000)[0]]), 3 + rand() * 5))
        : fromJstsPolygons(bufferPostgis(toJstsPolygon([starEitherWay(rand, 136000 + rand() * 80, 455000 + rand() * 80)]), rand() * 10));
      const expected = toJstsPolygon(p).intersection(toJstsPolygon(q));
      const got = rings(p, q);
      if (got === null) continue;
      built++;
      expect(Math.abs(polygonsArea(got) - expected.getArea())).toBeLessThan(1e-4); // shoelace on RD-sized numbers keeps ~1e-5 m²
      if (got.length > 0) {
        const ours = toJstsPolygon(got);
        expect(ours.isValid()).toBe(true);
        expect((ours as unknown as { symDifference(o: unknown): { getArea(): number } }).symDifference(expected).getArea()).toBeLessThan(1e-4);
      } else expect(expected.getArea()).toBe(0);
    }
    // degenerate contacts are rare in such data: nearly every pair is built without jsts
    expect(built).toBeGreaterThan(290);
  });

  it('gives a hole where the other polygon has one, and nothing for polygons apart', () => {
    const sq = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    const donut: Position[][][] = [[sq(136000, 455000, 100), sq(136040, 455040, 20).reverse()]];
    const got = rings(donut, [[sq(135990.5, 455010.5, 80)]]) as Position[][][];
    expect(got).toHaveLength(1);
    expect(got[0]).toHaveLength(2);
    expect(polygonsArea(got)).toBeCloseTo(70.5 * 80 - 400, 6);
    expect(rings([[sq(136000, 455000, 10)]], [[sq(136100, 455000, 10)]])).toEqual([]);
  });

  it('answers null when edges run along each other, so the caller asks jsts', () => {
    const a: Position[][][] = [[[[136000, 455000], [136010, 455000], [136010, 455010], [136000, 455010], [136000, 455000]]]];
    const b: Position[][][] = [[[[136005, 455000], [136020, 455000], [136020, 455010], [136005, 455010], [136005, 455000]]]];
    expect(rings(a, b)).toBeNull();
  });
});
