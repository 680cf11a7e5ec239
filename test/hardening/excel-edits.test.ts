/**
 * Nothing is lost (issue 8): random sequences of planner edits in the fake Excel, interleaved with
 * full re-analyses (read, analyse, write back). After every step every value the planner typed is
 * where they typed it, and an analysis changes nothing but the add-in's own tables and the
 * meekoppelkansen column of Werken.
 */
import fc from 'fast-check';
import type { Scalar } from '../fake-office/grid';
import { MK_EIGEN, MK_PLANNER, PERIODEN, PLEKKEN, PlannerOracle, WERKEN_EIGEN } from '../excel/planner-oracle';

const tekst = fc.constantFrom('samen graven in 2027', 'bel Stedin', '0012', '=SOM(A1:A3)', ' spaties ', 'Café Noël', '€ 12.500,50', '<b>vet</b>', 'x');
const waarde = fc.oneof(tekst, fc.integer({ min: 1, max: 250_000 }), fc.constant(null));
const status = fc.constantFrom(null, 'nieuw', 'in overleg', 'afgesproken', 'verzilverd', 'bewust niet gekoppeld', 'vervallen');

type Stap =
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

const row = fc.nat({ max: 50 });
const stap: fc.Arbitrary<Stap> = fc.oneof(
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

async function apply(p: PlannerOracle, s: Stap): Promise<void> {
  switch (s.kind) {
    case 'analyse': {
      const before = p.plannerView();
      await p.analyse();
      // the analysis touched nothing of the planner's: every other sheet and every other cell of Werken
      expect(p.plannerView()).toEqual(before);
      p.checkWerkenColumn();
      return;
    }
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

const totals = { runs: 0, edits: 0, analyses: 0, seen: { vervallen: 0, terugGekomen: 0, werkWeg: 0, werkTerug: 0, eigenKolom: 0 } };

describe('planner edits interleaved with re-analysis in Excel', () => {
  afterAll(() => {
    // the figures for the README's Betrouwbaarheid section
    console.log(`excel-edits: ${totals.runs} runs, ${totals.edits} planner edits replayed, ${totals.analyses} analyses, paths ${JSON.stringify(totals.seen)}`);
  });

  it('never change or drop a value the planner typed, and an analysis changes only the add-in\'s tables and column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stap, { minLength: 10, maxLength: 40, size: 'max' }), async (stappen) => {
        const p = new PlannerOracle();
        try {
          for (const s of [{ kind: 'analyse' } as Stap, ...stappen, { kind: 'analyse' } as Stap]) {
            await apply(p, s);
            p.check();
          }
        } finally {
          p.close();
          totals.runs++;
          totals.edits += p.edits;
          totals.analyses += p.analyses;
          for (const k of Object.keys(p.seen) as (keyof typeof p.seen)[]) totals.seen[k] += p.seen[k];
        }
      }),
      { seed: 20260501, numRuns: 300 },
    );
    // every path the rule is about was taken, many times
    expect(totals.edits).toBeGreaterThan(1000);
    for (const count of Object.values(totals.seen)) expect(count).toBeGreaterThan(20);
  }, 300_000);
});
