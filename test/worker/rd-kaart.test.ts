import fc from 'fast-check';
import { rdToWgs84 } from '../../src/core/geometry/crs';
import { mercator } from '../../src/map/vormen';
import { BEREIK, RdNaarKaart } from '../../src/worker/rd-kaart';

/** ground metres between two normalised Web Mercator points at latitude `lat` */
function meters(a: [number, number], b: [number, number], lat: number): number {
  const wereld = 2 * Math.PI * 6378137;
  return Math.hypot(a[0] - b[0], a[1] - b[1]) * wereld * Math.cos((lat * Math.PI) / 180);
}

describe('RdNaarKaart, the fast RD → map projection', () => {
  it('stays within 3 mm of proj4 for every vertex anywhere in the Netherlands', () => {
    let worst = 0;
    fc.assert(fc.property(
      fc.double({ min: 13000, max: 278000, noNaN: true }), fc.double({ min: 306000, max: 619000, noNaN: true }),
      fc.array(fc.tuple(fc.double({ min: -2 * BEREIK, max: 2 * BEREIK, noNaN: true }), fc.double({ min: -2 * BEREIK, max: 2 * BEREIK, noNaN: true })), { minLength: 1, maxLength: 20 }),
      (x, y, offsets) => {
        const rd = new RdNaarKaart();
        for (const [dx, dy] of [[0, 0], ...offsets]) {
          const p: [number, number] = [x + dx, y + dy];
          const exact = rdToWgs84(p);
          worst = Math.max(worst, meters(rd.project(p), mercator(exact), exact[1]));
        }
        return worst < 0.003;
      },
    ), { seed: 7, numRuns: 300 });
    expect(worst).toBeGreaterThan(0);
  });

  it('projects a lone vertex exactly, and a cluster of vertices with three more exact projections', () => {
    const rd = new RdNaarKaart();
    expect(rd.project([136050, 455050])).toEqual(mercator(rdToWgs84([136050, 455050])));
    expect(rd.exact).toBe(1);
    for (let i = 0; i < 1000; i++) rd.project([136000 + (i % 100), 455000 + Math.floor(i / 100)]);
    expect(rd.exact).toBe(4);
    rd.project([150000, 460000]);
    expect(rd.exact).toBe(5);
  });
});
