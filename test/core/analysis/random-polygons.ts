/** Seeded random polygons for the property tests of the polygon overlap code (polyarea, overlayrings). */
import type { Position } from '../../../src/core/types';

/** seeded so a failure can be replayed */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

/** a random simple polygon: a star around a centre, in RD-sized numbers; `eitherWay` also draws it clockwise half the time */
export function star(rand: () => number, cx: number, cy: number, eitherWay = false): Position[][] {
  const n = 5 + Math.floor(rand() * 20);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n, r = 10 + rand() * 60;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  if (!eitherWay) return [ring];
  return [rand() < 0.5 ? ring : ring.reverse()];
}
