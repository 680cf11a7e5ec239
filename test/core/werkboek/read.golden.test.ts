/**
 * Golden case: a messy werkboek built from the Utrecht data (test/fixtures/werkboek/<case>/in.json)
 * against what it must read as (out.json). Regenerate with REGEN=1 after a deliberate change.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controleRows, readWerkboek } from '../../../src/core/werkboek/read';
import { dayToIso } from '../../../src/core/werkboek/dates';
import type { RawWerkboek } from '../../../src/core/types';

const DIR = join(__dirname, '../../fixtures/werkboek');

function summary(raw: RawWerkboek) {
  const wb = readWerkboek(raw);
  return {
    werken: wb.werken.map((w) => ({
      id: w.id, categorie: w.categorie, eigenaar: w.eigenaar, start: dayToIso(w.start), eind: dayToIso(w.eind),
      kind: w.geometry.kind, bufferM: w.bufferM ?? null, rij: w.rij, extra: w.extra,
    })),
    buurten: wb.buurten.map((b) => ({ code: b.code, naam: b.naam, kind: b.geometry.kind, values: b.values })),
    koppelkansen: wb.koppelkansen.map((k) => ({ id: k.id, buurtcode: k.buurtcode ?? null, thema: k.thema })),
    regels: wb.regels,
    controle: controleRows(wb.problems),
  };
}

describe.each(readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'in.json'))))('golden werkboek %s', (name) => {
  it('reads as recorded in out.json', () => {
    const raw = JSON.parse(readFileSync(join(DIR, name, 'in.json'), 'utf8')) as RawWerkboek;
    const got = summary(raw);
    const outPath = join(DIR, name, 'out.json');
    if (process.env.REGEN) writeFileSync(outPath, JSON.stringify(got, null, 1) + '\n');
    expect(got).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
  });
});
