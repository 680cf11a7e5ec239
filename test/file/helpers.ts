/**
 * Test helpers for the file adapter: real LibreOffice exports and zip part listings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';

/** LibreOffice's CSV filter: comma, double quote, UTF-8, cells as shown (so number formats count), every sheet to its own file */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/**
 * Opens the bytes in real LibreOffice (headless) and returns every sheet as CSV rows, by sheet name.
 * Throws with LibreOffice's own output when it could not convert the file.
 */
export function libreOfficeSheets(bytes: Uint8Array, fileName = 'werkboek.xlsx'): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-lo-'));
  try {
    const input = join(dir, fileName);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    const log = execFileSync('libreoffice', ['--headless', '--convert-to', CSV_FILTER, '--outdir', out, input], {
      env: { ...process.env, HOME: join(dir, 'home') }, timeout: 180_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = fileName.replace(/\.xlsx$/, '');
    const sheets: Record<string, string[][]> = {};
    for (const file of readdirSync(out)) {
      const name = file.slice(base.length + 1, -'.csv'.length);
      sheets[name] = Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), { skipEmptyLines: true }).data;
    }
    if (Object.keys(sheets).length === 0) throw new Error(`LibreOffice wrote no sheets: ${log}`);
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** every part of the zip, as bytes */
export async function zipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) parts.set(path, await file.async('uint8array'));
  return parts;
}

/** one part as text */
export async function zipText(bytes: Uint8Array, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async('string');
}

/**
 * Converts a file with real LibreOffice (headless, its own HOME) and returns the converted bytes,
 * e.g. a Flat ODS fixture to .xlsx, or an .xlsx to .fods to see what LibreOffice makes of it.
 */
export function libreOfficeConvert(bytes: Uint8Array, fileName: string, format: 'xlsx' | 'fods'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'kk-lo-'));
  try {
    writeFileSync(join(dir, fileName), bytes);
    const out = join(dir, 'out');
    const log = execFileSync('libreoffice', ['--headless', '--convert-to', format, '--outdir', out, join(dir, fileName)], {
      env: { ...process.env, HOME: join(dir, 'home') }, timeout: 180_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    const made = readdirSync(out);
    if (made.length !== 1) throw new Error(`LibreOffice made ${made.length} files: ${log}`);
    return new Uint8Array(readFileSync(join(out, made[0])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROOT = join(__dirname, '..', '..');

/** compiles src/core, src/file and src/cli into dist/cli when that is older than the sources; returns bin/koppelkaart.js */
export function compiledCli(): string {
  const main = join(ROOT, 'dist', 'cli', 'cli', 'main.js');
  const sources = Math.max(...['core', 'file', 'cli'].map((d) => newest(join(ROOT, 'src', d))));
  if (!existsSync(main) || statSync(main).mtimeMs < sources) {
    // type errors elsewhere in the tree (others' work in progress) still emit; only a missing build fails
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
    if (!existsSync(main)) throw new Error('tsc -p tsconfig.cli.json made no dist/cli/cli/main.js');
  }
  return join(ROOT, 'bin', 'koppelkaart.js');
}

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}
