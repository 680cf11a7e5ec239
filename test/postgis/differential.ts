/**
 * Loads works into PostGIS exactly as the engine reads them (same text, WGS84 projected with the
 * regels.md definition) and runs the SQL of regels.md, generalised to per-work buffer_m and the
 * Regels settings, with the shared part's buurten. Used by the differential tests and the bench.
 */
import { RD_NEW_PROJ4, WGS84_PROJ4 } from '../../src/core/geometry/crs';
import { parseGeometry } from '../../src/core/geometry/parse';
import type { Regels } from '../../src/core/types';
import type { FixtureWerk } from '../fixtures/engine/load';
import type { PgCluster } from './cluster';

/** One row of PostGIS's answer: every pair within d of different categories (or any, when allowed). */
export interface PgPair {
  a: string;
  b: string;
  overlap: number;
  eenheid: 'm' | 'm2' | 'punt';
  gapDays: number;
  inWindow: boolean;
  qualifies: boolean;
  buurten: string[];
}

const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/**
 * Creates and fills `werken` (and `buurten` when given, as WKT in RD) with a GiST index.
 */
export function loadWerken(pg: PgCluster, werken: FixtureWerk[], buurten: { code: string; wkt: string }[] = []): void {
  // which text is in degrees: PostGIS needs to be told; ST_Transform then uses the regels.md definition
  const rows = werken.map((w) => {
    const parsed = parseGeometry(w.geometrie);
    const wgs = parsed.ok && parsed.sourceCrs === 'wgs84' ? 't' : 'f';
    return [w.id, w.categorie, w.start, w.eind, w.buffer_m ?? '\\N', wgs, esc(w.geometrie)].join('\t');
  });
  const brows = buurten.map((b) => [b.code, b.wkt].join('\t'));
  pg.sql(`
drop table if exists werken_raw, werken, buurten;
-- the two definitions as SRIDs of their own, so PROJ builds the transformation once, not per row
delete from spatial_ref_sys where srid in (990001, 990002);
insert into spatial_ref_sys (srid, proj4text) values (990001, '${WGS84_PROJ4}'), (990002, '${RD_NEW_PROJ4}');
create table werken_raw (id text collate "C", categorie text, start date, eind date, buffer_m float8, wgs boolean, txt text);
copy werken_raw from stdin;
${rows.map((l) => `${l}\n`).join('')}\\.
create table werken as
  select id, categorie, start, eind, buffer_m, g,
    case when ST_Dimension(g) = 0 then 'point' when ST_Dimension(g) = 1 then 'line' else 'poly' end kind
  from (select *, ST_SetSRID(case when wgs then ST_Transform(ST_SetSRID(raw, 990001), 990002) else raw end, 28992) g
        from (select *, case when txt like '{%' then ST_GeomFromGeoJSON(txt) else ST_GeomFromEWKT(txt) end raw
              from werken_raw) r) s;
create index on werken using gist (g);
create table buurten (code text collate "C", g geometry);
copy buurten from stdin;
${brows.map((l) => `${l}\n`).join('')}\\.
update buurten set g = ST_SetSRID(g, 28992);
create index on buurten using gist (g);
analyze werken; analyze buurten;
`);
}

/** the pair distance expression: the larger of the two works' buffer_m, else afstand_m */
const D = (r: Regels): string => `greatest(coalesce(a.buffer_m, ${r.afstandM}), coalesce(b.buffer_m, ${r.afstandM}))`;

/** the SQL of regels.md with the settings filled in; `exact` adds the shared part and its buurten */
export function pairsSql(r: Regels, withBuurten: boolean, literal = false): string {
  const maxBuffer = `(select greatest(${r.afstandM}, coalesce(max(buffer_m), 0)) from werken)`;
  // literal: the SQL of regels.md as written, one constant distance (no buffer_m in the data)
  const within = literal ? `ST_DWithin(a.g, b.g, ${r.afstandM})` : `ST_DWithin(a.g, b.g, ${maxBuffer}) and ST_DWithin(a.g, b.g, ${D(r)})`;
  return `
with p as (
  select a.id a, b.id b, a.kind ak, b.kind bk, a.g ag, b.g bg, ${literal ? r.afstandM : D(r)} d,
    greatest(0, b.start - a.eind, a.start - b.eind) gap_days,
    (a.start <= b.eind + interval '${r.maxTussentijdMaanden} months' and b.start <= a.eind + interval '${r.maxTussentijdMaanden} months') in_window
  from werken a join werken b
    on a.id < b.id ${r.zelfdeCategorie ? '' : 'and a.categorie <> b.categorie'}
   and ${within}
), m as (
  select *, case
    when ak = 'point' or bk = 'point' then 0
    when ak = 'line' and bk = 'line' then greatest(ST_Length(ST_Intersection(ag, ST_Buffer(bg, d))), ST_Length(ST_Intersection(bg, ST_Buffer(ag, d))))
    when ak = 'line' then ST_Length(ST_Intersection(ag, ST_Buffer(bg, d)))
    when bk = 'line' then ST_Length(ST_Intersection(bg, ST_Buffer(ag, d)))
    else greatest(ST_Area(ST_Intersection(ag, ST_Buffer(bg, d))), ST_Area(ST_Intersection(bg, ST_Buffer(ag, d))))
  end overlap from p
), q as (
  select *, in_window and (ak = 'point' or bk = 'point'
    or (ak = 'poly' and bk = 'poly' and overlap >= ${r.minOverlapM2})
    or ((ak = 'line' or bk = 'line') and overlap >= ${r.minOverlapM})) qualifies from m
)
select a, b, overlap, case when ak = 'point' or bk = 'point' then 'punt' when ak = 'poly' and bk = 'poly' then 'm2' else 'm' end,
  gap_days, in_window, qualifies,
  ${withBuurten ? `case when qualifies then (select string_agg(code, ' ' order by code) from buurten u where ST_Intersects(u.g,
    case when ak = 'point' then ag when bk = 'point' then bg
         when ak = 'line' and bk = 'poly' then ST_Intersection(ag, ST_Buffer(bg, d))
         when ak = 'poly' and bk = 'line' then ST_Intersection(bg, ST_Buffer(ag, d))
         else ST_Intersection(ag, ST_Buffer(bg, d)) end)) end` : `''`}
from q order by a, b;`;
}

/** Runs the pair SQL and parses its rows. */
export function postgisPairs(pg: PgCluster, r: Regels, withBuurten = true, literal = false): PgPair[] {
  const out = pg.sql(pairsSql(r, withBuurten, literal)).trim();
  if (out === '') return [];
  return out.split('\n').map((line) => {
    const [a, b, overlap, eenheid, gap, inWindow, qualifies, buurten] = line.split('|');
    return {
      a, b, overlap: Number(overlap), eenheid: eenheid as PgPair['eenheid'], gapDays: Number(gap),
      inWindow: inWindow === 't', qualifies: qualifies === 't', buurten: buurten ? buurten.split(' ') : [],
    };
  });
}
