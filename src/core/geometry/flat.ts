/**
 * Geometry flattened into typed arrays: vertices in one Float64Array, part boundaries in an
 * Int32Array, its bbox, and for polygons which rings are shells. The analysis works on this form
 * only. A parsed geometry keeps nothing else: its `points`, `lines` or `polygons` lists are built
 * from the flat form the first time someone reads them. Keeping ~900,000 small `[x, y]` arrays
 * alive for 100,000 works made every young-generation collection copy them; parsing into the
 * flat form and dropping the lists was faster than parsing alone while keeping them (measured).
 */
import type { Position, RdGeometry } from '../types';
import type { Shape } from './shape';

/** 0 point, 1 line, 2 polygon */
export type KindCode = 0 | 1 | 2;

/** A geometry ready for fast distance work. Read-only: small arrays may be shared between geometries. */
export interface PreparedGeometry {
  kind: KindCode;
  /** x0, y0, x1, y1, ... of every vertex of every part */
  xy: Float64Array;
  /** vertex index where each part (point, line or ring) starts, plus one end entry */
  parts: Int32Array;
  /** per ring of a polygon geometry: 1 for a shell (which starts a polygon), 0 for a hole; null otherwise */
  shells: Uint8Array | null;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

// a new typed array of a few dozen numbers costs ~1 µs (its own buffer); a view on a shared block
// about half, measured over 100k works. A block stays alive while any geometry in it does.
const BLOCK = 1 << 16;

type Typed = Float64Array | Int32Array | Uint8Array;

/** views of n numbers on shared blocks of one typed-array kind; a big request gets its own array */
function pool<T extends Typed>(make: (n: number) => T): (n: number) => T {
  let block = make(0), used = 0;
  return (n) => {
    if (n > BLOCK / 8) return make(n);
    if (used + n > block.length) {
      block = make(BLOCK);
      used = 0;
    }
    used += n;
    return block.subarray(used - n, used) as T;
  };
}

const doubles = pool((n) => new Float64Array(n));
const ints = pool((n) => new Int32Array(n));
const bytes = pool((n) => new Uint8Array(n));

const KIND: Record<Shape['kind'], KindCode> = { point: 0, line: 1, poly: 2 };

/**
 * Flattens a shape (or an RD geometry) into typed arrays.
 *
 * @example
 * flatten({ kind: 'line', lines: [[[0, 0], [10, 0]]] }).parts; // Int32Array [0, 2]
 */
export function flatten(g: Shape): PreparedGeometry {
  // parts and vertices counted first, so nothing but the typed arrays is allocated
  const parts = g.kind === 'point' ? null : g.kind === 'line' ? g.lines : g.polygons.length === 1 ? g.polygons[0] : g.polygons.flat();
  let n = g.kind === 'point' ? g.points.length : 0;
  if (parts) for (const part of parts) n += part.length;
  const nParts = parts ? parts.length : n;
  const out: PreparedGeometry = {
    kind: KIND[g.kind], xy: doubles(2 * n), parts: g.kind === 'point' && n === 1 ? ONE_POINT : ints(nParts + 1),
    shells: g.kind === 'poly' ? shellsOf(g.polygons, nParts) : null,
    minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity,
  };
  let v = 0;
  // points are parts of one vertex
  const points = g.kind === 'point' ? g.points : [];
  const shared = out.parts === ONE_POINT;
  for (let i = 0; i < nParts; i++) {
    if (!shared) out.parts[i] = v;
    v = parts ? putAll(out, v, parts[i]) : put(out, v, points[i]);
  }
  if (!shared) out.parts[nParts] = v;
  return out;
}

// most polygons are one ring and most points one vertex: those share their small arrays
const ONE_SHELL = Uint8Array.of(1);
const ONE_POINT = Int32Array.of(0, 1);

// most lines and polygons are one part of a few dozen vertices: their [0, n] is shared too, which
// spares a typed array per work that every young-generation collection would copy
const ONE_PART: Int32Array[] = [];

/** the parts of a geometry of one part of n vertices, shared for small n */
function onePart(n: number): Int32Array {
  if (n >= 1024) return Int32Array.of(0, n);
  return (ONE_PART[n] ??= Int32Array.of(0, n));
}

function shellsOf(polygons: Position[][][], rings: number): Uint8Array {
  if (rings === 1) return ONE_SHELL;
  const out = bytes(rings);
  let r = 0;
  for (const p of polygons) {
    out[r] = 1;
    for (let k = 1; k < p.length; k++) out[r + k] = 0;
    r += p.length;
  }
  return out;
}

/** writes one vertex at index v and grows the bbox; returns the next index */
function put(out: PreparedGeometry, v: number, p: Position): number {
  const x = p[0], y = p[1];
  out.xy[2 * v] = x;
  out.xy[2 * v + 1] = y;
  if (x < out.minX) out.minX = x;
  if (x > out.maxX) out.maxX = x;
  if (y < out.minY) out.minY = y;
  if (y > out.maxY) out.maxY = y;
  return v + 1;
}

function putAll(out: PreparedGeometry, v: number, ps: Position[]): number {
  for (let i = 0; i < ps.length; i++) v = put(out, v, ps[i]);
  return v;
}

/**
 * The flat form of what a `FlatBuilder` holds: the same arrays `flatten` makes of the equal shape,
 * copied from the builder's scratch at their exact size. Points are parts of one vertex each.
 *
 * @example
 * fromBuilt(1, Float64Array.of(0, 0, 10, 0), 2, Int32Array.of(0), Uint8Array.of(0), 1).parts; // Int32Array [0, 2]
 */
export function fromBuilt(kind: KindCode, xy: Float64Array, n: number, starts: Int32Array, shellFlags: Uint8Array, nParts: number): PreparedGeometry {
  const out: PreparedGeometry = {
    kind, xy: doubles(2 * n), parts: kind === 0 && n === 1 ? ONE_POINT : kind !== 0 && nParts === 1 ? onePart(n) : ints(nParts + 1),
    shells: kind === 2 ? (nParts === 1 ? ONE_SHELL : bytes(nParts)) : null,
    minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity,
  };
  const to = out.xy;
  // copied and measured in one pass; the bbox grows in vertex order with the comparisons of `put`,
  // so it is the same to the bit
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < 2 * n; i += 2) {
    const x = xy[i], y = xy[i + 1];
    to[i] = x;
    to[i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  out.minX = minX;
  out.minY = minY;
  out.maxX = maxX;
  out.maxY = maxY;
  if (out.parts !== ONE_POINT && !(kind !== 0 && nParts === 1)) {
    for (let k = 0; k < nParts; k++) out.parts[k] = starts[k];
    out.parts[nParts] = n;
  }
  const shells = out.shells;
  if (shells && shells !== ONE_SHELL) for (let k = 0; k < nParts; k++) shells[k] = shellFlags[k];
  return out;
}

/** the positions of part k */
function part(f: PreparedGeometry, k: number): Position[] {
  const out: Position[] = [];
  for (let v = f.parts[k]; v < f.parts[k + 1]; v++) out.push([f.xy[2 * v], f.xy[2 * v + 1]]);
  return out;
}

/** the lists a flat geometry stands for: points, lines, or polygons of rings */
function lists(f: PreparedGeometry): Position[] | Position[][] | Position[][][] {
  const n = f.parts.length - 1;
  if (f.kind === 0) return Array.from({ length: n }, (_, k) => part(f, k)[0]);
  if (f.kind === 1) return Array.from({ length: n }, (_, k) => part(f, k));
  const polygons: Position[][][] = [];
  for (let k = 0; k < n; k++) {
    if (!f.shells || f.shells[k] === 1 || polygons.length === 0) polygons.push([]);
    polygons[polygons.length - 1].push(part(f, k));
  }
  return polygons;
}

type Field = 'points' | 'lines' | 'polygons';
const FIELD: Record<KindCode, Field> = { 0: 'points', 1: 'lines', 2: 'polygons' };
const KIND_NAME: Record<KindCode, RdGeometry['kind']> = { 0: 'point', 1: 'line', 2: 'poly' };

function settle(g: object, field: Field, value: unknown): void {
  Object.defineProperty(g, field, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The object behind a parsed geometry: `crs` and `kind` as fields, the flat form in a private
 * field (invisible to keys, spread, JSON and deep equality), the lists as an own enumerable
 * accessor that builds them once. One private field and one shared descriptor per work: about a
 * third of the cost of two defineProperty calls (measured).
 */
class FlatBacked {
  readonly crs = 'rd';
  readonly kind: RdGeometry['kind'];
  #flat: PreparedGeometry | undefined;

  constructor(flat: PreparedGeometry) {
    this.kind = KIND_NAME[flat.kind];
    this.#flat = flat;
    Object.defineProperty(this, FIELD[flat.kind], LAZY[FIELD[flat.kind]]);
  }

  static flatOf(g: object): PreparedGeometry | undefined {
    return #flat in g ? (g as FlatBacked).#flat : undefined;
  }

  // one getter/setter pair per field, shared by every geometry (no closure per work)
  static lazyField(field: Field): PropertyDescriptor {
    return {
      enumerable: true,
      configurable: true,
      get(this: FlatBacked) {
        const value = lists(this.#flat as PreparedGeometry);
        settle(this, field, value);
        return value;
      },
      set(this: FlatBacked, value: unknown) {
        // new lists: the flat form no longer describes them
        this.#flat = undefined;
        settle(this, field, value);
      },
    };
  }
}
const LAZY: Record<Field, PropertyDescriptor> = {
  points: FlatBacked.lazyField('points'), lines: FlatBacked.lazyField('lines'), polygons: FlatBacked.lazyField('polygons'),
};

/**
 * An RD geometry backed by a flat one: `points`/`lines`/`polygons` are an ordinary enumerable
 * property that is built on first read (spread, JSON and deep equality see it as usual). Treat
 * the positions as read-only: the analysis keeps using the flat form.
 *
 * @example
 * const g = lazyGeometry(flatten({ kind: 'line', lines: [[[0, 0], [10, 0]]] }));
 * g.kind === 'line' && g.lines; // [[[0, 0], [10, 0]]]
 */
export function lazyGeometry(flat: PreparedGeometry): RdGeometry {
  return new FlatBacked(flat) as unknown as RdGeometry;
}

/**
 * The flat form behind a geometry made by `lazyGeometry`, or undefined for any other geometry.
 *
 * @example
 * flatOf(lazyGeometry(flat)) === flat; // true
 */
export function flatOf(g: RdGeometry): PreparedGeometry | undefined {
  return FlatBacked.flatOf(g);
}
