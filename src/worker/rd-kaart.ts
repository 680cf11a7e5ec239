/**
 * RD New → the map's normalised Web Mercator, fast. proj4's RD New inverse (stereographic plus a
 * seven-parameter datum shift) costs microseconds a vertex, and a big workbook has millions. This
 * projects one anchor exactly, with the projection's local linear map (its Jacobian, from two more
 * exact points 10 m off), and every vertex within `BEREIK` metres of the anchor (in x and y)
 * through that linear map; a vertex further away gets a new anchor. Works lie close together, so
 * anchors are few. The error grows with the square of the distance to the anchor: about 1 mm at
 * 100 m, under 3 mm in the square's corners (test/worker/rd-kaart.test.ts), far below a pixel at
 * any zoom. Only the map uses this;
 * files and the engine keep proj4's exact values.
 */
import { rdToWgs84 } from '../core/geometry/crs';
import type { Position } from '../core/types';
import { mercator } from '../map/vormen';

/** half the side of the square around an anchor that its linear map serves, metres */
export const BEREIK = 100;
const STAP = 10;

export class RdNaarKaart {
  private ax = NaN;
  private ay = NaN;
  private m: [number, number] = [0, 0];
  private j = [0, 0, 0, 0];
  /** exact projections done (anchors × 3) */
  exact = 0;

  /**
   * One RD `[x, y]` on the map.
   *
   * @example
   * new RdNaarKaart().project([155000, 463000]); // ≈ mercator(rdToWgs84([155000, 463000]))
   */
  project(p: Position): [number, number] {
    const [x, y] = p;
    if (!(Math.abs(x - this.ax) <= BEREIK && Math.abs(y - this.ay) <= BEREIK)) this.anker(x, y);
    const dx = x - this.ax, dy = y - this.ay;
    const j = this.j;
    return [this.m[0] + j[0] * dx + j[1] * dy, this.m[1] + j[2] * dx + j[3] * dy];
  }

  private anker(x: number, y: number): void {
    const m = mercator(rdToWgs84([x, y]));
    const mx = mercator(rdToWgs84([x + STAP, y]));
    const my = mercator(rdToWgs84([x, y + STAP]));
    this.exact += 3;
    [this.ax, this.ay, this.m] = [x, y, m];
    this.j = [(mx[0] - m[0]) / STAP, (my[0] - m[0]) / STAP, (mx[1] - m[1]) / STAP, (my[1] - m[1]) / STAP];
  }
}
