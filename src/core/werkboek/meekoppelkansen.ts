/**
 * Writing results back without losing a planner's work: the new Meekoppelkansen table content
 * merged with the existing one, shared by the Excel host and the .xlsx writer.
 *
 * Rows are matched by `id`. The add-in columns are refreshed every run; the planner columns
 * (status, notitie, contactpersoon, besparing_eur and every column the planner added) are carried
 * over exactly. Two writes touch `status`, as werkboek.md asks: a new pair gets `nieuw`, and a pair
 * that no longer qualifies but carries planner input gets `vervallen`. The status it had then is
 * kept in `vorige_status` and comes back when the pair qualifies again, so even that is not lost.
 */
import type { CellValue, Meekoppelkans, RawTable, Werk } from '../types';
import { cellToText, isEmptyCell } from './cells';
import { MEEKOPPELKANS_ADDIN_COLUMNS, MEEKOPPELKANS_PLANNER_COLUMNS, VORIGE_STATUS_COLUMN } from './columns';
import { dayToIso } from './dates';
import { normaliseHeader } from './headers';

/** A number format by meaning; `EXCEL_NUMBER_FORMATS` gives the Excel code. */
export type ColumnFormat = 'general' | 'text' | 'date' | 'decimal2' | 'integer' | 'euro';

/** Excel number format codes, as office-js `numberFormat` takes them. */
export const EXCEL_NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = Object.freeze({
  general: 'General',
  text: '@',
  date: 'yyyy-mm-dd',
  decimal2: '0.00',
  integer: '0',
  euro: '#,##0',
});

/** What a merge did, by rows, for the task pane to show. */
export interface MeekoppelkansenChanges {
  /** new pairs, written with status `nieuw` */
  added: number;
  /** existing pairs whose add-in cells changed */
  updated: number;
  /** existing pairs, add-in cells as they were */
  unchanged: number;
  /** pairs that no longer qualify, kept for their planner input, now `vervallen` */
  vervallen: number;
  /** pairs that no longer qualify and had no planner input: rows removed */
  removed: number;
  /** rows without an id, or repeating an earlier id: left exactly as they were */
  kept: number;
}

/** Options of `mergeMeekoppelkansen`. */
export interface MergeOptions {
  /** ids of pairs whose row carries a planner's comment (a note or threaded comment): that is planner input too */
  metOpmerking?: ReadonlySet<string>;
}

/** The full content of the Meekoppelkansen table after a run. */
export interface MeekoppelkansenTable {
  headers: string[];
  rows: CellValue[][];
  /** per column, aligned with `headers`: the format to set, or null to leave the planner's own */
  formats: (ColumnFormat | null)[];
  changes: MeekoppelkansenChanges;
}

type AddinColumn = (typeof MEEKOPPELKANS_ADDIN_COLUMNS)[number];
const ADDIN_FORMATS: Partial<Record<string, ColumnFormat>> = { overlap: 'decimal2', tussentijd_dagen: 'integer' };
const CANONICAL = [...MEEKOPPELKANS_ADDIN_COLUMNS, ...MEEKOPPELKANS_PLANNER_COLUMNS, VORIGE_STATUS_COLUMN];
const ADDIN = new Set<string>([...MEEKOPPELKANS_ADDIN_COLUMNS, VORIGE_STATUS_COLUMN]);

/** One column of the merged table: where it came from and what it is. */
interface Slot {
  header: string;
  /** canonical name, or undefined for a column the planner added */
  name?: string;
  /** its index in the existing table, or undefined for a new column */
  from?: number;
}

// existing headers in their order (the first header per canonical name claims it), then missing ones
function layout(existing: RawTable | undefined): Slot[] {
  const slots: Slot[] = [];
  const claimed = new Set<string>();
  existing?.headers.forEach((header, from) => {
    const key = normaliseHeader(header ?? '');
    const name = CANONICAL.find((c) => normaliseHeader(c) === key);
    if (name !== undefined && !claimed.has(name)) {
      claimed.add(name);
      slots.push({ header, name, from });
    } else {
      slots.push({ header: header ?? '', from });
    }
  });
  for (const name of CANONICAL) if (!claimed.has(name)) slots.push({ header: name, name });
  return slots;
}

const statusOf = (value: CellValue | undefined): string => {
  const text = cellToText(value ?? null);
  return text.ok ? text.value.toLowerCase().replace(/\s+/g, ' ') : '';
};

/** the add-in cells of a pair, by column */
function addinCells(pair: Meekoppelkans, werken: ReadonlyMap<string, Werk>): Record<AddinColumn, CellValue> {
  const werk = (id: string): Werk => {
    const found = werken.get(id);
    if (!found) throw new Error(`mergeMeekoppelkansen: werk "${id}" of ${pair.id} is not in werken; pass the works the pairs were found in.`);
    return found;
  };
  const a = werk(pair.werkA);
  const b = werk(pair.werkB);
  return {
    id: pair.id,
    werk_a: pair.werkA,
    werk_b: pair.werkB,
    categorie_a: pair.categorieA,
    categorie_b: pair.categorieB,
    overlap: pair.overlap,
    eenheid: pair.eenheid,
    tussentijd_dagen: pair.tussentijdDagen,
    buurten: pair.buurten.join(' '),
    eigenaar_a: a.eigenaar,
    eigenaar_b: b.eigenaar,
    titel_a: a.titel,
    titel_b: b.titel,
    periode: periode(a, b),
  };
}

/**
 * The joint period of two works as text, earliest start to latest eind, ISO dates joined by an
 * en dash: one cell that reads as a period and sorts as text.
 *
 * @example
 * periode(werkA, werkB); // '2027-03-01 – 2029-12-31'
 */
