/**
 * Property: whatever a planner types between runs, a re-analysis never changes or drops it.
 * A run may only park a typed status in vorige_status while the pair is vervallen.
 */
import fc from 'fast-check';
import { mergeMeekoppelkansen } from '../../../src/core/werkboek/meekoppelkansen';
import { makeDay } from '../../../src/core/werkboek/dates';
import { MEEKOPPELKANS_STATUSES } from '../../../src/core/werkboek/columns';
import type { CellValue, Meekoppelkans, Werk } from '../../../src/core/types';

const IDS = ['W1', 'W2', 'W3', 'W4', 'W5'];
const WERKEN: Werk[] = IDS.map((id, i) => ({
  id, categorie: `cat${i}`, eigenaar: `e${i}`, titel: `t${i}`, start: makeDay(2027, 1 + i, 1)!, eind: makeDay(2028, 1 + i, 1)!,
  geometry: { crs: 'rd', kind: 'point', points: [[136600 + i, 455670]] }, rij: i + 2, extra: {},
}));
const UNIVERSE: [string, string][] = IDS.flatMap((a, i) => IDS.slice(i + 1).map((b): [string, string] => [a, b]));
const PLANNER = ['status', 'notitie', 'contactpersoon', 'besparing_eur'];
const ADDED = ['prioriteit', 'wie', 'Opmerking intern'];

type Op =
  | { kind: 'merge'; mask: number; overlap: number }
  | { kind: 'type'; row: number; column: string; value: CellValue }
  | { kind: 'clear'; row: number; column: string }
  | { kind: 'addColumn'; name: string }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'deleteRow'; row: number };

const typedValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(...MEEKOPPELKANS_STATUSES, 'Afgesproken ', 'eigen status'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('merge' as const), mask: fc.nat(2 ** UNIVERSE.length - 1), overlap: fc.integer({ min: 30, max: 40 }) }),
  fc.record({ kind: fc.constant('type' as const), row: fc.nat(30), column: fc.constantFrom(...PLANNER, ...ADDED), value: typedValue }),
  fc.record({ kind: fc.constant('clear' as const), row: fc.nat(30), column: fc.constantFrom(...PLANNER, ...ADDED) }),
  fc.record({ kind: fc.constant('addColumn' as const), name: fc.constantFrom(...ADDED) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(30), to: fc.nat(30) }),
  fc.record({ kind: fc.constant('deleteRow' as const), row: fc.nat(30) }),
);

const pairsOf = (mask: number, overlap: number): Meekoppelkans[] =>
  UNIVERSE.filter((_, i) => mask & (1 << i)).map(([a, b]) => ({
    id: `MK-${a}-${b}`, werkA: a, werkB: b, categorieA: 'x', categorieB: 'y', overlap, eenheid: 'm', tussentijdDagen: 0,
    buurten: [], shared: { crs: 'rd', kind: 'point', points: [[0, 0]] },
  }));
const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const isNieuw = (v: CellValue | undefined) => typeof v === 'string' && v.trim().toLowerCase() === 'nieuw';

/** the sheet as the planner sees it, and what they typed last into each cell, by id and header */
interface World {
  headers: string[];
  rows: CellValue[][];
  typed: Map<string, Map<string, CellValue>>;
}

function apply(world: World, o: Op): void {
  const { headers, rows, typed } = world;
  const idOf = (r: CellValue[]) => String(r[headers.indexOf('id')]);
  if (o.kind === 'merge') {
    const raw = { name: 'Meekoppelkansen', sheet: 'M', headerRow: 1, firstColumn: 1, headers: [...headers], rows: rows.map((r) => [...r]), isTable: true };
    const t = mergeMeekoppelkansen(headers.length ? raw : undefined, pairsOf(o.mask, o.overlap), WERKEN);
    world.headers = t.headers;
    world.rows = t.rows;
    check(world, pairsOf(o.mask, o.overlap));
    return;
  }
  if (o.kind === 'addColumn') {
    if (headers.length === 0 || headers.includes(o.name)) return;
    headers.push(o.name);
    rows.forEach((r) => r.push(null));
    return;
  }
  if (o.kind === 'move') {
    if (headers.length === 0) return;
    const from = o.from % headers.length;
    const to = o.to % headers.length;
    headers.splice(to, 0, ...headers.splice(from, 1));
    rows.forEach((r) => r.splice(to, 0, ...r.splice(from, 1)));
    return;
  }
  if (rows.length === 0) return;
  const row = rows[o.row % rows.length];
  const id = idOf(row);
  if (o.kind === 'deleteRow') {
    rows.splice(rows.indexOf(row), 1);
    typed.delete(id);
    return;
  }
  const j = headers.indexOf(o.column);
  if (j < 0) return;
  const cells = typed.get(id) ?? new Map<string, CellValue>();
  typed.set(id, cells);
  if (o.kind === 'clear') {
    row[j] = null;
    cells.delete(o.column);
  } else if (!Object.is(row[j], o.value)) {
    // typing the value a cell already shows is no edit
    row[j] = o.value;
    cells.set(o.column, o.value);
  }
}

// every value the planner typed into a row that carries input is still where they put it
function check(world: World, pairs: Meekoppelkans[]): void {
  const { headers, rows, typed } = world;
  const at = (name: string) => headers.indexOf(name);
  for (const p of pairs) expect(rows.filter((r) => r[at('id')] === p.id)).toHaveLength(1);
  // and a row of a pair that no longer qualifies stays only for its planner input, as vervallen
  const current = new Set(pairs.map((p) => p.id));
  const hasInput = (id: string) => [...(typed.get(id) ?? [])].some(([c, v]) => !isEmpty(v) && !(c === 'status' && isNieuw(v)));
  for (const r of rows.filter((r) => !current.has(String(r[at('id')])))) {
    expect(r[at('status')]).toBe('vervallen');
    expect(hasInput(String(r[at('id')]))).toBe(true);
  }
  for (const [id, cells] of typed) {
    const row = rows.find((r) => r[at('id')] === id);
    if (!hasInput(id)) {
      if (!row) typed.delete(id);
      continue;
    }
    expect(row).toBeDefined();
    for (const [column, value] of cells) {
      const cell = row![at(column)];
      if (column === 'status' && !Object.is(cell, value)) {
        expect([cell, row![at('vorige_status')]]).toEqual(['vervallen', value]);
      } else {
        expect(cell).toEqual(value);
        expect(typeof cell).toBe(typeof value);
      }
    }
  }
}

describe('re-analysis and planner edits', () => {
  it('never change or drop a value the planner typed, and keep no stale row without one', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.nat(2 ** UNIVERSE.length - 1), (ops, firstMask) => {
        const world: World = { headers: [], rows: [], typed: new Map() };
        apply(world, { kind: 'merge', mask: firstMask, overlap: 30 });
        for (const o of ops) apply(world, o);
        apply(world, { kind: 'merge', mask: 0, overlap: 30 });
        apply(world, { kind: 'merge', mask: 2 ** UNIVERSE.length - 1, overlap: 31 });
      }),
      { numRuns: 500 },
    );
  });
});
