/**
 * Draws the add-in icons (a map pin above two overlapping street works) into assets/icons/.
 * Run: npx tsx scripts/make-icons.ts. The PNGs are committed; rerun only when the design changes.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

/** A shape as a signed distance in unit coordinates: negative inside. */
interface Shape {
  colour: Rgb;
  distance(x: number, y: number): number;
}

const OFFICE_BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WARMTE_ORANGE: Rgb = [0xca, 0x50, 0x10];
const GROEN: Rgb = [0x10, 0x7c, 0x10];

export const ICON_SIZES = [16, 32, 64, 80] as const;

function segment(ax: number, ay: number, bx: number, by: number, halfWidth: number, colour: Rgb): Shape {
  return {
    colour,
    distance(x, y) {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - halfWidth;
    },
  };
}

/** a pin: a ring on top of a point, built from a circle and a triangle, with a hole */
function pin(cx: number, cy: number, r: number, tipY: number, colour: Rgb): Shape {
  return {
    colour,
    distance(x, y) {
      const circle = Math.hypot(x - cx, y - cy) - r;
      // the triangle's sides are tangent-ish lines from the tip to the circle's sides
      const halfSpan = (r * (tipY - y)) / (tipY - cy);
      const triangle = y > cy && y <= tipY ? Math.abs(x - cx) - halfSpan : 1;
      const hole = r * 0.42 - Math.hypot(x - cx, y - cy);
      return Math.max(Math.min(circle, triangle), hole);
    },
  };
}

const SHAPES: Shape[] = [
  segment(0.1, 0.8, 0.6, 0.8, 0.055, WARMTE_ORANGE),
  segment(0.4, 0.92, 0.9, 0.92, 0.055, GROEN),
  pin(0.5, 0.33, 0.25, 0.74, OFFICE_BLUE),
];

/** colour and coverage of one pixel, sampled on a 4x4 grid so edges are anti-aliased */
function shade(px: number, py: number, size: number): [number, number, number, number] {
  const samples = 4;
  const sum = [0, 0, 0];
  let covered = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      // the last shape drawn wins, as on paper
      const hit = [...SHAPES].reverse().find((shape) => shape.distance(x, y) <= 0);
      if (!hit) continue;
      covered++;
      hit.colour.forEach((c, i) => (sum[i] += c));
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, (255 * covered) / samples ** 2];
}

/** Renders the icon at `size` x `size` pixels as PNG bytes. */
export function renderIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const offset = (y * size + x) * 4;
      shade(x, y, size).forEach((v, i) => (png.data[offset + i] = Math.round(v)));
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(dir, `icon-${size}.png`), renderIcon(size));
  }
  console.log(`wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${dir}`);
}
