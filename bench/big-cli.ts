/**
 * `npm run bench:big`: a big workbook through the real CLI and the standalone page (issue 8).
 * Writes a workbook of N generated works (default 100 000, seed 42, bench/generate.ts) with a plain
 * Werken sheet, denser than Utrecht (WORKS_PER_TILE works per copy of the street network instead of
 * 400) so that it holds over 30 000 meekoppelkansen, runs the compiled
 * `koppelkaart analyse big.xlsx -o out.xlsx` under GNU time, then the same again on its own output
 * (the re-analysis that keeps planner columns), and prints wall time, peak memory (max RSS of the
 * CLI process) and the pair count read back from the output. Then opens the same file in the
 * standalone page in headless Chromium (bench/big-page.ts): time to map, longest main-thread
 * stall, peak memory, cancel.
 * Usage: `npm run bench:big -- [N] [--no-page]`. Needs `npm run build:cli` (done by `npm ci`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/file/read-xlsx';
import { generateWerken } from './generate';

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a))) || 100_000;
const SEED = 42;
/** 540 works per copy of Utrecht: 31 150 pairs at 100 000 works (400, Utrecht's own density, gives 23 335) */
const WORKS_PER_TILE = 540;
const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'bin/koppelkaart.js');

// the parties of the demo, so the eigenaar column looks real
const EIGENAAR: Record<string, string> = {
  warmtenet: 'Warmtebedrijf Utrecht', riolering: 'Gemeente Utrecht', groen: 'Gemeente Utrecht',
  elektriciteit: 'Stedin', gas: 'Stedin', drinkwater: 'Vitens', glasvezel: 'KPN',
  herinrichting: 'Gemeente Utrecht', renovatie: 'Bo-Ex',
};

/** Writes the big workbook (N works, seed 42, WORKS_PER_TILE) to `file`. */
export async function writeWorkbook(file: string): Promise<void> {
  const werken = generateWerken(N, SEED, { worksPerTile: WORKS_PER_TILE });
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

async function page(input: string): Promise<void> {
  if (process.argv.includes('--no-page')) return void console.log('page: skipped (--no-page)');
  if (!existsSync(CHROMIUM)) return void console.log(`page: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);
  const { measureBigPage, formatBigPage } = await import('./big-page');
  console.log(`page: load average before ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(formatBigPage(await measureBigPage(input)));
  console.log(`page: load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is missing: apt-get install time');
  if (!existsSync(join(ROOT, 'dist/cli/cli/main.js'))) throw new Error('CLI not built: run npm run build:cli');
  const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-big-'));
  try {
    const input = join(dir, 'big.xlsx');
    const t0 = Date.now();
    await writeWorkbook(input);
    console.log(`${N} works (${WORKS_PER_TILE} per copy of Utrecht) written to ${(statSync(input).size / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s (load ${loadavg()[0].toFixed(1)})`);
    const first = timedCli(['analyse', input, '-o', join(dir, 'uit.xlsx')]);
    const pairs = await pairCount(join(dir, 'uit.xlsx'));
    const again = timedCli(['analyse', join(dir, 'uit.xlsx'), '-o', join(dir, 'uit2.xlsx')]);
    const pairsAgain = await pairCount(join(dir, 'uit2.xlsx'));
    console.log(`| works | run | wall s | peak RSS MB | Meekoppelkansen rows |`);
    console.log(`|---:|---|---:|---:|---:|`);
    console.log(`| ${N} | first analysis | ${first.seconds.toFixed(1)} | ${first.maxRssMb} | ${pairs} |`);
    console.log(`| ${N} | re-analysis of its output | ${again.seconds.toFixed(1)} | ${again.maxRssMb} | ${pairsAgain} |`);
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    await page(input);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((e) => { console.error(e); process.exitCode = 1; });
