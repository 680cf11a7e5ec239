/**
 * Buurten (or wijken) from a GeoJSON FeatureCollection, such as the CBS wijk- en buurtkaart or a
 * municipality's own file, in WGS84 or RD New, into the Buurten table: geometry as RD New WKT
 * (split over `geometrie_2`, ... when longer than a cell), codes and names from the usual
 * properties, every other property as a column of its own (numbers can colour the map).
 */
import { parseGeometry } from '../geometry/parse';
import { toWkt } from '../geometry/write';
import type { CellValue, RawTable, RowProblem } from '../types';
import { cellToText } from '../werkboek/cells';
import { TABLES } from '../werkboek/columns';
import { mapHeaders, normaliseHeader } from '../werkboek/headers';
import { problem } from '../werkboek/problems';
import { NIEUW_WERKBOEK } from './nieuw-werkboek';
import { type ImportedRow, geometryCellCount, placeRow, targetLayout } from './target';

/** What to do to the Buurten table. */
export interface BuurtenImport {
  /** the Buurten table's header row after the import */
  headers: string[];
  /** new rows in `headers` order */
  append: CellValue[][];
  /** Excel rows of existing buurten with a code the file brings again (replaced) */
  remove: number[];
  problems: RowProblem[];
  /** the file's coordinates as found: from its `crs` member or, without one, from their range */
  crs: 'rd' | 'wgs84';
  /** buurten, or wijken when the features carry wijk codes only */
  soort: 'buurten' | 'wijken';
  counts: { features: number; toegevoegd: number; vervangen: number; afgewezen: number };
}

const BUURT_KEYS = ['buurtcode', 'bu_code', 'code', 'buurt'].map(normaliseHeader);
const BUURTNAAM_KEYS = ['buurtnaam', 'bu_naam', 'naam'].map(normaliseHeader);
const WIJK_KEYS = ['wijkcode', 'wk_code'].map(normaliseHeader);
const WIJKNAAM_KEYS = ['wijknaam', 'wk_naam'].map(normaliseHeader);

