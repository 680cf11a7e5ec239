/**
 * Nothing is lost (issue 8): random sequences of planner edits in the fake Excel, interleaved with
 * full re-analyses (read, analyse, write back). After every step every value the planner typed is
 * where they typed it, and an analysis changes nothing but the add-in's own tables and the
 * meekoppelkansen column of Werken.
 */
import fc from 'fast-check';
import { PlannerOracle } from '../excel/planner-oracle';
import { applyEdit, stap, type Stap } from './planner-edits';

async function apply(p: PlannerOracle, s: Stap): Promise<void> {
  if (s.kind !== 'analyse') return applyEdit(p, s);
  const before = p.plannerView();
  await p.analyse();
  // the analysis touched nothing of the planner's: every other sheet and every other cell of Werken
  expect(p.plannerView()).toEqual(before);
  p.checkWerkenColumn();
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
