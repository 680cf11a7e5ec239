/**
 * The compiled CLI on a run big enough for worker threads: the threads load from dist/cli and
 * answer what the engine answers in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateWerken } from '../../bench/generate';
import { analyse } from '../../src/core/analysis/analyse';
import { DEFAULT_REGELS } from '../../src/core/types';
import { toWerken } from '../fixtures/engine/load';
import { compiledCli } from '../file/helpers';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'koppelkaart.js');

let dir: string;
beforeAll(() => {
  compiledCli();
  dir = mkdtempSync(join(tmpdir(), 'kk-cli-par-'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('koppelkaart analyse on 20,000 works', () => {
  it('uses the threads it is given and finds the same pairs as the engine in-process', () => {
    const gen = generateWerken(20000, 3);
    const csv = join(dir, 'werken.csv');
    writeFileSync(csv, Papa.unparse(gen.map((w) => ({ id: w.id, categorie: w.categorie, start: w.start, eind: w.eind, geometrie: w.geometrie }))));
    const out = join(dir, 'uit.csv');
    const r = spawnSync(process.execPath, [BIN, 'analyse', csv, '-o', out, '--threads', '3'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toContain('viel uit');
    expect(r.status).toBe(0);
    const expected = analyse(toWerken(gen), [], DEFAULT_REGELS);
    expect(r.stderr).toContain(`20000 werken gelezen, ${expected.length} meekoppelkansen gevonden (op 3 processorkernen).`);
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((row) => [row[0], row[5]])).toEqual(expected.map((p) => [p.id, String(p.overlap)]));
  }, 120_000);

  it('refuses a thread count that is not a whole number of one or more', () => {
    const r = spawnSync(process.execPath, [BIN, 'analyse', 'x.csv', '--threads', '0'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--threads '0' is geen geheel getal van 1 of meer.");
  });
});
