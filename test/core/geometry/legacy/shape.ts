// frozen copy of src/core/geometry/shape.ts at 0741005, before the flat parser: the reference the differential test compares with
/**
 * A geometry read from text, before its CRS is known: the same parts as `Geometry` without the tag.
 */
import type { Position } from '../../../../src/core/types';

/**
 * The parts of one geometry of one kind, CRS not yet decided.
 *
 * @example
 * const s: Shape = { kind: 'line', lines: [[[0, 0], [10, 0]]] };
 */
export type Shape =
  | { kind: 'point'; points: Position[] }
  | { kind: 'line'; lines: Position[][] }
  | { kind: 'poly'; polygons: Position[][][] };

/** What a text reader hands on: the shape, the SRID when the text named one, and whether Z/M were dropped. */
export interface ReadShape {
  shape: Shape;
  srid?: number;
  droppedOrdinates: boolean;
}

/** A reader's answer: a shape, or a Dutch `melding` saying what to fix. */
export type ReadResult = { ok: true; value: ReadShape } | { ok: false; melding: string };

/**
 * Every position of a shape, in order (points, line vertices, ring vertices).
 *
 * @example
 * allPositions({ kind: 'point', points: [[1, 2]] }); // [[1, 2]]
 */
export function allPositions(shape: Shape): Position[] {
  if (shape.kind === 'point') return shape.points;
  if (shape.kind === 'line') return shape.lines.flat();
  return shape.polygons.flat(2);
}

/**
 * Calls `fn` with every position's x and y, without building lists.
 *
 * @example
 * forEachPosition({ kind: 'point', points: [[1, 2]] }, (x, y) => console.log(x, y)); // 1 2
 */
export function forEachPosition(shape: Shape, fn: (x: number, y: number) => void): void {
  forEachPart(shape, (part) => {
    for (let i = 0; i < part.length; i++) fn(part[i][0], part[i][1]);
  });
}

/**
 * Calls `fn` with every list of positions of a shape: the points, each line, each ring.
 *
 * @example
 * forEachPart({ kind: 'line', lines: [[[0, 0], [1, 1]]] }, (part) => console.log(part.length)); // 2
 */
export function forEachPart(shape: Shape, fn: (part: Position[]) => void): void {
  if (shape.kind === 'point') fn(shape.points);
  else if (shape.kind === 'line') for (let i = 0; i < shape.lines.length; i++) fn(shape.lines[i]);
  else for (let i = 0; i < shape.polygons.length; i++) for (let k = 0; k < shape.polygons[i].length; k++) fn(shape.polygons[i][k]);
}

/**
 * A new shape with every position mapped through `fn`.
 *
 * @example
 * mapPositions({ kind: 'point', points: [[1, 2]] }, ([x, y]) => [y, x]); // points [[2, 1]]
 */
export function mapPositions(shape: Shape, fn: (p: Position) => Position): Shape {
  if (shape.kind === 'point') return { kind: 'point', points: shape.points.map(fn) };
  if (shape.kind === 'line') return { kind: 'line', lines: shape.lines.map((l) => l.map(fn)) };
  return { kind: 'poly', polygons: shape.polygons.map((p) => p.map((r) => r.map(fn))) };
}

/** Nested coordinate arrays as in GeoJSON (and as the WKT reader builds them). */
export type Nested = number[] | Nested[];

const KINDS: Record<string, { kind: Shape['kind']; depth: number; multi: boolean }> = {
  point: { kind: 'point', depth: 1, multi: false },
  multipoint: { kind: 'point', depth: 2, multi: true },
  linestring: { kind: 'line', depth: 2, multi: false },
  multilinestring: { kind: 'line', depth: 3, multi: true },
  polygon: { kind: 'poly', depth: 3, multi: false },
  multipolygon: { kind: 'poly', depth: 4, multi: true },
};

/** True for the six geometry type names the rules know (lower case). */
export function isKnownType(type: string): boolean {
  // own keys only: 'constructor' or 'tostring' are no geometry types
  return Object.prototype.hasOwnProperty.call(KINDS, type);
}

/** checks the nesting depth and drops ordinates beyond x and y */
function toPositions(n: Nested, depth: number, dropped: { any: boolean }): unknown {
  if (!Array.isArray(n)) throw new Error('De haakjes kloppen niet bij het geometrietype.');
  if (depth === 1) {
    if (n.length < 2 || typeof n[0] !== 'number') throw new Error('Een coördinaat heeft minder dan twee getallen.');
    if (n.length === 2) return n; // already a position: no copy
    dropped.any = true;
    return [n[0], n[1]];
  }
  if (n.length > 0 && typeof n[0] === 'number') throw new Error('De haakjes kloppen niet bij het geometrietype.');
  // the list is kept (JSON.parse made it ours) unless a position in it had to be shortened
  let out: unknown[] | null = null;
  for (let i = 0; i < n.length; i++) {
    const c = toPositions(n[i] as Nested, depth - 1, dropped);
    if (c !== n[i]) (out ??= n.slice(0, i))[i] = c;
    else if (out) out[i] = c;
  }
  return out ?? n;
}

/**
 * Turns a type name and GeoJSON-style nested coordinates into a shape; throws a Dutch message on
 * a nesting that does not fit the type. An empty geometry becomes a shape without parts.
 *
 * @example
 * shapeFromNested('linestring', [[0, 0], [1, 1, 5]]).shape; // { kind: 'line', lines: [[[0, 0], [1, 1]]] }
 */
export function shapeFromNested(type: string, coords: Nested): { shape: Shape; dropped: boolean } {
  const info = KINDS[type];
  if (!info) throw new Error(`Onbekend geometrietype '${type}'.`);
  const dropped = { any: false };
  // an empty single geometry has no parts at all
  const empty = Array.isArray(coords) && coords.length === 0;
  const parts = empty ? [] : (toPositions(coords, info.depth, dropped) as unknown[]);
  const list = info.multi || empty ? parts : [parts];
  if (info.kind === 'point') return { shape: { kind: 'point', points: list as Position[] }, dropped: dropped.any };
  if (info.kind === 'line') return { shape: { kind: 'line', lines: list as Position[][] }, dropped: dropped.any };
  return { shape: { kind: 'poly', polygons: list as Position[][][] }, dropped: dropped.any };
}
