import { flatten } from '../../src/core/geometry/flat';
import type { RdGeometry } from '../../src/core/types';
import { VormenBouwer, type Projectie, SOORT_CODE } from '../../src/map/vormen';

// a plain affine map stands in for the projection: the builder only places what it is given
const schaal = (p: [number, number]): [number, number] => [p[0] / 1000, 1 - p[1] / 1000];
const schaalIn: Projectie = (x, y, out, at) => {
  out[at] = x / 1000;
  out[at + 1] = 1 - y / 1000;
};

const geometrieen: RdGeometry[] = [
  { crs: 'rd', kind: 'point', points: [[10, 20], [30, 40], [50, 60]] },
  { crs: 'rd', kind: 'line', lines: [[[0, 0], [100, 0], [100, 50]], [[200, 200], [210, 230]]] },
  {
    crs: 'rd', kind: 'poly', polygons: [
      [[[0, 0], [90, 0], [90, 90], [0, 90], [0, 0]], [[10, 10], [20, 10], [20, 20], [10, 10]]],
      [[[300, 300], [310, 300], [310, 330], [300, 300]]],
    ],
  },
  { crs: 'rd', kind: 'point', points: [[7, 8]] },
];

describe('VormenBouwer', () => {
  it('builds the same arrays from a geometry\'s flat form as from its lists', () => {
    const lijsten = new VormenBouwer();
    const plat = new VormenBouwer();
    for (const g of geometrieen) {
      lijsten.add(g, schaal);
      const f = flatten(g);
      plat.addFlat(f.kind, f.xy, f.parts, schaalIn);
    }
    const [a, b] = [lijsten.build(), plat.build()];
    expect(b).toEqual(a);
    // every point, line and ring a part of its own; features in order with their kinds
    expect([...a.soort]).toEqual(geometrieen.map((g) => SOORT_CODE[g.kind]));
    expect([...a.feature]).toEqual([0, 3, 5, 8, 9]);
    expect([...a.box.subarray(4, 8)]).toEqual([0, 1 - 230 / 1000, 0.21, 1]);
  });

  it('grows its vertex array for a geometry bigger than the room it has', () => {
    const ring: [number, number][] = Array.from({ length: 5000 }, (_, i) => [Math.cos(i / 800) * 500, Math.sin(i / 800) * 500]);
    const f = flatten({ kind: 'line', lines: [ring] });
    const b = new VormenBouwer();
    b.addFlat(f.kind, f.xy, f.parts, schaalIn);
    const v = b.build();
    expect(v.xy.length).toBe(10_000);
    expect(v.xy[9998]).toBeCloseTo(ring[4999][0] / 1000, 12);
  });
});
