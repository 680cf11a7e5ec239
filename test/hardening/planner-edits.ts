/**
 * The planner's edits of the nothing-is-lost property tests (issue 8), shared by the Excel fake
 * (excel-edits.test.ts) and the .xlsx file (xlsx-edits.test.ts): the seeded step generator and
 * one way to replay a step on any planner that has hands for it.
 */
import fc from 'fast-check';
import type { Scalar } from '../fake-office/grid';
import { MK_EIGEN, MK_PLANNER, PERIODEN, PLEKKEN, WERKEN_EIGEN } from '../excel/planner-oracle';

const tekst = fc.constantFrom('samen graven in 2027', 'bel Stedin', '0012', '=SOM(A1:A3)', ' spaties ', 'Café Noël', '€ 12.500,50', '<b>vet</b>', 'x');
export const waarde = fc.oneof(tekst, fc.integer({ min: 1, max: 250_000 }), fc.constant(null));
const status = fc.constantFrom(null, 'nieuw', 'in overleg', 'afgesproken', 'verzilverd', 'bewust niet gekoppeld', 'vervallen');

/** one step of a planner's session: an analysis or an edit */
export type Stap =
  | { kind: 'analyse' }
  | { kind: 'mk'; row: number; header: string; value: Scalar | null }
  | { kind: 'werk'; row: number; header: string; value: Scalar | null }
  | { kind: 'plek'; row: number; plek: number | 'thuis' }
  | { kind: 'periode'; row: number; periode: number | 'thuis' }
  | { kind: 'thuis' }
  | { kind: 'kolom'; table: 'Werken' | 'Meekoppelkansen' }
  | { kind: 'weg'; row: number }
  | { kind: 'terug'; which: number }
  | { kind: 'notitie'; address: string; value: Scalar | null };

export type Bewerking = Exclude<Stap, { kind: 'analyse' }>;

/** a row of a table, taken modulo its length */
export const row = fc.nat({ max: 50 });
export const stap: fc.Arbitrary<Stap> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'analyse' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('mk' as const), row, header: fc.constant('status'), value: status }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('mk' as const), row, header: fc.constantFrom(...MK_PLANNER.slice(1), MK_EIGEN), value: waarde }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('werk' as const), row, header: fc.constantFrom('titel', 'status', 'contact', 'budget', WERKEN_EIGEN), value: waarde }) },
  // a work moves somewhere, or back home (so its pairs vanish and come back)
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('plek' as const), row, plek: fc.oneof(fc.nat({ max: PLEKKEN.length - 1 }), fc.constant('thuis' as const)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('periode' as const), row, periode: fc.oneof(fc.nat({ max: PERIODEN.length - 1 }), fc.constant('thuis' as const)) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'thuis' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kolom' as const), table: fc.constantFrom('Werken' as const, 'Meekoppelkansen' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weg' as const), row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('terug' as const), which: row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('notitie' as const), address: fc.constantFrom('A1', 'B1', 'C3', 'D7'), value: waarde }) },
);

/** what a planner must be able to do for the steps to be replayed on it */
export interface Planner {
  /** the planner's Werken headers (the add-in's column left out) */
  readonly werkenKoppen: string[];
  typeMk(row: number, header: string, value: Scalar | null): void;
  typeWerk(row: number, header: string, value: Scalar | null): void;
  /** where and when the work at `row` started out */
  thuis(row: number): { plek: Scalar; periode: readonly [Scalar, Scalar] };
  terugNaarHuis(): void;
  addColumn(table: 'Werken' | 'Meekoppelkansen'): void | Promise<void>;
  deleteWerk(row: number): void | Promise<void>;
  readdWerk(which: number): void | Promise<void>;
  typeNotitie(address: string, value: Scalar | null): void;
}

/** replays one edit; an edit that does not apply (a column not there yet, no rows) is skipped by the planner */
export async function applyEdit(p: Planner, s: Bewerking): Promise<void> {
  switch (s.kind) {
    case 'mk': return p.typeMk(s.row, s.header, s.value);
    case 'werk': return p.werkenKoppen.includes(s.header) ? p.typeWerk(s.row, s.header, s.value) : undefined;
    case 'plek': return p.typeWerk(s.row, 'geometrie', s.plek === 'thuis' ? p.thuis(s.row).plek : PLEKKEN[s.plek]);
    case 'periode': {
      const [start, eind] = s.periode === 'thuis' ? p.thuis(s.row).periode : PERIODEN[s.periode];
      p.typeWerk(s.row, 'start', start);
      return p.typeWerk(s.row, 'eind', eind);
    }
    case 'thuis': return p.terugNaarHuis();
    case 'kolom': return p.addColumn(s.table);
    case 'weg': return p.deleteWerk(s.row);
    case 'terug': return p.readdWerk(s.which);
    case 'notitie': return p.typeNotitie(s.address, s.value);
  }
}
