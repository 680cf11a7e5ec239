/**
 * The length of a line within distance d of another geometry, exactly: per segment of the line,
 * the parameters within d of each nearby segment of the other form an interval (see interval.ts);
 * for a polygon the gaps between those intervals are wholly inside or wholly outside (a crossing
 * of the boundary is at distance 0), so one point per gap decides. Union, then sum.
 */
import type { Position } from '../types';
import { capsuleInterval, hit } from './interval';
import { len } from '../geometry/planar';
import { insidePolygon, type PreparedGeometry } from './prepared';

// scratch space for intervals, reused across calls: no allocation per pair
let ivs = new Float64Array(256);
let count = 0;

function push(lo: number, hi: number): void {
  if (2 * count + 2 > ivs.length) {
    const bigger = new Float64Array(ivs.length * 2);
    bigger.set(ivs);
    ivs = bigger;
  }
  ivs[2 * count] = lo;
  ivs[2 * count + 1] = hi;
  count++;
}

/** sorts by lo (insertion sort: a segment meets few others) and merges overlaps in place */
function sortAndMerge(): void {
  for (let i = 1; i < count; i++) {
    const lo = ivs[2 * i], hi = ivs[2 * i + 1];
    let j = i - 1;
    while (j >= 0 && ivs[2 * j] > lo) {
      ivs[2 * j + 2] = ivs[2 * j];
      ivs[2 * j + 3] = ivs[2 * j + 1];
      j--;
    }
    ivs[2 * j + 2] = lo;
    ivs[2 * j + 3] = hi;
  }
  let m = 0;
  for (let i = 0; i < count; i++) {
    if (m > 0 && ivs[2 * i] <= ivs[2 * m - 1]) {
      if (ivs[2 * i + 1] > ivs[2 * m - 1]) ivs[2 * m - 1] = ivs[2 * i + 1];
    } else {
      ivs[2 * m] = ivs[2 * i];
      ivs[2 * m + 1] = ivs[2 * i + 1];
      m++;
    }
  }
  count = m;
}

/** intervals of segment (ax,ay)→(bx,by) within d of any segment of y */
function collect(ax: number, ay: number, bx: number, by: number, y: PreparedGeometry, d: number): void {
  const Y = y.xy;
  const minX = Math.min(ax, bx) - d, maxX = Math.max(ax, bx) + d, minY = Math.min(ay, by) - d, maxY = Math.max(ay, by) + d;
  for (let q = 0; q + 1 < y.parts.length; q++) {
    const from = y.parts[q], to = y.parts[q + 1];
    const last = to - from === 1 ? from : to - 2;
    for (let s = from; s <= last; s++) {
      const t = to - from === 1 ? s : s + 1;
      const cx = Y[2 * s], cy = Y[2 * s + 1], dx = Y[2 * t], dy = Y[2 * t + 1];
      if (Math.max(cx, dx) < minX || Math.min(cx, dx) > maxX || Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      if (capsuleInterval(ax, ay, bx, by, cx, cy, dx, dy, d)) push(hit.lo, hit.hi);
    }
  }
}

/** adds the gaps between the intervals that lie inside polygon y */
function addInsideGaps(ax: number, ay: number, bx: number, by: number, y: PreparedGeometry): void {
  const n = count;
  let prev = 0;
  for (let i = 0; i <= n; i++) {
    const next = i < n ? ivs[2 * i] : 1;
    if (next > prev) {
      const u = (prev + next) / 2;
      if (insidePolygon(y, ax + u * (bx - ax), ay + u * (by - ay))) push(prev, next);
    }
    if (i < n) prev = ivs[2 * i + 1];
  }
}

/** collects the covered pieces of one line as polylines, joining across vertices */
class Pieces {
  out: Position[][] = [];
  private open: Position[] | null = null;
  add(ax: number, ay: number, bx: number, by: number, lo: number, hi: number): void {
    const p: Position = [ax + lo * (bx - ax), ay + lo * (by - ay)];
    const q: Position = [ax + hi * (bx - ax), ay + hi * (by - ay)];
    if (this.open && lo === 0) this.open.push(q);
    else {
      this.open = [p, q];
      this.out.push(this.open);
    }
    if (hi < 1) this.open = null;
  }
  breakLine(): void {
    this.open = null;
  }
}

/**
 * Length of line `x` within distance d of `y` (a line or polygon); with `pieces`, the covered
 * parts of x are added to it as polylines (the shared part of regels.md).
 *
 * @example
 * lengthWithin(prepare(line), prepare(otherLine), 10); // metres of `line` within 10 m of `otherLine`
 */
export function lengthWithin(x: PreparedGeometry, y: PreparedGeometry, d: number, pieces?: Position[][]): number {
  const X = x.xy;
  const poly = y.kind === 2;
  const collector = pieces ? new Pieces() : null;
  let total = 0;
  for (let p = 0; p + 1 < x.parts.length; p++) {
    collector?.breakLine();
    for (let i = x.parts[p]; i + 1 < x.parts[p + 1]; i++) {
      const ax = X[2 * i], ay = X[2 * i + 1], bx = X[2 * i + 2], by = X[2 * i + 3];
      const seg = len(bx - ax, by - ay);
      if (seg === 0) continue;
      // a segment whose grown bbox misses y's bbox is neither near nor inside y
      if (Math.max(ax, bx) + d < y.minX || Math.min(ax, bx) - d > y.maxX || Math.max(ay, by) + d < y.minY || Math.min(ay, by) - d > y.maxY) {
        collector?.breakLine();
        continue;
      }
      count = 0;
      collect(ax, ay, bx, by, y, d);
      sortAndMerge();
      if (poly) {
        addInsideGaps(ax, ay, bx, by, y);
        sortAndMerge();
      }
      if (count === 0) collector?.breakLine();
      for (let k = 0; k < count; k++) {
        total += (ivs[2 * k + 1] - ivs[2 * k]) * seg;
        collector?.add(ax, ay, bx, by, ivs[2 * k], ivs[2 * k + 1]);
      }
    }
  }
  if (collector && pieces) pieces.push(...collector.out.filter((l) => l[0][0] !== l[l.length - 1][0] || l[0][1] !== l[l.length - 1][1] || l.length > 2));
  return total;
}
