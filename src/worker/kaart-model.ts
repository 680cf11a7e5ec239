/**
 * From an analysed werkboek to the `KaartModel` the map and list draw: every geometry projected
 * once (works and shared parts straight into the map's flat arrays), each work's buurten found
 * with the engine's buurt index, a label point per buurt. Runs in the worker (no DOM).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, Geometry as GeoJsonGeometryType } from 'geojson';
import type { Meekoppelkans, Position, WgsGeometry, Werk, Werkboek } from '../core/types';
import { BuurtIndex } from '../core/analysis/buurten';
import { toWgs84 } from '../core/geometry/crs';
import { flatOf } from '../core/geometry/flat';
import { toGeoJson } from '../core/geometry/write';
import type { KaartBuurt, KaartKoppelkans, KaartModel, KaartPaar, KaartWerk } from '../ui/model';
import { numericColumns } from '../ui/classes';
import { VormenBouwer } from '../map/vormen';
import { RdNaarKaart } from './rd-kaart';

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

/** a label point inside the buurt: the centroid when it lies inside, else a point on the surface */
function labelPoint(f: Feature<GeoJsonGeometryType>): Position {
  const c = centroid(f);
  const inside = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
    ? booleanPointInPolygon(c, f as Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>)
    : true;
  const p = inside ? c : pointOnFeature(f);
  return p.geometry.coordinates as Position;
}

function kaartWerk(w: Werk, buurten: string[]): KaartWerk {
  return {
    id: w.id, categorie: w.categorie, eigenaar: w.eigenaar, titel: w.titel, start: w.start, eind: w.eind,
    vorm: w.geometry.kind, rij: w.rij, buurten, extra: w.extra,
  };
}

function kaartPaar(p: Meekoppelkans, werken: Map<string, KaartWerk>, planner?: PlannerVelden): KaartPaar {
  const a = werken.get(p.werkA);
  const b = werken.get(p.werkB);
  return {
    id: p.id, werkA: p.werkA, werkB: p.werkB, categorieA: p.categorieA, categorieB: p.categorieB,
    overlap: p.overlap, eenheid: p.eenheid, tussentijdDagen: p.tussentijdDagen, buurten: p.buurten,
    vorm: p.shared.kind,
    start: Math.min(a?.start ?? Infinity, b?.start ?? Infinity),
    eind: Math.max(a?.eind ?? -Infinity, b?.eind ?? -Infinity),
    status: planner?.status || 'nieuw',
    notitie: planner?.notitie ?? '',
  };
}

/** The works' part of the map's model: all of it but the pairs, which need the engine. */
export type WerkenModel = Omit<KaartModel, 'paren' | 'paarVormen'>;

/**
 * The map's model without the pairs: buurten, works (with the buurten each touches), koppelkansen.
 * It needs no engine, so the worker sends it while the engine runs.
 *
 * @example
 * const deel = buildWerkenModel(werkboek); // deel.werkVormen: every work, flat, on the map
 */
export function buildWerkenModel(werkboek: Werkboek): WerkenModel {
  const buurten: KaartBuurt[] = werkboek.buurten.map((b) => {
    const geometry = toWgs84(b.geometry);
    return {
      code: b.code, naam: b.naam, wijkcode: b.wijkcode ?? '', wijknaam: b.wijknaam ?? '',
      geometry, labelAt: labelPoint(feature(geometry)), values: b.values,
    };
  });
  const index = new BuurtIndex(werkboek.buurten);
  const werkVormen = new VormenBouwer();
  const rd = new RdNaarKaart();
  const project = (p: Position) => rd.project(p);
  const werken = werkboek.werken.map((w) => {
    // the parser's flat form when there is one: reading the lists would make them, a few per vertex
    const flat = flatOf(w.geometry);
    if (flat) werkVormen.addFlat(flat.kind, flat.xy, flat.parts, rd.projectIn);
    else werkVormen.add(w.geometry, project);
    return kaartWerk(w, index.touchedBy(w.geometry));
  });
  const labelAt = new Map(buurten.map((b) => [b.code, b.labelAt]));
  const koppelkansen: KaartKoppelkans[] = [];
  for (const k of werkboek.koppelkansen) {
    const at = k.geometry ? labelPoint(feature(toWgs84(k.geometry))) : labelAt.get(k.buurtcode ?? '');
    // a koppelkans without a known buurt or geometry has no place on the map (the werkboek reports it)
    if (!at) continue;
    const buurtcode = k.buurtcode ?? (k.geometry ? index.touchedBy(k.geometry)[0] ?? '' : '');
    koppelkansen.push({
      id: k.id, buurtcode, thema: k.thema, soort: k.soort, omschrijving: k.omschrijving,
      eigenaar: k.eigenaar, status: k.status, at,
    });
  }
  return {
    buurten, werken, koppelkansen,
    werkVormen: werkVormen.build(),
    problems: werkboek.problems,
    numericColumns: numericColumns(werkboek.buurten.map((b) => b.values)),
  };
}

/**
 * The pairs' part of the map's model: each pair with its joint period and planner columns, and
 * the shared parts flat on the map.
 *
 * @example
 * const { paren: lijst, paarVormen } = buildParenModel(paren, deel.werken, plannerVelden(raw.meekoppelkansen));
 */
export function buildParenModel(
  paren: readonly Meekoppelkans[],
  werken: readonly KaartWerk[],
  planner: ReadonlyMap<string, PlannerVelden> = new Map(),
): Pick<KaartModel, 'paren' | 'paarVormen'> {
  const byId = new Map(werken.map((w) => [w.id, w]));
  const rd = new RdNaarKaart();
  const paarVormen = new VormenBouwer();
  for (const p of paren) {
    const flat = flatOf(p.shared);
    if (flat) paarVormen.addFlat(flat.kind, flat.xy, flat.parts, rd.projectIn);
    else paarVormen.add(p.shared, (q) => rd.project(q));
  }
  return { paren: paren.map((p) => kaartPaar(p, byId, planner.get(p.id))), paarVormen: paarVormen.build() };
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
  const deel = buildWerkenModel(werkboek);
  return { ...deel, ...buildParenModel(paren, deel.werken, planner) };
}
