/**
 * The column-mapping step of an import: which CSV column fills which field of the Werken table.
 * Headers that match a column or alias of werkboek.md map themselves; the rest waits for the
 * planner (or a mapping remembered for the same source).
 */
import { TABLES } from '../werkboek/columns';
import { normaliseHeader } from '../werkboek/headers';

/** A field a CSV column can fill: a Werken column, or a coordinate that makes a point. */
export type WerkVeld =
  | 'id' | 'categorie' | 'eigenaar' | 'titel' | 'start' | 'eind' | 'geometrie' | 'buffer_m' | 'status' | 'budget' | 'contact'
  | 'x' | 'y' | 'lat' | 'lon';

/** The choice "(niet overnemen)": the column fills no field, even when its header is a known alias, and is not kept. */
export const NIET_OVERNEMEN = '';

/** What a CSV column is mapped to: a field, or `NIET_OVERNEMEN`. */
export type KolomKeuze = WerkVeld | typeof NIET_OVERNEMEN;

/**
 * CSV header as typed -> field, or `NIET_OVERNEMEN` to leave a column out on purpose; a header not
 * named at all is mapped by its alias, else kept as an own column when the table has one of that name.
 */
export type KolomMapping = Readonly<Record<string, KolomKeuze>>;

/** The proposal for one CSV file. */
export interface MappingProposal {
  /** header -> field, and the headers left out on purpose (`NIET_OVERNEMEN`, so they are remembered) */
  mapping: KolomMapping;
  /** headers that fill no field and were not left out on purpose (kept only where the Werken table has a column of that name) */
  unmatched: string[];
  /** what is still needed before the import can run, in Dutch field words (empty when complete) */
  missing: string[];
}

/** the coordinate fields and the headers they are known by */
const COORDINATE_ALIASES: Readonly<Record<'x' | 'y' | 'lat' | 'lon', readonly string[]>> = {
  x: ['x', 'x_rd', 'rd_x', 'xcoord', 'x_coord', 'x_coordinaat', 'coord_x', 'rdx'],
  y: ['y', 'y_rd', 'rd_y', 'ycoord', 'y_coord', 'y_coordinaat', 'coord_y', 'rdy'],
  lat: ['lat', 'latitude', 'breedte', 'breedtegraad', 'wgs84_lat'],
  lon: ['lon', 'lng', 'long', 'longitude', 'lengte', 'lengtegraad', 'wgs84_lon'],
};

/** every field, in the order the mapping step shows them */
export const WERK_VELDEN: readonly WerkVeld[] = [
  'id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'x', 'y', 'lat', 'lon', 'buffer_m', 'status', 'budget', 'contact',
];

function aliasIndex(): Map<string, WerkVeld> {
  const index = new Map<string, WerkVeld>();
  for (const column of TABLES.Werken.columns) {
    if (column.writtenByAddIn) continue;
    for (const name of [column.name, ...column.aliases]) index.set(normaliseHeader(name), column.name as WerkVeld);
  }
  for (const [veld, aliases] of Object.entries(COORDINATE_ALIASES)) {
    for (const alias of aliases) index.set(normaliseHeader(alias), veld as WerkVeld);
  }
  return index;
}

const ALIASES = aliasIndex();

const isVeld = (v: KolomKeuze | undefined): v is WerkVeld => v !== undefined && (WERK_VELDEN as readonly string[]).includes(v);

/**
 * Proposes a mapping: a mapping remembered for this source first (for the headers the file still
 * has, including the ones left out on purpose), then the werkboek's names and aliases; each field
 * is taken by one header at most.
 *
 * @example
 * proposeMapping(['Kenmerk', 'Discipline', 'Startdatum', 'Einddatum', 'X', 'Y', 'Wijk']);
 * // { mapping: { Kenmerk: 'id', Discipline: 'categorie', Startdatum: 'start', Einddatum: 'eind', X: 'x', Y: 'y' },
 * //   unmatched: ['Wijk'], missing: [] }
 * proposeMapping(['Kenmerk', 'Status'], { Status: NIET_OVERNEMEN }).mapping; // { Status: '', Kenmerk: 'id' }
 */
export function proposeMapping(headers: readonly string[], remembered: KolomMapping = {}): MappingProposal {
  const mapping: Record<string, KolomKeuze> = {};
  const taken = new Set<WerkVeld>();
  const take = (header: string, veld: WerkVeld | undefined) => {
    if (veld === undefined || taken.has(veld) || header in mapping) return;
    mapping[header] = veld;
    taken.add(veld);
  };
  for (const header of headers) if (header !== '' && remembered[header] === NIET_OVERNEMEN) mapping[header] = NIET_OVERNEMEN;
  for (const header of headers) {
    const veld = remembered[header];
    if (isVeld(veld)) take(header, veld);
  }
  for (const header of headers) take(header, ALIASES.get(normaliseHeader(header)));
  const unmatched = headers.filter((h) => h !== '' && !(h in mapping));
  return { mapping, unmatched, missing: missingFields(mapping) };
}

/**
 * What a mapping still lacks: id, categorie, start, eind, and a location (geometrie, x and y, or
 * lat and lon).
 *
 * @example
 * missingFields({ nr: 'id' }); // ['categorie', 'start', 'eind', 'geometrie (of x en y, of lat en lon)']
 */
export function missingFields(mapping: KolomMapping): string[] {
  const fields = new Set<KolomKeuze>(Object.values(mapping));
  const missing: string[] = (['id', 'categorie', 'start', 'eind'] as const).filter((f) => !fields.has(f));
  const located = fields.has('geometrie') || (fields.has('x') && fields.has('y')) || (fields.has('lat') && fields.has('lon'));
  if (!located) missing.push('geometrie (of x en y, of lat en lon)');
  return missing;
}

/**
 * Reads a mapping typed on the command line or stored in the workbook: `kolom=veld` pairs separated
 * by commas; `kolom=` with nothing after it leaves that column out. Throws with a Dutch message on an
 * unknown field, so the caller can show it.
 *
 * @example
 * parseMappingText('Projectnr=id, Soort werk=categorie, Status='); // { Projectnr: 'id', 'Soort werk': 'categorie', Status: '' }
 */
export function parseMappingText(text: string): KolomMapping {
  const mapping: Record<string, KolomKeuze> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.lastIndexOf('=');
    const kolom = pair.slice(0, at).trim();
    const veld = pair.slice(at + 1).trim().toLowerCase() as KolomKeuze;
    if (at < 0 || kolom === '') throw new Error(`'${pair.trim()}' is geen koppeling. Schrijf kolom=veld, bijvoorbeeld Projectnr=id.`);
    if (veld !== NIET_OVERNEMEN && !isVeld(veld)) {
      throw new Error(`Onbekend veld '${veld}' in '${pair.trim()}'. Kies uit: ${WERK_VELDEN.join(', ')}, of laat het veld leeg (Kolom=) om de kolom niet over te nemen.`);
    }
    mapping[kolom] = veld;
  }
  return mapping;
}

/**
 * A mapping as `kolom=veld` text, the form `parseMappingText` reads.
 *
 * @example
 * mappingText({ Projectnr: 'id' }); // 'Projectnr=id'
 */
export function mappingText(mapping: KolomMapping): string {
  return Object.entries(mapping).map(([kolom, veld]) => `${kolom}=${veld}`).join(',');
}
