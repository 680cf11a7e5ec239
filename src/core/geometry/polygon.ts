/**
 * Polygon checks at the input edge: close open rings, refuse too-short rings, and repair a
 * self-intersecting polygon only when the repair is unambiguous.
 */
import type { Position } from '../types';
import { fromJstsPolygons, toJstsPolygon } from './jsts';
import { polygonsArea, ringArea, segmentsIntersect } from './planar';
import { isSimpleRing } from './simple';

/** A checked polygon set, or a Dutch `melding` saying what to fix. */
export type PolygonCheck = { ok: true; polygons: Position[][][]; warnings: string[] } | { ok: false; melding: string };

const closed = (r: Position[]): boolean => r.length > 0 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];

// the ring's vertices as flat numbers, reused between calls: no allocation per polygon
let flat = new Float64Array(256);

/** true when no two non-adjacent edges of the closed ring share a point */
function ringIsSimple(r: Position[]): boolean {
  if (flat.length < 2 * r.length) flat = new Float64Array(4 * r.length);
  for (let i = 0; i < r.length; i++) {
    flat[2 * i] = r[i][0];
    flat[2 * i + 1] = r[i][1];
  }
  return isSimpleRing(flat, 0, r.length);
}

/** crossing-number test of a point against a closed ring */
function inRing(p: Position, r: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length - 1; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const bboxOf = (r: Position[]): number[] => {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of r) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
};

/** true when some edge of ring a shares a point with some edge of ring b */
function ringsTouch(a: Position[], b: Position[]): boolean {
  const [aMinX, aMinY, aMaxX, aMaxY] = bboxOf(a), [bMinX, bMinY, bMaxX, bMaxY] = bboxOf(b);
  if (aMaxX < bMinX || bMaxX < aMinX || aMaxY < bMinY || bMaxY < aMinY) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if (segmentsIntersect(a[i][0], a[i][1], a[i + 1][0], a[i + 1][1], b[j][0], b[j][1], b[j + 1][0], b[j + 1][1])) return true;
    }
  }
  return false;
}

/**
 * Valid for sure without jsts: every ring simple, no two rings touching, each hole inside its own
 * shell and outside the other holes, no shell inside another. Anything else is for jsts to judge.
 */
function plainlyValid(polygons: Position[][][]): boolean {
  const rings = polygons.flat();
  if (!rings.every(ringIsSimple)) return false;
  for (let a = 0; a < rings.length; a++) for (let b = a + 1; b < rings.length; b++) if (ringsTouch(rings[a], rings[b])) return false;
  // rings that do not touch are wholly inside or outside each other, so one vertex decides
  return polygons.every(([shell, ...holes], p) => holes.every((h, k) => inRing(h[0], shell) && holes.every((o, m) => m === k || !inRing(h[0], o)))
    && polygons.every((other, q) => q === p || !inRing(shell[0], other[0])));
}

/** one simple shell without holes is valid; holes and parts that plainly keep apart too; the rest asks jsts (~1 ms) */
function isValid(polygons: Position[][][]): boolean {
  if (polygons.length === 1 && polygons[0].length === 1) return ringIsSimple(polygons[0][0]);
  return plainlyValid(polygons) || toJstsPolygon(polygons).isValid();
}

/** a ring without repeated consecutive points (the usual case) is kept as it is: no copy */
function hasRepeats(r: Position[]): boolean {
  for (let i = 1; i < r.length; i++) if (r[i][0] === r[i - 1][0] && r[i][1] === r[i - 1][1]) return true;
  return false;
}

/** '1 punt', '3 punten': the melding for a ring that is too short */
function tooFewPoints(n: number): string {
  return `Een ring van het vlak heeft ${n} ${n === 1 ? 'punt' : 'punten'}; er zijn er minstens 4 nodig (het laatste gelijk aan het eerste). Voeg punten toe, of gebruik LINESTRING of POINT.`;
}

/** buffer(0) repair, accepted only when it keeps the area the planner drew */
function repair(polygons: Position[][][]): PolygonCheck {
  const before = Math.abs(polygonsArea(polygons));
  const fixed = toJstsPolygon(polygons).buffer(0);
  const after = fixed.getArea();
  if (before > 0 && Math.abs(after - before) <= 0.001 * before) {
    return { ok: true, polygons: fromJstsPolygons(fixed), warnings: ['Het vlak snijdt zichzelf; het is hersteld zonder de oppervlakte te veranderen. Controleer de vorm.'] };
  }
  return {
    ok: false,
    melding: 'Het vlak snijdt zichzelf (bijvoorbeeld een strik of 8-vorm) en is niet eenduidig te herstellen. Teken de rand zonder kruisingen.',
  };
}

/**
 * Closes open rings (with a warning), refuses rings of fewer than 4 points or without area, and
 * repairs self-intersection when unambiguous.
 *
 * @example
 * checkPolygons([[[[0, 0], [10, 0], [10, 10]]]]);
 * // { ok: true, polygons: [[[[0, 0], [10, 0], [10, 10], [0, 0]]]], warnings: ['Een ring van het vlak was niet gesloten; ...'] }
 */
export function checkPolygons(input: Position[][][]): PolygonCheck {
  const warnings: string[] = [];
  const polygons = input.map((rings) => rings.map((raw) => {
    // repeated consecutive points do not change the shape; dropping them keeps the simplicity test plain
    const r = hasRepeats(raw) ? raw.filter((p, i) => i === 0 || p[0] !== raw[i - 1][0] || p[1] !== raw[i - 1][1]) : raw;
    if (closed(r)) return r;
    if (!warnings.length) warnings.push('Een ring van het vlak was niet gesloten; het eerste punt is achteraan herhaald. Zet in de cel het eerste punt ook achteraan om deze melding weg te nemen.');
    return r.length > 0 ? [...r, r[0]] : r;
  }));
  for (const rings of polygons) {
    if (rings.length === 0) return { ok: false, melding: 'Een vlak heeft geen ring. Geef minstens één ring van vier of meer punten.' };
    for (const r of rings) {
      if (r.length < 4) return { ok: false, melding: tooFewPoints(r.length) };
      if (ringArea(r) === 0 && ringIsSimple(r)) return { ok: false, melding: 'Een ring van het vlak heeft geen oppervlakte (alle punten op één lijn). Teken een echt vlak of gebruik een LINESTRING.' };
    }
  }
  if (isValid(polygons)) return { ok: true, polygons, warnings };
  const fixed = repair(polygons);
  return fixed.ok ? { ok: true, polygons: fixed.polygons, warnings: [...warnings, ...fixed.warnings] } : fixed;
}
