/**
 * RD New → the map's normalised Web Mercator, fast. proj4's RD New inverse (stereographic plus a
 * seven-parameter datum shift) costs microseconds a vertex, and a big workbook has millions. This
 * splits RD space in 200 m cells: the first vertex in a cell is projected exactly; from the second
 * on, the cell's centre is projected exactly with the projection's local linear map there (its
 * Jacobian, from two more exact points 10 m off), and every vertex in the cell goes through that
 * linear map. Works lie close together, so a cell serves many vertices. The error grows with the
 * square of the distance to the centre: about 1 mm at 100 m, under 3 mm in a cell's corners
 * (test/worker/rd-kaart.test.ts), far below a pixel at any zoom. Only the map uses this; files and
 * the engine keep proj4's exact values.
 */
import { rdToWgs84 } from '../core/geometry/crs';
import type { Position } from '../core/types';
import { mercator } from '../map/vormen';

/** half the side of the square around an anchor that its linear map serves, metres */
export const BEREIK = 100;
const STAP = 10;
const CEL = 2 * BEREIK;
/** cells kept; beyond this the cache starts again (a few MB) */
const MAX_CELLEN = 50_000;

interface Cel {
  /** the first vertex seen in the cell and its exact projection */
  x: number;
  y: number;
  m: [number, number];
  /** the centre's exact projection and linear map, made when a second vertex comes */
  lineair: { cx: number; cy: number; m: [number, number]; j: number[] } | null;
}

export class RdNaarKaart {
  private readonly cellen = new Map<number, Cel>();
  /** exact projections done */
  exact = 0;

  /**
   * One RD `[x, y]` on the map.
   *
   * @example
   * new RdNaarKaart().project([155000, 463000]); // ≈ mercator(rdToWgs84([155000, 463000]))
   */
  project(p: Position): [number, number] {
    const [x, y] = p;
    // cells are centred on multiples of CEL: every vertex lies within BEREIK of its cell's centre
    const cx = Math.round(x / CEL), cy = Math.round(y / CEL);
    const key = cx * 4_000_000 + cy;
    let c = this.cellen.get(key);
    if (!c) {
      if (this.cellen.size >= MAX_CELLEN) this.cellen.clear();
      c = { x, y, m: this.exact1(x, y), lineair: null };
      this.cellen.set(key, c);
      return c.m;
    }
    if (x === c.x && y === c.y) return c.m;
    const l = (c.lineair ??= this.lineair(cx * CEL, cy * CEL));
    const dx = x - l.cx, dy = y - l.cy, j = l.j;
    return [l.m[0] + j[0] * dx + j[1] * dy, l.m[1] + j[2] * dx + j[3] * dy];
  }

  private exact1(x: number, y: number): [number, number] {
    this.exact++;
    return mercator(rdToWgs84([x, y]));
  }

  private lineair(cx: number, cy: number): NonNullable<Cel['lineair']> {
    const m = this.exact1(cx, cy);
    const mx = this.exact1(cx + STAP, cy);
    const my = this.exact1(cx, cy + STAP);
    return { cx, cy, m, j: [(mx[0] - m[0]) / STAP, (my[0] - m[0]) / STAP, (mx[1] - m[1]) / STAP, (my[1] - m[1]) / STAP] };
  }
}
