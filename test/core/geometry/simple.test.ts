import fc from 'fast-check';
import { segmentsIntersect } from '../../../src/core/geometry/planar';
import { isSimpleRing } from '../../../src/core/geometry/simple';

/** the definition: every pair of non-adjacent edges tested, nothing skipped */
function simpleByAllPairs(xy: Float64Array, from: number, count: number): boolean {
  const n = count - 1;
  const at = (i: number, k: number): number => xy[2 * (from + i) + k];
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsIntersect(at(i, 0), at(i, 1), at(i + 1, 0), at(i + 1, 1), at(j, 0), at(j, 1), at(j + 1, 0), at(j + 1, 1))) return false;
    }
  }
  return true;
}

/** a closed ring in a flat array after `pad` vertices of other data */
function ringOf(points: [number, number][], pad: number): Float64Array {
  const closed = [...points, points[0]];
  const xy = new Float64Array(2 * (pad + closed.length)).fill(-1);
  closed.forEach(([x, y], i) => xy.set([x, y], 2 * (pad + i)));
  return xy;
}

describe('isSimpleRing', () => {
  it('accepts a square and refuses a bow-tie and a ring that touches itself at a vertex', () => {
    expect(isSimpleRing(ringOf([[0, 0], [10, 0], [10, 10], [0, 10]], 0), 0, 5)).toBe(true);
    expect(isSimpleRing(ringOf([[0, 0], [10, 10], [10, 0], [0, 10]], 0), 0, 5)).toBe(false);
    expect(isSimpleRing(ringOf([[0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5]], 2), 2, 7)).toBe(false);
  });

  it('answers as testing all pairs does, on random rings on a small grid (many touching and collinear edges)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(fc.property(fc.array(point, { minLength: 3, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (pts, pad) => {
      const xy = ringOf(pts as [number, number][], pad);
      expect(isSimpleRing(xy, pad, pts.length + 1)).toBe(simpleByAllPairs(xy, pad, pts.length + 1));
    }), { numRuns: 3000 });
  });

  it('answers as testing all pairs does, on long rings (over a hundred edges) with real coordinates', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 136000, max: 136100, noNaN: true }), fc.double({ min: 455000, max: 455020, noNaN: true })), { minLength: 100, maxLength: 160 }),
      (pts) => {
        const xy = ringOf(pts as [number, number][], 0);
        expect(isSimpleRing(xy, 0, pts.length + 1)).toBe(simpleByAllPairs(xy, 0, pts.length + 1));
      }), { numRuns: 200 });
    // a circle of 200 vertices is simple: the sweep must not find what is not there
    const circle = Array.from({ length: 200 }, (_, i) => [136000 + 50 * Math.cos(i / 31.83), 455000 + 5 * Math.sin(i / 31.83)] as [number, number]);
    expect(isSimpleRing(ringOf(circle, 0), 0, 201)).toBe(true);
    expect(simpleByAllPairs(ringOf(circle, 0), 0, 201)).toBe(true);
  });
});
