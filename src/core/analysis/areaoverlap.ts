/**
 * Polygon – polygon overlap: area(A ∩ buf(B)) with jsts, buffers drawn as PostGIS draws them
 * (8 segments per quarter circle). Cheap bounds first, since clipping costs about a millisecond.
 */
import type { Position } from '../types';
import { bufferPostgis, fromJstsPolygons, toJstsPolygon, type JstsGeometry } from '../geometry/jsts';

/** A polygon work with what the overlap needs, built lazily and kept for the whole run. */
export class AreaShape {
  readonly area: number;
  readonly perimeter: number;
  private geom: JstsGeometry | null = null;
  private buffers = new Map<number, JstsGeometry>();

  constructor(readonly polygons: Position[][][], area: number) {
    this.area = area;
    let p = 0;
    for (const rings of polygons) {
      for (const r of rings) for (let i = 0; i + 1 < r.length; i++) p += Math.hypot(r[i + 1][0] - r[i][0], r[i + 1][1] - r[i][1]);
    }
    this.perimeter = p;
  }

  jsts(): JstsGeometry {
    this.geom ??= toJstsPolygon(this.polygons);
    return this.geom;
  }

  buffered(d: number): JstsGeometry {
    let b = this.buffers.get(d);
    if (!b) {
      b = bufferPostgis(this.jsts(), d);
      this.buffers.set(d, b);
    }
    return b;
  }

  /** the most area(X ∩ buf(this)) can be, for any X: the buffer grows by at most perimeter·d + πd² */
  bufferedAreaBound(d: number): number {
    return this.area + this.perimeter * d + Math.PI * d * d;
  }
}

/** The overlap of two polygon works, with A ∩ buf(B) as the shared part. */
export interface AreaOverlap {
  overlap: number;
  shared: Position[][][];
}

/**
 * max(area(A ∩ buf(B)), area(B ∩ buf(A))), or null when it cannot reach `min` (bounds first).
 *
 * @example
 * areaOverlap(new AreaShape(a, areaA), new AreaShape(b, areaB), 10, 100); // { overlap: 412.5, shared: [...] } or null
 */
export function areaOverlap(a: AreaShape, b: AreaShape, d: number, min: number): AreaOverlap | null {
  const boundAB = Math.min(a.area, b.bufferedAreaBound(d));
  const boundBA = Math.min(b.area, a.bufferedAreaBound(d));
  if (Math.max(boundAB, boundBA) < min) return null;
  const ab = a.jsts().intersection(b.buffered(d));
  const areaAB = ab.getArea();
  // the other direction can only matter when its bound beats what we have
  const areaBA = boundBA > areaAB ? b.jsts().intersection(a.buffered(d)).getArea() : 0;
  const overlap = Math.max(areaAB, areaBA);
  if (overlap < min) return null;
  return { overlap, shared: fromJstsPolygons(ab) };
}
