/**
 * Where imported values go in the planner's table: its own header order, the geometry split over
 * `geometrie`, `geometrie_2`, ... and source columns matched to the table's own columns by name.
 */
import type { CellValue, RawTable } from '../types';
import type { TableDef } from '../werkboek/columns';
import { geometryColumnHeaders, splitGeometryText } from '../werkboek/geometrie-tekst';
import { mapHeaders, normaliseHeader } from '../werkboek/headers';

/** What one column of the target table receives. */
type Slot = { kind: 'field'; name: string } | { kind: 'part'; index: number } | { kind: 'extra'; key: string } | { kind: 'none' };

/** The target table's columns after the import, and what each receives. */
export interface TargetLayout {
  /** the full header row: the table's own headers first, in order, then the columns the import adds */
  headers: string[];
  /** headers the import adds to the right of the table */
  added: string[];
  /** source columns that have no column in the table and are left out */
  dropped: string[];
  slots: Slot[];
}

/** How to lay out the rows. */
export interface LayoutRequest {
  /** the planner's table as read, or undefined when there is none (a new table gets `standard`) */
  target: RawTable | undefined;
  def: TableDef;
  /** the header row of a new table */
  standard: readonly string[];
  /** source columns that are no field of `def`, by header as typed */
  extras: readonly string[];
  /** add `extras` the table lacks as new columns (true) or leave them out (false) */
  addExtras: boolean;
  /** the most cells one geometry needs (1 when none is longer than a cell) */
  geometryParts: number;
  /** known columns the import has values for: added when the table lacks them */
  wanted?: readonly string[];
}

/**
 * Decides the columns: the table's own, plus continuation columns for long geometries and,
 * when asked, the source's other columns.
 *
 * @example
 * targetLayout({ target: undefined, def: TABLES.Buurten, standard: ['buurtcode', 'geometrie'], extras: ['inwoners'], addExtras: true, geometryParts: 2 }).headers;
 * // ['buurtcode', 'geometrie', 'geometrie_2', 'inwoners']
 */
export function targetLayout(req: LayoutRequest): TargetLayout {
  const base = req.target ? [...req.target.headers] : [...req.standard];
  const map = mapHeaders({ name: req.def.name, sheet: '', headerRow: 1, firstColumn: 1, headers: base, rows: [], isTable: true }, req.def);
  const slots: Slot[] = base.map(() => ({ kind: 'none' }));
  for (const [name, col] of map.index) slots[col] = { kind: 'field', name };
  map.geometryParts.forEach((col, i) => { if (col !== undefined) slots[col] = { kind: 'part', index: i + 1 }; });
  const geometryCol = map.index.get('geometrie');
  if (geometryCol !== undefined) slots[geometryCol] = { kind: 'part', index: 0 };
  const added: string[] = [];
  const have = new Set(slots.filter((s) => s.kind === 'part').map((s) => (s as { index: number }).index));
  geometryColumnHeaders(req.geometryParts).forEach((h, i) => {
    if (have.has(i)) return;
    added.push(h);
    slots.push({ kind: 'part', index: i });
  });
  for (const name of req.wanted ?? []) {
    if (map.index.has(name)) continue;
    added.push(name);
    slots.push({ kind: 'field', name });
  }
  const dropped: string[] = [];
  for (const extra of req.extras) {
    const key = normaliseHeader(extra);
    const col = [...base, ...added].findIndex((h) => normaliseHeader(h) === key);
    if (col >= 0 && slots[col].kind === 'none') slots[col] = { kind: 'extra', key };
    else if (col < 0 && req.addExtras) {
      added.push(extra);
      slots.push({ kind: 'extra', key });
    } else if (col < 0) dropped.push(extra);
  }
  return { headers: [...base, ...added], added, dropped, slots };
}

/** One imported row before it is placed. */
export interface ImportedRow {
  /** values of the table's known columns, by canonical name */
  fields: Readonly<Record<string, CellValue>>;
  /** the geometry text (split over the geometry columns) */
  geometry: string;
  /** the source's other columns, by header as typed */
  extras: Readonly<Record<string, CellValue>>;
}

/**
 * The row's cells in the layout's column order.
 *
 * @example
 * placeRow(layout, { fields: { buurtcode: 'BU03440111' }, geometry: 'POLYGON(...)', extras: { inwoners: 5120 } });
 */
export function placeRow(layout: TargetLayout, row: ImportedRow): CellValue[] {
  const parts = splitGeometryText(row.geometry);
  const extras = new Map(Object.entries(row.extras).map(([h, v]) => [normaliseHeader(h), v]));
  return layout.slots.map((slot) => {
    if (slot.kind === 'field') return row.fields[slot.name] ?? null;
    if (slot.kind === 'part') return parts[slot.index] ?? null;
    if (slot.kind === 'extra') return extras.get(slot.key) ?? null;
    return null;
  });
}

/**
 * How many cells a geometry text needs.
 *
 * @example
 * geometryCellCount('POINT(1 2)'); // 1
 */
export function geometryCellCount(text: string): number {
  return splitGeometryText(text).length;
}
