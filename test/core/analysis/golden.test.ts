import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../../src/core/analysis/analyse';
import { loadEngineCases, type ExpectedPair } from '../../fixtures/engine/load';

// REGEN=1 rewrites expected.json from the engine (review the diff; the PostGIS test checks them too)
const regen = process.env.REGEN === '1';

describe.each(loadEngineCases().map((c) => [c.name, c] as const))('golden case %s', (name, c) => {
  it(c.description, () => {
    const got: ExpectedPair[] = analyse(c.werken, [], c.regels).map((m) => ({
      werkA: m.werkA, werkB: m.werkB, overlap: m.overlap, eenheid: m.eenheid, tussentijdDagen: m.tussentijdDagen,
    }));
    if (regen) writeFileSync(join(__dirname, '../../fixtures/engine', name, 'expected.json'), `${JSON.stringify(got, null, 1)}\n`);
    expect(got).toEqual(c.expected);
  });
});
