/**
 * Many geometries in a few flat typed arrays, already projected for the map: Web Mercator scaled
 * to 0..1 (Leaflet's pixel coordinates at zoom 0 divided by 256), so drawing at zoom z is one
 * multiply and one subtract per vertex. The worker builds them; their buffers are transferred to
 * the page, not copied, and the map draws from them without a Leaflet layer per feature.
 * No DOM and no Leaflet here: the worker imports this.
 */
import type { Geometry, Position, WgsGeometry } from '../core/types';

/** 0 point, 1 line, 2 polygon */
export type VormSoort = 0 | 1 | 2;
export const SOORT_CODE: Record<WgsGeometry['kind'], VormSoort> = { point: 0, line: 1, poly: 2 };

/** n features: feature i has parts `feature[i]..feature[i+1]`, part j vertices `part[j]..part[j+1]`. */
export interface Vormen {
  /** per feature its kind (VormSoort) */
  soort: Uint8Array;
  /** first part of each feature, plus one end entry */
  feature: Uint32Array;
  /** first vertex of each part (a point, a line or a ring), plus one end entry */
  part: Uint32Array;
  /** x, y of every vertex, normalised Web Mercator (0..1, y down) */
  xy: Float64Array;
  /** minX, minY, maxX, maxY per feature, same units */
  box: Float64Array;
}

const EARTH = 6378137;
const MAX_LAT = 85.0511287798;

/**
 * WGS84 lon/lat → normalised Web Mercator, as Leaflet's EPSG:3857 at zoom 0 divided by 256.
 *
 * @example
 * mercator([0, 0]); // [0.5, 0.5]
 */
export function mercator(p: Position): [number, number] {
  const lat = Math.max(Math.min(MAX_LAT, p[1]), -MAX_LAT);
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (EARTH * Math.log((1 + s) / (1 - s))) / 2;
  const x = (EARTH * p[0] * Math.PI) / 180;
  const k = 0.5 / (Math.PI * EARTH);
  return [k * x + 0.5, -k * y + 0.5];
}

/**
 * Normalised Web Mercator → WGS84 `[lon, lat]` (the inverse of `mercator`).
 *
 * @example
 * lonLat(0.5, 0.5); // [0, 0]
 */
export function lonLat(x: number, y: number): Position {
  const mx = (x - 0.5) * 2 * Math.PI * EARTH;
  const my = (0.5 - y) * 2 * Math.PI * EARTH;
  return [(mx / EARTH) * (180 / Math.PI), (2 * Math.atan(Math.exp(my / EARTH)) - Math.PI / 2) * (180 / Math.PI)];
}

/**
 * A projection to normalised Web Mercator that writes vertex (x, y) at `out[at]`, `out[at + 1]`:
 * no array per vertex, as a big workbook has millions of them.
 */
export type Projectie = (x: number, y: number, out: Float64Array, at: number) => void;

/** Collects geometries one by one, then hands out the typed arrays. */
export class VormenBouwer {
  private readonly soort: number[] = [];
  private readonly feature: number[] = [0];
  private readonly part: number[] = [0];
  private xy = new Float64Array(1024);
  private n = 0;
  private readonly box: number[] = [];

  /**
   * Adds one geometry (its parts: points, lines or every ring of every polygon); `project` takes
   * its positions to normalised Web Mercator (default: WGS84 lon/lat through `mercator`).
   */
  add(g: Geometry<'rd' | 'wgs84'>, project: (p: Position) => [number, number] = mercator): void {
    const parts: Position[][] = g.kind === 'point' ? g.points.map((p) => [p]) : g.kind === 'line' ? g.lines : g.polygons.flat();
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const part of parts) {
      for (const p of part) {
        const [x, y] = project(p);
        this.push(x, y);
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x > x1) x1 = x;
        if (y > y1) y1 = y;
      }
      this.part.push(this.n);
    }
    this.soort.push(SOORT_CODE[g.kind]);
    this.feature.push(this.part.length - 1);
    this.box.push(x0, y0, x1, y1);
  }

  /**
   * Adds one geometry given flat, as the parser keeps it (`flatOf`): its vertices' x, y in `xy`,
   * part k (a point, a line or a ring) from vertex `parts[k]` to `parts[k + 1]`. The same arrays
   * as `add` on its lists, without making those lists.
   */
  addFlat(soort: VormSoort, xy: Float64Array, parts: Int32Array, project: Projectie): void {
    const eerste = parts[0], laatste = parts[parts.length - 1];
    this.ruimte(laatste - eerste);
    const uit = this.xy;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k + 1 < parts.length; k++) {
      for (let v = parts[k]; v < parts[k + 1]; v++) {
        const at = 2 * this.n++;
        project(xy[2 * v], xy[2 * v + 1], uit, at);
        const x = uit[at], y = uit[at + 1];
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x > x1) x1 = x;
        if (y > y1) y1 = y;
      }
      this.part.push(this.n);
    }
    this.soort.push(soort);
    this.feature.push(this.part.length - 1);
    this.box.push(x0, y0, x1, y1);
  }

  /** room for `n` more vertices */
  private ruimte(n: number): void {
    if (2 * (this.n + n) <= this.xy.length) return;
    const grown = new Float64Array(Math.max(this.xy.length * 2, 2 * (this.n + n)));
    grown.set(this.xy);
    this.xy = grown;
  }

  private push(x: number, y: number): void {
    this.ruimte(1);
    this.xy[2 * this.n] = x;
    this.xy[2 * this.n + 1] = y;
    this.n++;
  }

  /** The arrays (the builder is spent). */
  build(): Vormen {
    return {
      soort: Uint8Array.from(this.soort),
      feature: Uint32Array.from(this.feature),
      part: Uint32Array.from(this.part),
      xy: this.xy.slice(0, 2 * this.n),
      box: Float64Array.from(this.box),
    };
  }
}

/**
 * The flat arrays of some geometries.
 *
 * @example
 * vormenVan([{ crs: 'wgs84', kind: 'point', points: [[5.1, 52.1]] }]).soort; // Uint8Array [0]
 */
export function vormenVan(gs: readonly WgsGeometry[]): Vormen {
  const b = new VormenBouwer();
  for (const g of gs) b.add(g);
  return b.build();
}

/** The buffers to transfer (not copy) when posting these arrays to another thread. */
export function buffersVan(v: Vormen): ArrayBuffer[] {
  return [v.soort, v.feature, v.part, v.xy, v.box].map((a) => a.buffer as ArrayBuffer);
}

/** Number of features. */
export function aantal(v: Vormen): number {
  return v.soort.length;
}

/** Feature i's bounding box as WGS84 `[[west, south], [east, north]]`. */
export function lonLatBox(v: Vormen, i: number): [Position, Position] {
  const [x0, y0, x1, y1] = v.box.subarray(4 * i, 4 * i + 4);
  return [lonLat(x0, y1), lonLat(x1, y0)];
}

/** The middle vertex of feature i's first part, WGS84 (where a test clicks it). */
export function middenVan(v: Vormen, i: number): Position {
  const j = v.feature[i];
  const [a, b] = [v.part[j], v.part[j + 1]];
  const k = a + Math.floor((b - a) / 2);
  return lonLat(v.xy[2 * k], v.xy[2 * k + 1]);
}
