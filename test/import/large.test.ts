/**
 * A 50,000-row works list, generated (seeded) into a temp dir as Windows-1252: every row read,
 * the bad ones reported at their own CSV line, the rest written into a workbook and read back.
 * The times are printed for the report, not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/cli/decode';
import { parseCsv } from '../../src/core/import/csv';
import { importWerken } from '../../src/core/import/werken';
import { nieuwWerkboekXlsx } from '../../src/file/nieuw-werkboek';
import { writeImportXlsx } from '../../src/file/import-xlsx';
import { readXlsx } from '../../src/file/read-xlsx';

const ROWS = 50_000;

/** mulberry32: the same rows on every run */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it('imports 50,000 Windows-1252 rows and reports each bad one at its CSV line', async () => {
  const rnd = random(7);
  const lines = ['id;categorie;eigenaar;titel;start;eind;x;y;budget'];
  const bad: number[] = [];
  let line = 1;
  for (let i = 1; i <= ROWS; i++) {
    line++;
    const month = 1 + Math.floor(rnd() * 12);
    const x = (130000 + rnd() * 10000).toFixed(2).replace('.', ',');
    const y = (450000 + rnd() * 10000).toFixed(2).replace('.', ',');
    const broken = i % 997 === 0;
    const titel = i % 5000 === 0 ? '"Herinrichting Poëziestraat\nen Café Brûlé"' : `Straat ${i} é`;
    if (broken) bad.push(line);
    if (titel.includes('\n')) line++;
    lines.push(`W${i};riolering;Gemeente;${titel};1-${month}-2027;${broken ? '31-02-2028' : `28-${month}-2028`};${x};${y};€ ${i},50`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kk-large-'));
  try {
    const path = join(dir, 'werken.csv');
    writeFileSync(path, iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'));
    const t0 = performance.now();
    const { text, encoding } = decodeText(new Uint8Array(readFileSync(path)));
    const csv = parseCsv(text);
    const t1 = performance.now();
    const result = importWerken(csv, undefined, { bron: 'werken.csv' });
    const t2 = performance.now();
    expect(encoding).toBe('windows-1252');
    expect(csv.rows).toHaveLength(ROWS);
    expect(result.append).toHaveLength(ROWS - bad.length);
    const fouten = result.problems.filter((p) => p.ernst === 'fout');
    expect(fouten.map((p) => p.rij)).toEqual(bad);
    expect(fouten.every((p) => p.kolom === 'eind' && p.tabel === 'CSV werken.csv')).toBe(true);
    // W49850 is on line 1 (header) + 49,850 + the 9 quoted newlines above it
    expect(bad[bad.length - 1]).toBe(49_860);
    const out = await writeImportXlsx(await nieuwWerkboekXlsx(), { tables: [{ table: undefined, name: 'Werken', headers: result.headers, remove: [], append: result.append }] });
    const t3 = performance.now();
    const back = await readXlsx(out.bytes);
    expect(back.werken?.rows).toHaveLength(ROWS - bad.length);
    expect(back.werken?.rows.find((r) => r[0] === 'W5000')?.[3]).toBe('Herinrichting Poëziestraat\nen Café Brûlé');
    console.log(`50,000 rows: decode+parse ${(t1 - t0).toFixed(0)} ms, import ${(t2 - t1).toFixed(0)} ms, write xlsx ${(t3 - t2).toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
