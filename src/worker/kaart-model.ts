/**
 * From an analysed werkboek to the `KaartModel` the map and list draw: every geometry projected to
 * WGS84 once, each work's buurten found, a label point per buurt. Runs in the worker (no DOM).
 */
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, Geometry as GeoJsonGeometryType } from 'geojson';
import type { Meekoppelkans, Position, WgsGeometry, Werk, Werkboek } from '../core/types';
import { toWgs84 } from '../core/geometry/crs';
import { toGeoJson } from '../core/geometry/write';
import type { KaartBuurt, KaartKoppelkans, KaartModel, KaartPaar, KaartWerk } from '../ui/model';
import { numericColumns } from '../ui/classes';

/** The planner's columns of a pair as found in the workbook's Meekoppelkansen table. */
export interface PlannerVelden {
  status: string;
  notitie: string;
}

const feature = (g: WgsGeometry): Feature<GeoJsonGeometryType> => ({
  type: 'Feature',
  properties: {},
  geometry: toGeoJson(g) as unknown as GeoJsonGeometryType,
});

function bbox(g: WgsGeometry): [number, number, number, number] {
  const ps: Position[] = g.kind === 'point' ? g.points : g.kind === 'line' ? g.lines.flat() : g.polygons.flatMap((p) => p[0]);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ps) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** a label point inside the buurt: the centroid when it lies inside, else a point on the surface */
function labelPoint(f: Feature<GeoJsonGeometryType>): Position {
  const c = centroid(f);
  const inside = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
    ? booleanPointInPolygon(c, f as Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>)
    : true;
  const p = inside ? c : pointOnFeature(f);
  return p.geometry.coordinates as Position;
}

/** Finds which buurten a WGS84 geometry touches; a bounding-box test in front of the exact one. */
class BuurtZoeker {
  // a city has a few hundred buurten: a plain scan of their boxes is fast enough, no index needed
  constructor(private readonly buurten: { code: string; feature: Feature<GeoJsonGeometryType>; box: number[] }[]) {}

  codes(g: WgsGeometry): string[] {
    const [a, b, c, d] = bbox(g);
    let f: Feature<GeoJsonGeometryType> | null = null;
    const out: string[] = [];
    for (const buurt of this.buurten) {
      const [x0, y0, x1, y1] = buurt.box;
      if (c < x0 || a > x1 || d < y0 || b > y1) continue;
      f ??= feature(g);
      if (booleanIntersects(f, buurt.feature)) out.push(buurt.code);
    }
    return out.sort();
  }
}

function kaartWerk(w: Werk, geometry: WgsGeometry, buurten: string[]): KaartWerk {
  return {
    id: w.id, categorie: w.categorie, eigenaar: w.eigenaar, titel: w.titel, start: w.start, eind: w.eind,
    geometry, rij: w.rij, buurten, extra: w.extra,
  };
}

function kaartPaar(p: Meekoppelkans, werken: Map<string, KaartWerk>, planner?: PlannerVelden): KaartPaar {
  const a = werken.get(p.werkA);
  const b = werken.get(p.werkB);
  return {
    id: p.id, werkA: p.werkA, werkB: p.werkB, categorieA: p.categorieA, categorieB: p.categorieB,
    overlap: p.overlap, eenheid: p.eenheid, tussentijdDagen: p.tussentijdDagen, buurten: p.buurten,
    shared: toWgs84(p.shared),
    start: Math.min(a?.start ?? Infinity, b?.start ?? Infinity),
    eind: Math.max(a?.eind ?? -Infinity, b?.eind ?? -Infinity),
    status: planner?.status || 'nieuw',
    notitie: planner?.notitie ?? '',
  };
}

/**
 * Builds the map's model of an analysed werkboek.
 *
 * @example
 * const model = buildKaartModel(werkboek, paren, new Map([['MK-W1-W2', { status: 'in overleg', notitie: '' }]]));
 */
export function buildKaartModel(
  werkboek: Werkboek,
  paren: readonly Meekoppelkans[],
  planner: ReadonlyMap<string, PlannerVelden> = new Map(),
): KaartModel {
  const buurten: KaartBuurt[] = werkboek.buurten.map((b) => {
    const geometry = toWgs84(b.geometry);
    return {
      code: b.code, naam: b.naam, wijkcode: b.wijkcode ?? '', wijknaam: b.wijknaam ?? '',
      geometry, labelAt: labelPoint(feature(geometry)), values: b.values,
    };
  });
  const zoeker = new BuurtZoeker(buurten.map((b) => ({ code: b.code, feature: feature(b.geometry), box: bbox(b.geometry) })));
  const werken = werkboek.werken.map((w) => {
    const g = toWgs84(w.geometry);
    return kaartWerk(w, g, zoeker.codes(g));
  });
  const byId = new Map(werken.map((w) => [w.id, w]));
  const labelAt = new Map(buurten.map((b) => [b.code, b.labelAt]));
  const koppelkansen: KaartKoppelkans[] = [];
  for (const k of werkboek.koppelkansen) {
    const at = k.geometry ? labelPoint(feature(toWgs84(k.geometry))) : labelAt.get(k.buurtcode ?? '');
    // a koppelkans without a known buurt or geometry has no place on the map (the werkboek reports it)
    if (!at) continue;
    const buurtcode = k.buurtcode ?? (k.geometry ? zoeker.codes(toWgs84(k.geometry))[0] ?? '' : '');
    koppelkansen.push({
      id: k.id, buurtcode, thema: k.thema, soort: k.soort, omschrijving: k.omschrijving,
      eigenaar: k.eigenaar, status: k.status, at,
    });
  }
  return {
    buurten, werken, koppelkansen,
    paren: paren.map((p) => kaartPaar(p, byId, planner.get(p.id))),
    problems: werkboek.problems,
    numericColumns: numericColumns(werkboek.buurten.map((b) => b.values)),
  };
}
