/**
 * One candidate pair against the overlap rules of regels.md: the measure, its unit and the shared part.
 */
import type { Eenheid, Position, RdGeometry, Regels } from '../types';
import { areaOverlap, type AreaShape } from './areaoverlap';
import { lengthWithin } from './lengthwithin';
import type { PreparedGeometry } from './prepared';

/** A work as the pair loop sees it. */
export interface Item {
  id: string;
  categorie: string;
  geometry: RdGeometry;
  g: PreparedGeometry;
  /** this work's own distance: buffer_m, or afstand_m */
  d: number;
  start: number;
  eind: number;
  /** eind + max_tussentijd_maanden, calendar-wise */
  eindPlus: number;
  area: AreaShape | null;
}

/** What a qualifying pair shares. */
export interface PairMeasure {
  overlap: number;
  eenheid: Eenheid;
  shared: RdGeometry;
}

const asLines = (lines: Position[][]): RdGeometry => ({ crs: 'rd', kind: 'line', lines });

/** line – line: the larger of the two covered lengths; shared part = A ∩ buf(B) */
function lineLine(a: Item, b: Item, d: number, min: number): PairMeasure | null {
  // the shared part is collected on the way: one pass less for a qualifying pair
  const pieces: Position[][] = [];
  const la = lengthWithin(a.g, b.g, d, pieces);
  const lb = lengthWithin(b.g, a.g, d);
  const overlap = Math.max(la, lb);
  if (overlap < min) return null;
  if (pieces.length === 0) lengthWithin(b.g, a.g, d, pieces);
  return { overlap, eenheid: 'm', shared: asLines(pieces) };
}

/** line – polygon: the line's length within d of the polygon, which is also the shared part */
function linePoly(line: Item, poly: Item, d: number, min: number): PairMeasure | null {
  const pieces: Position[][] = [];
  const overlap = lengthWithin(line.g, poly.g, d, pieces);
  if (overlap < min) return null;
  return { overlap, eenheid: 'm', shared: asLines(pieces) };
}

/**
 * The measure of a pair already known to be within d and near in time, or null when it does not
 * share enough. A is the work with the smaller id.
 *
 * @example
 * measurePair(a, b, 10, DEFAULT_REGELS); // { overlap: 42.1, eenheid: 'm', shared: {...} } or null
 */
export function measurePair(a: Item, b: Item, d: number, regels: Regels): PairMeasure | null {
  if (a.g.kind === 0 || b.g.kind === 0) return { overlap: 0, eenheid: 'punt', shared: a.g.kind === 0 ? a.geometry : b.geometry };
  if (a.g.kind === 1 && b.g.kind === 1) return lineLine(a, b, d, regels.minOverlapM);
  if (a.g.kind === 1) return linePoly(a, b, d, regels.minOverlapM);
  if (b.g.kind === 1) return linePoly(b, a, d, regels.minOverlapM);
  const r = areaOverlap(a.area as AreaShape, b.area as AreaShape, d, regels.minOverlapM2);
  return r && { overlap: r.overlap, eenheid: 'm2', shared: { crs: 'rd', kind: 'poly', polygons: r.shared } };
}
