/**
 * Every melding about a geometry cell in the bad-input corpus says how to fix it, also the ones
 * that core/geometry writes (a ring closed for the planner, heights dropped, too few points).
 */
import { readWerkboek } from '../../src/core/werkboek';
import { GEOMETRY_COLUMN, HOW_TO_FIX, load, werkboeken } from './bad-input/load';

describe.each(werkboeken)('geometry meldingen of bad-input werkboek %s', (name) => {
  it('say how to fix the geometry cell', () => {
    const problems = readWerkboek(load(name).raw).problems.filter((p) => GEOMETRY_COLUMN.test(p.kolom));
    expect(problems.filter((p) => !HOW_TO_FIX.test(p.melding)).map((p) => p.melding)).toEqual([]);
  });
});
