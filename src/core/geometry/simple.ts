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
let tmp = new Int32Array(64);
let bounds = new Int32Array(65);

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

/** order[from..to) turned round */
function reverse(from: number, to: number): void {
  for (let a = from, z = to - 1; a < z; a++, z--) {
    const t = order[a];
    order[a] = order[z];
    order[z] = t;
  }
}

/** merges the sorted runs order[a..m) and order[m..e) */
function merge(a: number, m: number, e: number): void {
  for (let k = a; k < m; k++) tmp[k] = order[k];
  let i = a, j = m, w = a;
  while (i < m && j < e) order[w++] = lo[order[j]] < lo[tmp[i]] ? order[j++] : tmp[i++];
  while (i < m) order[w++] = tmp[i++];
}

/**
 * Sorts the first n entries of `order` by `lo`. The edges of a drawn ring rise along one side and
 * fall along the other, so they come in a few long runs: falling runs are turned round, then
 * neighbouring runs merged (an insertion sort spent half the test moving the falling side).
 */
function sortByLo(n: number): void {
  let runs = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    if (j < n && lo[order[j]] < lo[order[i]]) {
      while (j < n && lo[order[j]] < lo[order[j - 1]]) j++;
      reverse(i, j);
    } else {
      while (j < n && lo[order[j]] >= lo[order[j - 1]]) j++;
    }
    bounds[runs++] = i;
    i = j;
  }
  bounds[runs] = n;
  while (runs > 1) {
    let w = 0;
    for (let r = 0; r < runs; r += 2) {
      if (r + 1 < runs) merge(bounds[r], bounds[r + 1], bounds[r + 2]);
      bounds[w++] = bounds[r];
    }
    bounds[w] = n;
    runs = w;
  }
}

/** fills lo/hi/order for the n edges of the ring at `from`, along x (axis 0) or y (axis 1) */
function intervals(xy: Float64Array, from: number, n: number, axis: number): void {
  if (lo.length < n) {
    lo = new Float64Array(2 * n);
    hi = new Float64Array(2 * n);
    order = new Int32Array(2 * n);
    tmp = new Int32Array(2 * n);
    bounds = new Int32Array(2 * n + 1);
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