interface Feature {
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

/**
 * Reads the parsed GeoJSON for the Buurten table `buurten` (undefined when the workbook has none).
 * Throws a Dutch message when `json` is no FeatureCollection (nothing to import at all).
 *
 * @example
 * const result = importBuurten(JSON.parse(text), raw.buurten, { bron: 'buurten.geojson' });
 * result.append.length; // one row per good feature
 */
export function importBuurten(json: unknown, buurten: RawTable | undefined, options: { bron: string }): BuurtenImport {
  const fc = json as { type?: string; features?: Feature[]; crs?: { properties?: { name?: string } } };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${options.bron} is geen GeoJSON FeatureCollection. Lever een FeatureCollection met één feature per buurt.`);
  }
  const tabel = `GeoJSON ${options.bron}`;
  const declared = declaredCrs(fc.crs?.properties?.name);
  const keys = propertyKeys(fc.features);
  const soort = keys.some((k) => BUURT_KEYS.includes(normaliseHeader(k))) || !keys.some((k) => WIJK_KEYS.includes(normaliseHeader(k))) ? 'buurten' : 'wijken';
  const known = new Set([...BUURT_KEYS, ...BUURTNAAM_KEYS, ...WIJK_KEYS, ...WIJKNAAM_KEYS, 'geometrie', 'geometry']);
  const extras = keys.filter((k) => !known.has(normaliseHeader(k)));
  const problems: RowProblem[] = [];
  const rows: ImportedRow[] = [];
  const seen = new Map<string, number>();
  let found: 'rd' | 'wgs84' | undefined = declared;
  fc.features.forEach((f, i) => {
    const at = (kolom: string) => ({ tabel, rij: i + 1, kolom });
    const props = f.properties ?? {};
    const pick = (names: string[]) => pickProperty(props, names);
    const code = soort === 'buurten' ? pick(BUURT_KEYS) : pick(WIJK_KEYS);
    if (code.value === '') return void problems.push(problem(at(code.key || 'buurtcode'), '', 'De feature heeft geen buurtcode (buurtcode, BU_CODE of code). Vul de code in; de feature is niet overgenomen.'));
    const first = seen.get(code.value);
    if (first !== undefined) return void problems.push(problem(at(code.key), code.value, `De code ${code.value} kwam al voor bij feature ${first}; deze feature is niet overgenomen.`));
    const parsed = f.geometry ? parseGeometry(JSON.stringify(f.geometry)) : { ok: false as const, melding: 'De feature heeft geen geometrie.' };
    if (!parsed.ok) return void problems.push(problem(at('geometry'), JSON.stringify(f.geometry ?? null), `${parsed.melding} De feature is niet overgenomen.`));
    if (parsed.geometry.kind !== 'poly') return void problems.push(problem(at('geometry'), JSON.stringify(f.geometry), 'Een buurt moet een vlak zijn (Polygon of MultiPolygon). De feature is niet overgenomen.'));
    if (declared && parsed.sourceCrs !== declared) {
      return void problems.push(problem(at('geometry'), JSON.stringify(f.geometry), `Het bestand zegt ${crsName(declared)}, maar deze coördinaten zijn ${crsName(parsed.sourceCrs)}. Controleer het bestand; de feature is niet overgenomen.`));
    }
    found ??= parsed.sourceCrs;
    parsed.warnings.forEach((w) => problems.push(problem(at('geometry'), '', w, 'waarschuwing')));
    seen.set(code.value, i + 1);
    const naam = soort === 'buurten' ? pick(BUURTNAAM_KEYS).value : pick(WIJKNAAM_KEYS).value;
    const fields: Record<string, CellValue> = { buurtcode: code.value, buurtnaam: naam || null, wijkcode: pick(WIJK_KEYS).value || null, wijknaam: pick(WIJKNAAM_KEYS).value || null };
    rows.push({ fields, geometry: toWkt(parsed.geometry), extras: Object.fromEntries(extras.map((e) => [e, cell(props[e])])) });
  });
  const geometryParts = Math.max(1, ...rows.map((r) => geometryCellCount(r.geometry)));
  const standard = (NIEUW_WERKBOEK.find((t) => t.naam === 'Buurten')?.kolommen ?? []).map((c) => c.naam);
  const wanted = ['buurtnaam', 'wijkcode', 'wijknaam'].filter((f) => rows.some((r) => r.fields[f] !== null));
  const layout = targetLayout({ target: buurten, def: TABLES.Buurten, standard, extras, addExtras: true, geometryParts, wanted });
  const remove = buurten ? rowsWithCodes(buurten, new Set(seen.keys())) : [];
  const append = rows.map((r) => placeRow(layout, r));
  const afgewezen = new Set(problems.filter((p) => p.ernst === 'fout').map((p) => p.rij)).size;
  return {
    headers: layout.headers, append, remove, problems, crs: found ?? 'wgs84', soort,
    counts: { features: fc.features.length, toegevoegd: append.length, vervangen: remove.length, afgewezen },
  };
}

function declaredCrs(name: string | undefined): 'rd' | 'wgs84' | undefined {
  if (!name) return undefined;
  if (/28992/.test(name)) return 'rd';
  if (/4326|CRS84/i.test(name)) return 'wgs84';
  return undefined;
}

const crsName = (crs: 'rd' | 'wgs84') => (crs === 'rd' ? 'RD New (EPSG:28992)' : 'WGS84 (EPSG:4326)');

/** every property name of the file, in first-seen order */
function propertyKeys(features: Feature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) keys.add(key);
  return [...keys];
}

function pickProperty(props: Record<string, unknown>, names: string[]): { key: string; value: string } {
  for (const [key, value] of Object.entries(props)) {
    if (!names.includes(normaliseHeader(key))) continue;
    const text = cellToText(cell(value));
    return { key, value: text.ok ? text.value : '' };
  }
  return { key: '', value: '' };
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Excel rows of the table whose buurtcode is in `codes` */
function rowsWithCodes(table: RawTable, codes: ReadonlySet<string>): number[] {
  const col = mapHeaders(table, TABLES.Buurten).index.get('buurtcode');
  if (col === undefined) return [];
  const rows: number[] = [];
  table.rows.forEach((row, i) => {
    const text = cellToText(row[col]);
    if (text.ok && codes.has(text.value)) rows.push(table.headerRow + 1 + i);
  });
  return rows;
}
