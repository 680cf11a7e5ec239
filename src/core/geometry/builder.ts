/**
 * The scratch form a reader writes into: every vertex as two numbers in one growing Float64Array,
 * where each part (point, line, ring) starts, and which rings start a polygon. One builder is
 * reused for every cell, so reading a geometry allocates nothing per position; the result is
 * copied once, at its exact size, into the flat form the analysis keeps (`toFlat`).
 */
import type { Position } from '../types';
import { fromBuilt, type KindCode, type PreparedGeometry } from './flat';
import type { Shape } from './shape';

/**
 * A growing list of vertices and part starts, reset for every geometry. Parsing is synchronous
 * and not re-entrant, so one shared builder per reader is safe.
 *
 * @example
 * const b = new FlatBuilder();
 * b.reset(1); b.part(false); b.push(0, 0); b.push(10, 0);
 * b.toShape(); // { kind: 'line', lines: [[[0, 0], [10, 0]]] }
 */
export class FlatBuilder {
  kind: KindCode = 0;
  /** x0, y0, x1, y1, ... of the first `n` vertices */
  xy = new Float64Array(2048);
  n = 0;
  /** vertex index where part k starts, for the first `nParts` parts */
  starts = new Int32Array(64);
  /** per part: 1 when it starts a polygon (a shell), else 0 */
  shells = new Uint8Array(64);
  nParts = 0;

  reset(kind: KindCode): void {
    this.kind = kind;
    this.n = 0;
    this.nParts = 0;
  }

  /** starts a new part; `shell` marks the first ring of a polygon */
  part(shell: boolean): void {
    if (this.nParts === this.starts.length) {
      this.starts = grow(this.starts, new Int32Array(2 * this.nParts));
      this.shells = grow(this.shells, new Uint8Array(2 * this.nParts));
    }
    this.starts[this.nParts] = this.n;
    this.shells[this.nParts++] = shell ? 1 : 0;
  }

  push(x: number, y: number): void {
    if (2 * this.n === this.xy.length) this.xy = grow(this.xy, new Float64Array(2 * this.xy.length));
    this.xy[2 * this.n] = x;
    this.xy[2 * this.n++ + 1] = y;
  }

  /** first vertex of part k */
  startOf(k: number): number {
    return this.starts[k];
  }

  /** one past the last vertex of part k */
  endOf(k: number): number {
    return k + 1 < this.nParts ? this.starts[k + 1] : this.n;
  }

  /** the nested lists the text stands for, as the readers built them before the flat form */
  toShape(): Shape {
    const parts: Position[][] = [];
    for (let k = 0; k < this.nParts; k++) {
      const list: Position[] = [];
      for (let v = this.startOf(k); v < this.endOf(k); v++) list.push([this.xy[2 * v], this.xy[2 * v + 1]]);
      parts.push(list);
    }
    if (this.kind === 0) return { kind: 'point', points: parts.map((p) => p[0]) };
    if (this.kind === 1) return { kind: 'line', lines: parts };
    const polygons: Position[][][] = [];
    parts.forEach((ring, k) => (this.shells[k] === 1 || polygons.length === 0 ? polygons.push([ring]) : polygons[polygons.length - 1].push(ring)));
    return { kind: 'poly', polygons };
  }

  /** a copy at its exact size in the pooled flat form, bbox included */
  toFlat(): PreparedGeometry {
    return fromBuilt(this.kind, this.xy, this.n, this.starts, this.shells, this.nParts);
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