export function periode(a: Pick<Werk, 'start' | 'eind'>, b: Pick<Werk, 'start' | 'eind'>): string {
  return `${dayToIso(Math.min(a.start, b.start))} – ${dayToIso(Math.max(a.eind, b.eind))}`;
}

const sameCell = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  const ta = cellToText(a ?? null);
  const tb = cellToText(b ?? null);
  return ta.ok && tb.ok ? ta.value === tb.value : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
};

/**
 * Merges this run's pairs into the existing Meekoppelkansen table (undefined when there is none).
 * Existing rows keep their order; new pairs follow, sorted by id. A pair that no longer qualifies
 * keeps its row with status `vervallen` when a planner cell (other than status `nieuw`) is filled,
 * or its id is in `opts.metOpmerking` (its row carries a comment), and is removed otherwise.
 * Throws when a pair names a work that is not in `werken`.
 *
 * @example
 * const table = mergeMeekoppelkansen(raw.meekoppelkansen, pairs, werkboek.werken);
 * table.changes; // { added: 3, updated: 1, unchanged: 4, vervallen: 1, removed: 0, kept: 0 }
 * mergeMeekoppelkansen(raw.meekoppelkansen, [], werkboek.werken, { metOpmerking: new Set(['MK-W1-W2']) });
 */
export function mergeMeekoppelkansen(
  existing: RawTable | undefined,
  pairs: readonly Meekoppelkans[],
  werken: readonly Werk[],
  opts: MergeOptions = {},
): MeekoppelkansenTable {
  const slots = layout(existing);
  const byId = new Map(werken.map((w) => [w.id, w]));
  const fresh = new Map(pairs.map((p) => [p.id, addinCells(p, byId)]));
  const changes: MeekoppelkansenChanges = { added: 0, updated: 0, unchanged: 0, vervallen: 0, removed: 0, kept: 0 };
  const rows: CellValue[][] = [];
  const idCol = slots.find((s) => s.name === 'id')?.from;
  const seen = new Set<string>();

  for (const old of existing?.rows ?? []) {
    const id = cellToText(idCol === undefined ? null : (old[idCol] ?? null));
    const key = id.ok ? id.value : '';
    const carried = slots.map((s) => (s.from === undefined ? null : (old[s.from] ?? null)));
    if (key === '' || seen.has(key)) {
      // not ours to judge: a planner's own row, or a copy of one; left exactly as it was
      if (!carried.every((c) => isEmptyCell(c))) {
        rows.push(carried);
        changes.kept++;
      }
      continue;
    }
    seen.add(key);
    const cells = fresh.get(key);
    const commented = opts.metOpmerking?.has(key) ?? false;
    const row = cells ? refresh(slots, carried, cells, changes) : expire(slots, carried, changes, commented);
    if (row) rows.push(row);
  }
  const added = pairs.filter((p) => !seen.has(p.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const pair of added) {
    const cells = fresh.get(pair.id) as Record<string, CellValue>;
    rows.push(slots.map((s) => (s.name === 'status' ? 'nieuw' : s.name && ADDIN.has(s.name) ? (cells[s.name] ?? null) : null)));
    changes.added++;
  }
  const formats = slots.map((s): ColumnFormat | null => {
    if (s.name === undefined || !ADDIN.has(s.name)) return s.name === 'besparing_eur' && s.from === undefined ? 'euro' : null;
    return ADDIN_FORMATS[s.name] ?? 'text';
  });
  return { headers: slots.map((s) => s.header), rows, formats, changes };
}

// a pair that still qualifies: add-in cells refreshed, a status the add-in set to vervallen restored
function refresh(slots: Slot[], carried: CellValue[], cells: Record<string, CellValue>, changes: MeekoppelkansenChanges): CellValue[] {
  const row = [...carried];
  let changed = false;
  const status = slots.findIndex((s) => s.name === 'status');
  const vorige = slots.findIndex((s) => s.name === VORIGE_STATUS_COLUMN);
  if (statusOf(row[status]) === 'vervallen' && !isEmptyCell(row[vorige])) {
    row[status] = row[vorige];
    changed = true;
  }
  slots.forEach((s, j) => {
    if (s.name === undefined || !ADDIN.has(s.name)) return;
    const value = s.name === VORIGE_STATUS_COLUMN ? null : (cells[s.name] ?? null);
    if (!sameCell(row[j], value)) changed = true;
    row[j] = value;
  });
  if (changed) changes.updated++;
  else changes.unchanged++;
  return row;
}

// a pair that no longer qualifies: vervallen when it carries planner input (a comment counts), else gone
function expire(slots: Slot[], carried: CellValue[], changes: MeekoppelkansenChanges, commented: boolean): CellValue[] | undefined {
  const status = slots.findIndex((s) => s.name === 'status');
  const vorige = slots.findIndex((s) => s.name === VORIGE_STATUS_COLUMN);
  // a vervallen the add-in set stands for the status it parked in vorige_status
  const parked = statusOf(carried[status]) === 'vervallen' && !isEmptyCell(carried[vorige]);
  const planned = parked ? carried[vorige] : carried[status];
  const input = commented || slots.some((s, j) => {
    if (s.name !== undefined && ADDIN.has(s.name)) return false;
    return j === status ? !isEmptyCell(planned) && statusOf(planned) !== 'nieuw' : !isEmptyCell(carried[j]);
  });
  if (!input) {
    changes.removed++;
    return undefined;
  }
  if (statusOf(carried[status]) === 'vervallen') {
    changes.unchanged++;
    return carried;
  }
  const row = [...carried];
  row[vorige] = carried[status];
  row[status] = 'vervallen';
  changes.vervallen++;
  return row;
}
