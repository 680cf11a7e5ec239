/**
 * The Buurten, Koppelkansen and Regels tables of the demo workbook.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { toRd } from '../../src/core/geometry/crs';
import { toWkt } from '../../src/core/geometry/write';
import type { WgsGeometry } from '../../src/core/types';
import { Random } from './random';

/** one Excel cell holds at most this many characters; longer geometry continues in geometrie_2, ... */
export const MAX_CELL = 32_767;

export interface BuurtProps {
  buurtcode: string;
  buurtnaam: string;
  wijkcode: string;
  wijknaam: string;
}

export const ILLUSTRATIEF_NOTE =
  'Let op: inwoners, woningen, aandeel_sociale_huur en energiearmoede_pct zijn verzonnen (illustratief, met een vaste seed gegenereerd), geen echte statistiek. '
  + 'De grenzen zijn echt (open data gemeente Utrecht).';

/** a WKT text cut into cells of at most 32,767 characters */
export function splitCells(text: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += MAX_CELL) parts.push(text.slice(i, i + MAX_CELL));
  return parts;
}

/**
 * The Buurten rows: real boundaries as RD New WKT, and illustrative numbers for the choropleth.
 *
 * @example
 * buurtRijen(features, new Random(1)).rows.length; // 111
 */
export function buurtRijen(features: ReadonlyArray<Feature<Polygon | MultiPolygon, BuurtProps>>, random: Random): { headers: string[]; rows: Array<Array<string | number>> } {
  const wkts = features.map((f) => splitCells(toWkt(toRd(wgs(f.geometry)))));
  const extra = Math.max(...wkts.map((w) => w.length)) - 1;
  const geometryHeaders = ['geometrie', ...Array.from({ length: extra }, (_, i) => `geometrie_${i + 2}`)];
  const headers = ['buurtcode', 'buurtnaam', 'wijkcode', 'wijknaam', ...geometryHeaders, 'inwoners', 'woningen', 'aandeel_sociale_huur', 'energiearmoede_pct'];
  const rows = features.map((f, i) => {
    const p = f.properties;
    // overvecht gets more social housing and energy poverty, as the wijkaanpak assumes
    const ov = p.wijkcode === '03' ? 1 : 0;
    const woningen = random.int(300, 3200);
    return [
      p.buurtcode, p.buurtnaam, p.wijkcode, p.wijknaam,
      ...geometryHeaders.map((_, k) => wkts[i][k] ?? ''),
      Math.round(woningen * random.between(1.6, 2.4)),
      woningen,
      Math.round(random.between(0.15 + 0.3 * ov, 0.45 + 0.3 * ov) * 100) / 100,
      Math.round(random.between(3 + 6 * ov, 9 + 8 * ov) * 10) / 10,
    ];
  });
  return { headers, rows };
}

function wgs(g: Polygon | MultiPolygon): WgsGeometry {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return { crs: 'wgs84', kind: 'poly', polygons: polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => [x, y] as [number, number]))) };
}

/** area-level opportunities of the wijkaanpak, with the seeds' themes; most in Overvecht */
export const KOPPELKANSEN_HEADERS = ['id', 'buurtcode', 'thema', 'soort', 'omschrijving', 'eigenaar', 'status'];
export const KOPPELKANSEN: ReadonlyArray<readonly string[]> = [
  ['KK-01', '0311', 'Fysieke wijkverbetering', 'gebiedsgericht', 'Bij de warmtenetaanleg de dreven herinrichten: minder asfalt, meer groen', 'Gemeente Utrecht, wijkaanpak Overvecht', 'in overleg'],
  ['KK-02', '0312', 'Armoede & schulden', 'mensgericht', 'Energiecoach langs bij huishoudens die van het gas af gaan', 'Buurtteam Overvecht', 'gepland'],
  ['KK-03', '0321', 'Gezondheid', 'gebiedsgericht', 'Beweegroute langs de Zamenhofdreef meenemen in de herinrichting', 'Gemeente Utrecht, volksgezondheid', 'idee'],
  ['KK-04', '0322', 'Participatie', 'mensgericht', 'Bewoners kiezen mee over de inrichting na de werkzaamheden', 'Gemeente Utrecht, wijkbureau', 'in overleg'],
  ['KK-05', '0331', 'Openbare ruimte als verbinder', 'gebiedsgericht', 'Speelplekken en ontmoetingsplekken aan de Vecht verbinden', 'Gemeente Utrecht, groen', 'idee'],
  ['KK-06', '0341', 'Armoede & schulden', 'mensgericht', 'Werkgelegenheid voor buurtbewoners bij de aanleg (social return)', 'Warmtebedrijf Utrecht', 'afgesproken'],
  ['KK-07', '0342', 'Gezondheid', 'gebiedsgericht', 'Hittestress verminderen met bomen op de Tigrisdreef', 'Gemeente Utrecht, klimaatadaptatie', 'in overleg'],
  ['KK-08', '0332', 'Fysieke wijkverbetering', 'gebiedsgericht', 'Portiekflats isoleren tegelijk met aansluiting op het warmtenet', 'Mitros', 'gepland'],
  ['KK-09', '0311', 'Participatie', 'mensgericht', 'Informatieavonden van alle partijen samen, één aanspreekpunt', 'Gemeente Utrecht, wijkbureau', 'afgesproken'],
  ['KK-10', '0732', 'Openbare ruimte als verbinder', 'gebiedsgericht', 'Groene verbinding tussen Nieuw Hoograven en de Kromme Rijn', 'Gemeente Utrecht, groen', 'idee'],
  ['KK-11', '0733', 'Armoede & schulden', 'mensgericht', 'Schuldhulp aanbieden bij de aankondiging van werkzaamheden', 'Buurtteam Zuid', 'idee'],
  ['KK-12', '0343', 'Gezondheid', 'gebiedsgericht', 'Wandelroute door het poldergebied bij de herinrichting', 'Gemeente Utrecht, volksgezondheid', 'idee'],
];

/** the five settings of regels.md with their defaults */
export const REGELS: ReadonlyArray<readonly [string, string | number]> = [
  ['afstand_m', 10],
  ['min_overlap_m', 30],
  ['min_overlap_m2', 100],
  ['max_tussentijd_maanden', 24],
  ['zelfde_categorie', 'nee'],
];
