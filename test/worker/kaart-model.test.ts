import * as fs from 'node:fs';
import * as path from 'node:path';
import { rdToWgs84, toRd } from '../../src/core/geometry/crs';
import { lonLat, mercator, middenVan } from '../../src/map/vormen';
import type { Buurt, Meekoppelkans, Position, Werk, Werkboek, WgsGeometry } from '../../src/core/types';
import { DEFAULT_REGELS } from '../../src/core/types';
import { buildKaartModel } from '../../src/worker/kaart-model';

interface Feat { properties: Record<string, string | number>; geometry: { type: string; coordinates: unknown } }
const read = (name: string): Feat[] =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../assets/data', `${name}.geojson`), 'utf8')).features;

function wgs(geometry: Feat['geometry']): WgsGeometry {
  if (geometry.type === 'Polygon') return { crs: 'wgs84', kind: 'poly', polygons: [geometry.coordinates as Position[][]] };
  if (geometry.type === 'MultiPolygon') return { crs: 'wgs84', kind: 'poly', polygons: geometry.coordinates as Position[][][] };
  if (geometry.type === 'LineString') return { crs: 'wgs84', kind: 'line', lines: [geometry.coordinates as Position[]] };
  if (geometry.type === 'MultiLineString') return { crs: 'wgs84', kind: 'line', lines: geometry.coordinates as Position[][] };
  throw new Error(`unexpected ${geometry.type}`);
}

const buurten: Buurt[] = read('buurten').map((f, i) => ({
  code: String(f.properties.buurtcode), naam: String(f.properties.buurtnaam),
  wijkcode: String(f.properties.wijkcode), wijknaam: String(f.properties.wijknaam),
  geometry: toRd(wgs(f.geometry)), values: { inwoners: 100 + i, gemeente: 'Utrecht' }, rij: i + 2,
}));
const straten = read('straten').slice(0, 20);

function werk(i: number, categorie: string): Werk {
  return {
    id: `W${i}`, categorie, eigenaar: 'gemeente', titel: String(straten[i].properties.straat),
    start: 20454, eind: 20819, geometry: toRd(wgs(straten[i].geometry)), rij: i + 2, extra: { budget: 1000 },
  };
}

const werkboek: Werkboek = {
  werken: [werk(0, 'warmtenet'), werk(1, 'riolering'), werk(2, 'groen')],
  buurten,
  koppelkansen: [
    { id: 'K1', buurtcode: buurten[0].code, thema: 'Gezondheid', soort: 'mensgericht', omschrijving: 'x', eigenaar: 'GGD', status: 'lopend', rij: 2 },
    { id: 'K2', buurtcode: 'onbekend', thema: 'Participatie', soort: 'mensgericht', omschrijving: '', eigenaar: '', status: '', rij: 3 },
  ],
  regels: { ...DEFAULT_REGELS },
  problems: [],
};

const paar: Meekoppelkans = {
  id: 'MK-W0-W1', werkA: 'W0', werkB: 'W1', categorieA: 'warmtenet', categorieB: 'riolering', overlap: 42.5,
  eenheid: 'm', tussentijdDagen: 0, buurten: ['1021'], shared: werk(0, 'warmtenet').geometry,
};

describe('buildKaartModel', () => {
  const model = buildKaartModel(werkboek, [paar], new Map([['MK-W0-W1', { status: 'in overleg', notitie: 'bellen' }]]));

  it('projects every buurt to WGS84 with a label point inside Utrecht', () => {
    expect(model.buurten).toHaveLength(buurten.length);
    for (const b of model.buurten) {
      expect(b.geometry.crs).toBe('wgs84');
      expect(b.labelAt[0]).toBeGreaterThan(4.9);
      expect(b.labelAt[0]).toBeLessThan(5.3);
      expect(b.labelAt[1]).toBeGreaterThan(52.0);
      expect(b.labelAt[1]).toBeLessThan(52.2);
    }
  });

  it('finds the buurten each work runs through, as the street data says', () => {
    for (const [i, w] of model.werken.entries()) {
      const expected = String(straten[i].properties.buurten).split(/[ ,]+/).filter(Boolean).sort();
      for (const code of expected) expect(w.buurten).toContain(code);
    }
  });

  it('puts every work in the flat map arrays, in order, projected from RD through WGS84 to Web Mercator', () => {
    const v = model.werkVormen;
    expect([...v.soort]).toEqual([1, 1, 1]);
    expect(v.feature.length).toBe(4);
    for (const [i, w] of werkboek.werken.entries()) {
      if (w.geometry.kind !== 'line') throw new Error('the test streets are lines');
      const line = w.geometry.lines[0];
      const [lon, lat] = rdToWgs84(line[Math.floor(line.length / 2)]);
      const [mLon, mLat] = middenVan(v, i);
      // to 1e-7 degrees (1 cm): the map's fast projection is within millimetres of proj4
      expect(mLon).toBeCloseTo(lon, 7);
      expect(mLat).toBeCloseTo(lat, 7);
      // the box holds every vertex of the feature, and touches it on each side
      const xs: number[] = [], ys: number[] = [];
      for (let k = v.part[v.feature[i]]; k < v.part[v.feature[i + 1]]; k++) {
        xs.push(v.xy[2 * k]);
        ys.push(v.xy[2 * k + 1]);
      }
      expect([...v.box.subarray(4 * i, 4 * i + 4)]).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
      expect(xs.length).toBe(line.length);
    }
  });

  it('projects to Leaflet\'s Web Mercator at zoom 0 divided by 256, and back', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5]);
    // Leaflet's L.CRS.EPSG3857.latLngToPoint([52.09, 5.12], 0): 128 + 5.12 / 360 * 256, 128 - ln(tan(45° + lat / 2)) / 2π * 256
    const [x, y] = mercator([5.12, 52.09]);
    expect(x * 256).toBeCloseTo(131.6409, 3);
    expect(y * 256).toBeCloseTo(84.4566, 3);
    const [lon, lat] = lonLat(x, y);
    expect(lon).toBeCloseTo(5.12, 10);
    expect(lat).toBeCloseTo(52.09, 10);
  });

  it('gives a pair its joint period and the planner columns from the workbook', () => {
    const p = model.paren[0];
    expect(p.vorm).toBe('line');
    expect(model.paarVormen.soort.length).toBe(1);
    expect([p.start, p.eind]).toEqual([20454, 20819]);
    expect([p.status, p.notitie]).toEqual(['in overleg', 'bellen']);
  });

  it('gives a new pair the status nieuw', () => {
    const fresh = buildKaartModel(werkboek, [paar]);
    expect(fresh.paren[0].status).toBe('nieuw');
  });

  it('places a koppelkans at its buurt and leaves out one whose buurt is unknown', () => {
    expect(model.koppelkansen.map((k) => k.id)).toEqual(['K1']);
    expect(model.koppelkansen[0].at).toEqual(model.buurten[0].labelAt);
  });

  it('offers the numeric Buurten columns for the choropleth', () => {
    expect(model.numericColumns).toEqual(['inwoners']);
  });
});
