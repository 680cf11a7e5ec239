/**
 * `npm run bench:big`: a big workbook through the real CLI, as a planner's batch run would go.
 * Writes a workbook of N generated works (default 100 000, seed 42, bench/generate.ts) with a plain
 * Werken sheet, runs the compiled `koppelkaart analyse big.xlsx -o out.xlsx` under GNU time, then
 * the same again on its own output (the re-analysis that keeps planner columns), and prints wall
 * time, peak memory (max RSS of the CLI process) and the pair count read back from the output.
 * Usage: `npm run bench:big -- [N]`. Needs `npm run build:cli` (done by `npm ci`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/file/read-xlsx';
import { generateWerken } from './generate';

const N = Number(process.argv[2]) || 100_000;
const SEED = 42;
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'bin/koppelkaart.js');

// the parties of the demo, so the eigenaar column looks real
const EIGENAAR: Record<string, string> = {
  warmtenet: 'Warmtebedrijf Utrecht', riolering: 'Gemeente Utrecht', groen: 'Gemeente Utrecht',
  elektriciteit: 'Stedin', gas: 'Stedin', drinkwater: 'Vitens', glasvezel: 'KPN',
  herinrichting: 'Gemeente Utrecht', renovatie: 'Bo-Ex',
};

async function writeWorkbook(file: string): Promise<void> {
  const werken = generateWerken(N, SEED);
  // streaming writer: a 100k-row workbook built in memory would measure exceljs, not us
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Werken');
  ws.addRow(['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'buffer_m']).commit();
  for (const w of werken) {
    ws.addRow([w.id, w.categorie, EIGENAAR[w.categorie] ?? 'Gemeente Utrecht', `${w.categorie} ${w.id}`,
      w.start, w.eind, w.geometrie, w.buffer_m ?? null]).commit();
  }
  ws.commit();
  await wb.commit();
}

interface Run { seconds: number; maxRssMb: number }

function timedCli(args: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--max-old-space-size=4096', CLI, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`koppelkaart ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  // GNU time writes its line last on stderr: seconds, max RSS in KB
  const [seconds, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, maxRssMb: Math.round(kb / 1024) };
}

async function pairCount(file: string): Promise<number> {
  const raw = await readXlsx(readFileSync(file));
  return raw.meekoppelkansen?.rows.length ?? 0;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is missing: apt-get install time');
  if (!existsSync(join(ROOT, 'dist/cli/cli/main.js'))) throw new Error('CLI not built: run npm run build:cli');
  const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-big-'));
  try {
    const input = join(dir, 'big.xlsx');
    const t0 = Date.now();
    await writeWorkbook(input);
    console.log(`${N} works written to ${(statSync(input).size / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s (load ${loadavg()[0].toFixed(1)})`);
    const first = timedCli(['analyse', input, '-o', join(dir, 'uit.xlsx')]);
    const pairs = await pairCount(join(dir, 'uit.xlsx'));
    const again = timedCli(['analyse', join(dir, 'uit.xlsx'), '-o', join(dir, 'uit2.xlsx')]);
    const pairsAgain = await pairCount(join(dir, 'uit2.xlsx'));
    console.log(`| works | run | wall s | peak RSS MB | Meekoppelkansen rows |`);
    console.log(`|---:|---|---:|---:|---:|`);
    console.log(`| ${N} | first analysis | ${first.seconds.toFixed(1)} | ${first.maxRssMb} | ${pairs} |`);
    console.log(`| ${N} | re-analysis of its output | ${again.seconds.toFixed(1)} | ${again.maxRssMb} | ${pairsAgain} |`);
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
