import { intersectionArea } from '../../../src/core/analysis/polyarea';
import { prepare } from '../../../src/core/analysis/prepared';
import { bufferPostgis, fromJstsPolygons, toJstsLine, toJstsPolygon } from '../../../src/core/geometry/jsts';
import type { Position } from '../../../src/core/types';
import { prng, star } from './random-polygons';


const fast = (p: Position[][][], q: Position[][][]): number | null =>
  intersectionArea(prepare({ crs: 'rd', kind: 'poly', polygons: p }),
    prepare({ crs: 'rd', kind: 'poly', polygons: q }));

describe('intersection area by edge clipping', () => {
  it('equals the jsts overlay area for 300 random polygon pairs, buffers with holes included', () => {
    const rand = prng(7);
    for (let k = 0; k < 300; k++) {
      const p = [star(rand, 136000, 455000)];
      // every third case: a buffered closed line, which has a hole
      const q = k % 3 === 0
        ? fromJstsPolygons(bufferPostgis(toJstsLine([star(rand, 136000 + rand() * 50, 455000)[0]]), 3 + rand() * 5))
        : fromJstsPolygons(bufferPostgis(toJstsPolygon([star(rand, 136000 + rand() * 80, 455000 + rand() * 80)]), rand() * 10));
      const expected = toJstsPolygon(p).intersection(toJstsPolygon(q)).getArea();
      const got = fast(p, q);
      expect(got).not.toBeNull();
      expect(Math.abs((got as number) - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
    }
  });

  it('is 0 for polygons apart and the full area for one inside the other', () => {
    const sq = (x: number, y: number, s: number): Position[][][] => [[[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]];
    expect(fast(sq(136000, 455000, 10), sq(136100, 455000, 10))).toBe(0);
    expect(fast(sq(136000, 455000, 10), sq(135990, 454990, 50))).toBeCloseTo(100, 9);
  });

  it('answers null when edges run along each other, so the caller asks jsts', () => {
    const a: Position[][][] = [[[[136000, 455000], [136010, 455000], [136010, 455010], [136000, 455010], [136000, 455000]]]];
    const b: Position[][][] = [[[[136005, 455000], [136020, 455000], [136020, 455010], [136005, 455010], [136005, 455000]]]];
    expect(fast(a, b)).toBeNull();
  });
});
