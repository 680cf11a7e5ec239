/**
 * Whether a closed ring is simple: no two non-adjacent edges share a point. On flat numbers, with
 * a sweep along the ring's longer side, so a drawn buffer (long and thin) tests each edge against
 * the few edges beside it instead of all of them.
 */
import { segmentsIntersect } from './planar';

// reused between calls: per edge its interval along the sweep axis, and the edges in sweep order
let lo = new Float64Array(64);
let hi = new Float64Array(64);
let order = new Int32Array(64);

/** true when edges i and j of the ring at `from` (n edges) share a point; neighbours share a vertex by construction */
function edgesTouch(xy: Float64Array, from: number, n: number, i: number, j: number): boolean {
  const gap = i > j ? i - j : j - i;
  if (gap === 1 || gap === n - 1) return false;
  const p = 2 * (from + i), q = 2 * (from + j);
  const ax = xy[p], ay = xy[p + 1], bx = xy[p + 2], by = xy[p + 3];
  const cx = xy[q], cy = xy[q + 1], dx = xy[q + 2], dy = xy[q + 3];
  if ((ax > bx ? ax : bx) < (cx < dx ? cx : dx) || (ax < bx ? ax : bx) > (cx > dx ? cx : dx)) return false;
  if ((ay > by ? ay : by) < (cy < dy ? cy : dy) || (ay < by ? ay : by) > (cy > dy ? cy : dy)) return false;
  return segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy);
}

/** sorts the first n entries of `order` by `lo`: insertion sort for the few dozen edges of a drawn ring */
function sortByLo(n: number): void {
  if (n > 96) {
    order.subarray(0, n).sort((a, b) => lo[a] - lo[b]);
    return;
  }
  for (let k = 1; k < n; k++) {
    const e = order[k], v = lo[e];
    let m = k - 1;
    for (; m >= 0 && lo[order[m]] > v; m--) order[m + 1] = order[m];
    order[m + 1] = e;
  }
}

/** fills lo/hi/order for the n edges of the ring at `from`, along x (axis 0) or y (axis 1) */
function intervals(xy: Float64Array, from: number, n: number, axis: number): void {
  if (lo.length < n) {
    lo = new Float64Array(2 * n);
    hi = new Float64Array(2 * n);
    order = new Int32Array(2 * n);
  }
  for (let i = 0; i < n; i++) {
    const a = xy[2 * (from + i) + axis], b = xy[2 * (from + i + 1) + axis];
    lo[i] = a < b ? a : b;
    hi[i] = a < b ? b : a;
    order[i] = i;
  }
}

/**
 * True when no two non-adjacent edges of the closed ring of `count` vertices starting at vertex
 * `from` share a point (touching counts as sharing). Every pair whose boxes meet is tested with
 * `segmentsIntersect`, so the answer is that of testing all pairs.
 *
 * @example
 * isSimpleRing(Float64Array.of(0, 0, 10, 0, 10, 10, 0, 0), 0, 4); // true
 * isSimpleRing(Float64Array.of(0, 0, 10, 10, 10, 0, 0, 10, 0, 0), 0, 5); // false (a bow-tie)
 */
export function isSimpleRing(xy: Float64Array, from: number, count: number): boolean {
  const n = count - 1;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let v = from; v < from + count; v++) {
    const x = xy[2 * v], y = xy[2 * v + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  intervals(xy, from, n, maxX - minX >= maxY - minY ? 0 : 1);
  sortByLo(n);
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi], h = hi[i];
    for (let oj = oi + 1; oj < n && lo[order[oj]] <= h; oj++) if (edgesTouch(xy, from, n, i, order[oj])) return false;
  }
  return true;
}
