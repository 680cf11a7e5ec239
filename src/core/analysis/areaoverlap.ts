/**
 * Polygon – polygon overlap: area(A ∩ buf(B)) with jsts, buffers drawn as PostGIS draws them
 * (8 segments per quarter circle). Cheap bounds first, since clipping costs about a millisecond.
 */
import type { Position } from '../types';
import { bufferPostgis, fromJstsPolygons, jstsPolygonOf, type JstsGeometry } from '../geometry/jsts';
import { intersectionRings } from './overlayrings';
import { intersectionArea, shellsOf } from './polyarea';
import { prepare, type PreparedGeometry } from './prepared';
import { len } from '../geometry/planar';

/** a buffer as jsts drew it, flattened for the fast area */
interface Buffered {
  d: number;
  g: PreparedGeometry;
}

/** A polygon work with what the overlap needs, built lazily and kept for the whole run. */
export class AreaShape {
  readonly area: number;
  readonly perimeter: number;
  // one buffer kept (nearly every pair uses the same d); jsts objects are not kept: holding them for
  // the whole run made every young-generation collection copy them, and only the rare ambiguous
  // pair needs them again
  private buffer: Buffered | null = null;

  /** `g` is a flattened polygon geometry (its `shells` set) */
  constructor(readonly g: PreparedGeometry) {
    const shells = shellsOf(g);
    // shells count positive, holes negative; the perimeter takes every ring
    let area = 0, perimeter = 0;
    const xy = g.xy;
    for (let r = 0; r + 1 < g.parts.length; r++) {
      let s = 0;
      for (let i = g.parts[r]; i + 1 < g.parts[r + 1]; i++) {
        s += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
        perimeter += len(xy[2 * i + 2] - xy[2 * i], xy[2 * i + 3] - xy[2 * i + 1]);
      }
      area += (shells[r] === 1 ? 1 : -1) * Math.abs(s / 2);
    }
    this.area = area;
    this.perimeter = perimeter;
  }

  jsts(): JstsGeometry {
    return jstsPolygonOf(this.g);
  }

  /** buf(this) as jsts draws it: for the rare pair the fast clipping cannot decide */
  jstsBuffer(d: number): JstsGeometry {
    return bufferPostgis(this.jsts(), d);
  }

  buffered(d: number): Buffered {
    if (this.buffer?.d !== d) {
      const polygons = fromJstsPolygons(this.jstsBuffer(d));
      this.buffer = { d, g: prepare({ crs: 'rd', kind: 'poly', polygons }) };
    }
    return this.buffer;
  }

  /** area(this ∩ buf(other)): the fast edge-clipping sum, or a jsts overlay when that is ambiguous */
  areaWithin(other: AreaShape, d: number): number {
    const buf = other.buffered(d);
    return intersectionArea(this.g, buf.g) ?? this.jsts().intersection(other.jstsBuffer(d)).getArea();
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
  const areaAB = a.areaWithin(b, d);
  // the other direction can only matter when its bound beats what we have
  const areaBA = boundBA > areaAB ? b.areaWithin(a, d) : 0;
  const overlap = Math.max(areaAB, areaBA);
  if (overlap < min) return null;
  // the shared part as a polygon, only for a pair that qualifies: followed from the clipped edges, jsts when degenerate
  const buf = b.buffered(d);
  const shared = intersectionRings(a.g, buf.g) ?? fromJstsPolygons(a.jsts().intersection(b.jstsBuffer(d)));
  return { overlap, shared };
}
