/**
 * Column mappings remembered per source, so the second import from the same partner system needs
 * no mapping step. They live in the workbook, in the add-in's own table `KoppelkaartBronnen`
 * (on a sheet of that name): one row per source, the mapping as JSON.
 */
import type { CellValue, RawTable } from '../types';
import { cellToText } from '../werkboek/cells';
import { normaliseHeader } from '../werkboek/headers';
import { type KolomMapping, NIET_OVERNEMEN, type WerkVeld, WERK_VELDEN } from './mapping';

/** The table's name (and its sheet's). */
export const BRONNEN_TABEL = 'KoppelkaartBronnen';
/** Its header row. */
export const BRONNEN_KOPPEN: readonly string[] = ['bron', 'koppeling', 'bijgewerkt'];

/**
 * The remembered mappings by source name (compared as headers are: case, spaces and accents ignored).
 * Rows that are not valid JSON mappings are passed over.
 *
 * @example
 * readBronnen(table).get(bronKey('Stedin export.csv')); // { Projectnr: 'id', ... }
 */
export function readBronnen(table: RawTable | undefined): Map<string, KolomMapping> {
  const result = new Map<string, KolomMapping>();
  if (!table) return result;
  const col = (name: string) => table.headers.findIndex((h) => normaliseHeader(h) === name);
  const [bron, koppeling] = [col('bron'), col('koppeling')];
  if (bron < 0 || koppeling < 0) return result;
  for (const row of table.rows) {
    const name = cellToText(row[bron]);
    const json = cellToText(row[koppeling]);
    if (!name.ok || !json.ok || name.value === '') continue;
    const mapping = parseJsonMapping(json.value);
    if (mapping) result.set(bronKey(name.value), mapping);
  }
  return result;
}

/**
 * A source name as the key of the remembered mappings.
 *
 * @example
 * bronKey(' Stedin_Export.csv '); // 'stedinexportcsv'
 */
export function bronKey(bron: string): string {
  return normaliseHeader(bron);
}

function parseJsonMapping(text: string): KolomMapping | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.every(([, v]) => v === NIET_OVERNEMEN || (typeof v === 'string' && WERK_VELDEN.includes(v as WerkVeld)))) return undefined;
    return Object.fromEntries(entries) as KolomMapping;
  } catch {
    return undefined;
  }
}

/**
 * The KoppelkaartBronnen table with `bron`'s mapping added or replaced; other rows stay as they were.
 *
 * @example
 * bronnenTable(raw.bronnen, 'stedin.csv', { Projectnr: 'id' }, '2026-05-01');
 * // { headers: ['bron', 'koppeling', 'bijgewerkt'], rows: [['stedin.csv', '{"Projectnr":"id"}', '2026-05-01']] }
 */
export function bronnenTable(existing: RawTable | undefined, bron: string, mapping: KolomMapping, vandaag: string): { headers: string[]; rows: CellValue[][] } {
  const headers = [...BRONNEN_KOPPEN];
  const rows: CellValue[][] = [];
  const key = bronKey(bron);
  const col = (name: string) => existing?.headers.findIndex((h) => normaliseHeader(h) === name) ?? -1;
  const cols = headers.map(col);
  for (const row of existing?.rows ?? []) {
    const values = cols.map((c) => (c < 0 ? null : (row[c] ?? null)));
    const name = cellToText(values[0]);
    if (name.ok && bronKey(name.value) === key) continue;
    if (values.some((v) => v !== null)) rows.push(values);
  }
  rows.push([bron, JSON.stringify(mapping), vandaag]);
  return { headers, rows };
}
