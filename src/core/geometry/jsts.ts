/**
 * The few jsts (JTS port) operations the engine uses, typed, and conversions to and from our
 * polygons. jsts is loaded from its UMD bundle, which Node, Jest and webpack all accept.
 */
import * as jstsModule from 'jsts/dist/jsts.min.js';
import type { Position } from '../types';
import type { PreparedGeometry } from './flat';

/** The part of a jsts geometry the engine touches. */
export interface JstsGeometry {
  getArea(): number;
  getLength(): number;
  isEmpty(): boolean;
  isValid(): boolean;
  getGeometryType(): string;
  getNumGeometries(): number;
  getGeometryN(i: number): JstsGeometry;
  getExteriorRing(): JstsGeometry;
  getNumInteriorRing(): number;
  getInteriorRingN(i: number): JstsGeometry;
  getCoordinates(): { x: number; y: number }[];
  intersection(other: JstsGeometry): JstsGeometry;
  buffer(d: number, quadrantSegments?: number): JstsGeometry;
}

interface JstsLib {
  geom: {
    Coordinate: new (x: number, y: number) => unknown;
    GeometryFactory: new () => {
      createLinearRing(c: unknown[]): unknown;
      createPolygon(shell: unknown, holes: unknown[]): JstsGeometry;
      createMultiPolygon(polys: JstsGeometry[]): JstsGeometry;
      createLineString(c: unknown[]): JstsGeometry;
      createMultiLineString(lines: JstsGeometry[]): JstsGeometry;
    };
  };
  operation: { buffer: { BufferOp: { bufferOp(g: JstsGeometry, d: number, quadrantSegments?: number): JstsGeometry } } };
}

// webpack runs the UMD as an ES module, where it registers a global instead of exporting
const loaded = jstsModule as unknown as { default?: JstsLib } & Partial<JstsLib>;
const jsts: JstsLib = (loaded.geom ? loaded : loaded.default?.geom ? loaded.default : (globalThis as { jsts?: JstsLib }).jsts) as JstsLib;

const factory = new jsts.geom.GeometryFactory();
const coord = (p: Position): unknown => new jsts.geom.Coordinate(p[0], p[1]);

/**
 * Our polygons (rings closed) as a jsts Polygon or MultiPolygon.
 *
 * @example
 * toJstsPolygon([[[0, 0], [10, 0], [10, 10], [0, 0]]]).getArea(); // 50
 */
export function toJstsPolygon(polygons: Position[][][]): JstsGeometry {
  const polys = polygons.map((rings) => {
    const [shell, ...holes] = rings.map((r) => factory.createLinearRing(r.map(coord)));
    return factory.createPolygon(shell, holes);
  });
  return polys.length === 1 ? polys[0] : factory.createMultiPolygon(polys);
}

/**
 * Our lines as a jsts LineString or MultiLineString.
 *
 * @example
 * toJstsLine([[[0, 0], [10, 0]]]).getLength(); // 10
 */
export function toJstsLine(lines: Position[][]): JstsGeometry {
  const ls = lines.map((l) => factory.createLineString(l.map(coord)));
  return ls.length === 1 ? ls[0] : factory.createMultiLineString(ls);
}

/**
 * A flattened polygon geometry as a jsts Polygon or MultiPolygon (rings grouped by its `shells`).
 *
 * @example
 * jstsPolygonOf(flatten({ kind: 'poly', polygons: [[[[0, 0], [10, 0], [10, 10], [0, 0]]]] })).getArea(); // 50
 */
export function jstsPolygonOf(g: PreparedGeometry): JstsGeometry {
  const polys: JstsGeometry[] = [];
  let shell: unknown = null;
  let holes: unknown[] = [];
  const flush = () => shell && polys.push(factory.createPolygon(shell, holes));
  for (let r = 0; r + 1 < g.parts.length; r++) {
    const coords: unknown[] = [];
    for (let v = g.parts[r]; v < g.parts[r + 1]; v++) coords.push(new jsts.geom.Coordinate(g.xy[2 * v], g.xy[2 * v + 1]));
    const ring = factory.createLinearRing(coords);
    if (!g.shells || g.shells[r] === 1 || shell === null) {
      flush();
      shell = ring;
      holes = [];
    } else holes.push(ring);
  }
  flush();
  return polys.length === 1 ? polys[0] : factory.createMultiPolygon(polys);
}

const ring = (g: JstsGeometry): Position[] => g.getCoordinates().map((c) => [c.x, c.y] as Position);

/**
 * The polygons of a jsts geometry (other parts of a collection, such as slivers reduced to
 * lines, are left out) as our nested lists.
 *
 * @example
 * fromJstsPolygons(toJstsPolygon([[[0, 0], [10, 0], [10, 10], [0, 0]]])); // [[[[0, 0], [10, 0], [10, 10], [0, 0]]]]
 */
export function fromJstsPolygons(g: JstsGeometry): Position[][][] {
  const out: Position[][][] = [];
  for (let i = 0; i < g.getNumGeometries(); i++) {
    const p = g.getGeometryN(i);
    if (p.getGeometryType() !== 'Polygon' || p.isEmpty()) continue;
    const rings = [ring(p.getExteriorRing())];
    for (let h = 0; h < p.getNumInteriorRing(); h++) rings.push(ring(p.getInteriorRingN(h)));
    out.push(rings);
  }
  return out;
}

/**
 * `ST_Buffer(g, d)` as PostGIS draws it: round joins and caps, 8 segments per quarter circle.
 *
 * @example
 * bufferPostgis(toJstsLine([[[0, 0], [10, 0]]]), 1).getArea(); // ≈ 23.12
 */
export function bufferPostgis(g: JstsGeometry, d: number): JstsGeometry {
  return jsts.operation.buffer.BufferOp.bufferOp(g, d, 8);
}
