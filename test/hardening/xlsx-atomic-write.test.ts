/**
 * A write is atomic (issue 8): the compiled CLI writes into a temporary file beside the target and
 * renames it. A failure midway (the disk full: a file-size limit set with `ulimit -f`, which holds
 * for root too; or a rename that cannot happen) leaves the input workbook byte for byte as it was
 * and no temporary file behind.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCli } from '../file/helpers';

const DEMO = join(__dirname, '..', '..', 'assets', 'koppelkaart-demo-utrecht.xlsx');
/** far below the written workbook (the demo is ~137 KB): the write fails after its first blocks */
const LIMIT_KB = 48;

let bin: string;
let dir: string;
let plan: string;
let original: Buffer;

beforeAll(() => { bin = compiledCli(); }, 180_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kk-atomic-'));
  plan = join(dir, 'plan.xlsx');
  copyFileSync(DEMO, plan);
  original = readFileSync(plan);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** runs the CLI in the temp dir, with a file-size limit when given */
function cli(args: string[], limitKb?: number): { code: number | null; stderr: string } {
  const quoted = [bin, ...args].map((a) => `'${a}'`).join(' ');
  const script = `${limitKb ? `ulimit -f ${limitKb}; ` : ''}exec '${process.execPath}' ${quoted}`;
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('writing a workbook', () => {
  it('replaces the workbook in place when all goes well, leaving no temporary file', () => {
    const r = cli(['analyse', plan, '-o', plan]);
    expect(r.code).toBe(0);
    expect(readFileSync(plan).equals(original)).toBe(false);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('leaves the input untouched when the disk fills up halfway through analyse -o on the same file', () => {
    const r = cli(['analyse', plan, '-o', plan], LIMIT_KB);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Fout: EFBIG/);
    expect(readFileSync(plan).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('leaves the workbook untouched when the disk fills up halfway through an import in place', () => {
    const csv = join(dir, 'werken.csv');
    writeFileSync(csv, 'id;categorie;eigenaar;titel;start;eind;geometrie\r\nX1;gas;Stedin;Gasleiding;2027-01-01;2027-06-30;LINESTRING(136600 455600, 136700 455700)\r\n');
    const r = cli(['import-werken', plan, csv], LIMIT_KB);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Fout: EFBIG/);
    expect(readFileSync(plan).equals(original)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['plan.xlsx', 'werken.csv']);
  });

  it('leaves what is at the output path and removes its temporary file when the final rename fails', () => {
    const target = join(dir, 'uit.xlsx');
    mkdirSync(target);
    writeFileSync(join(target, 'eigen.txt'), 'van de planner');
    const r = cli(['analyse', plan, '-o', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Fout: E(ISDIR|NOTEMPTY|EXIST)/);
    expect(readdirSync(target)).toEqual(['eigen.txt']);
    expect(readdirSync(dir).sort()).toEqual(['plan.xlsx', 'uit.xlsx']);
    expect(readFileSync(plan).equals(original)).toBe(true);
  });
});
