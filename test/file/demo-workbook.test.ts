import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../src/file/read-xlsx';
import { readWerkboek } from '../../src/core/werkboek/read';
import type { RawWerkboek } from '../../src/core/types';
import { makeDemoWorkbook } from '../../scripts/make-demo-workbook';
import { libreOfficeSheets } from './helpers';

const DEMO = join(__dirname, '..', '..', 'assets', 'koppelkaart-demo-utrecht.xlsx');

describe('the Utrecht demo workbook', () => {
  const bytes = new Uint8Array(readFileSync(DEMO));
  let raw: RawWerkboek;
  let werkboek: ReturnType<typeof readWerkboek>;
  beforeAll(async () => {
    raw = await readXlsx(bytes);
    werkboek = readWerkboek(raw);
  });

  it('opens in LibreOffice headless with all its sheets and rows', () => {
    const sheets = libreOfficeSheets(bytes, 'demo.xlsx');
    expect(Object.keys(sheets).sort()).toEqual(['Buurten', 'Koppelkansen', 'Lees mij', 'Regels', 'Werken']);
    expect(sheets.Buurten).toHaveLength(112);
    expect(sheets.Buurten[1][0]).toBe('0111');
    expect(sheets.Werken).toHaveLength(raw.werken!.rows.length + 1);
    expect(sheets.Regels).toEqual([['naam', 'waarde'], ['afstand_m', '10'], ['min_overlap_m', '30'], ['min_overlap_m2', '100'], ['max_tussentijd_maanden', '24'], ['zelfde_categorie', 'nee']]);
  });

  it('holds the four werkboek tables as real Excel tables', () => {
    for (const table of [raw.buurten, raw.werken, raw.koppelkansen, raw.regels]) expect(table).toMatchObject({ isTable: true, headerRow: 1, firstColumn: 1 });
    expect(raw.buurten?.rows).toHaveLength(111);
    expect(raw.werken!.rows.length).toBeGreaterThanOrEqual(200);
    expect(raw.koppelkansen?.rows).toHaveLength(12);
    expect(raw.meekoppelkansen).toBeUndefined();
  });

  it('keeps buurtcodes as text with their leading zero', () => {
    const codes = raw.buurten!.rows.map((r) => r[0]);
    expect(codes.every((c) => typeof c === 'string' && /^\d{4}$/.test(c))).toBe(true);
    expect(codes).toContain('0311');
  });

  it('spells geometry and dates in every form the werkboek accepts', () => {
    const col = (name: string) => raw.werken!.rows.map((r) => r[raw.werken!.headers.indexOf(name)]);
    const geometry = col('geometrie').map(String);
    expect(geometry.some((g) => /^(POINT|LINESTRING|POLYGON)\(1\d{5}/.test(g))).toBe(true);
    expect(geometry.some((g) => /^(POINT|LINESTRING|POLYGON)\(\(?5\.\d+ 52\./.test(g))).toBe(true);
    expect(geometry.some((g) => g.startsWith('{"type":'))).toBe(true);
    expect(geometry.some((g) => g.startsWith('SRID=28992;'))).toBe(true);
    expect(geometry.some((g) => g.startsWith('SRID=4326;'))).toBe(true);
    const starts = col('start');
    expect(starts.some((s) => typeof s === 'number')).toBe(true);
    expect(starts.some((s) => typeof s === 'string' && /^\d{4}-\d\d-\d\d$/.test(s))).toBe(true);
    expect(starts.some((s) => typeof s === 'string' && /^\d{1,2}-\d{1,2}-\d{4}$/.test(s))).toBe(true);
    expect(starts.some((s) => typeof s === 'string' && /^\d{4}[ -]Q[1-4]$/.test(s))).toBe(true);
  });

  it('reads through the werkboek model without a single fout', () => {
    expect(werkboek.problems.filter((p) => p.ernst === 'fout')).toEqual([]);
    expect(werkboek.werken).toHaveLength(raw.werken!.rows.length);
    expect(werkboek.buurten).toHaveLength(111);
  });

  it('puts most of the warmtenet in Overvecht (wijk 03)', () => {
    const overvecht = werkboek.buurten.filter((b) => b.wijkcode === '03');
    const xs = overvecht.flatMap((b) => (b.geometry.kind === 'poly' ? b.geometry.polygons.flat(2) : []));
    const box = { minX: Math.min(...xs.map((p) => p[0])), maxX: Math.max(...xs.map((p) => p[0])), minY: Math.min(...xs.map((p) => p[1])), maxY: Math.max(...xs.map((p) => p[1])) };
    const warmte = werkboek.werken.filter((w) => w.categorie === 'warmtenet');
    const first = (w: (typeof warmte)[number]) => (w.geometry.kind === 'point' ? w.geometry.points[0] : w.geometry.kind === 'line' ? w.geometry.lines[0][0] : w.geometry.polygons[0][0][0]);
    const inBox = warmte.filter((w) => { const [x, y] = first(w); return x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY; });
    expect(inBox.length / warmte.length).toBeGreaterThan(0.6);
  });

  it('is exactly what `npm run make:demo` makes (seeded, reproducible, committed up to date)', async () => {
    expect(Buffer.from(await makeDemoWorkbook()).equals(Buffer.from(bytes))).toBe(true);
  });
});
