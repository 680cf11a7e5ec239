/**
 * Polygon checks at the input edge: close open rings, refuse too-short rings, and repair a
 * self-intersecting polygon only when the repair is unambiguous.
 */
import type { Position } from '../types';
import { fromJstsPolygons, toJstsPolygon } from './jsts';
import { polygonsArea, ringArea, segmentsIntersect } from './planar';

/** A checked polygon set, or a Dutch `melding` saying what to fix. */
export type PolygonCheck = { ok: true; polygons: Position[][][]; warnings: string[] } | { ok: false; melding: string };

const closed = (r: Position[]): boolean => r.length > 0 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];

/** true when no two non-adjacent edges of the closed ring share a point: a sweep over edges sorted by minX */
function ringIsSimple(r: Position[]): boolean {
  const n = r.length - 1;
  const left = new Float64Array(n);
  for (let i = 0; i < n; i++) left[i] = Math.min(r[i][0], r[i + 1][0]);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => left[a] - left[b]);
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi];
    const [ax, ay] = r[i], [bx, by] = r[i + 1];
    const maxX = Math.max(ax, bx), minY = Math.min(ay, by), maxY = Math.max(ay, by);
    // only edges starting (in x) before this one ends can touch it
    for (let oj = oi + 1; oj < n; oj++) {
      const j = order[oj];
      const [cx, cy] = r[j], [dx, dy] = r[j + 1];
      if (Math.min(cx, dx) > maxX) break;
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === n - 1) continue; // neighbours share a vertex by construction
      if (Math.max(cy, dy) < minY || Math.min(cy, dy) > maxY) continue;
      if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) return false;
    }
  }
  return true;
}

/** one simple shell without holes is valid; anything else asks jsts (slower, rarer) */
function isValid(polygons: Position[][][]): boolean {
  if (polygons.length === 1 && polygons[0].length === 1) return ringIsSimple(polygons[0][0]);
  return toJstsPolygon(polygons).isValid();
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
    const r = raw.filter((p, i) => i === 0 || p[0] !== raw[i - 1][0] || p[1] !== raw[i - 1][1]);
    if (closed(r)) return r;
    if (!warnings.length) warnings.push('Een ring van het vlak was niet gesloten; het eerste punt is achteraan herhaald.');
    return r.length > 0 ? [...r, r[0]] : r;
  }));
  for (const rings of polygons) {
    if (rings.length === 0) return { ok: false, melding: 'Een vlak heeft geen ring. Geef minstens één ring van vier of meer punten.' };
    for (const r of rings) {
      if (r.length < 4) return { ok: false, melding: `Een ring van het vlak heeft ${r.length} punten; er zijn er minstens 4 nodig (het laatste gelijk aan het eerste).` };
      if (ringArea(r) === 0 && ringIsSimple(r)) return { ok: false, melding: 'Een ring van het vlak heeft geen oppervlakte (alle punten op één lijn). Teken een echt vlak of gebruik een LINESTRING.' };
    }
  }
  if (isValid(polygons)) return { ok: true, polygons, warnings };
  const fixed = repair(polygons);
  return fixed.ok ? { ok: true, polygons: fixed.polygons, warnings: [...warnings, ...fixed.warnings] } : fixed;
}
