/**
 * Nothing is lost (issue 8), on .xlsx files: random sequences of planner edits made in the file's
 * XML (as Excel saves them: shared strings, a table grown or shrunk by its ref, a column added to a
 * table, a row deleted and typed in again, cells outside every table), interleaved with re-analyses
 * through the CLI's and the standalone page's real write paths. Below the Meekoppelkansen table and in
 * its planner columns the planner types values, formulas and cell formats, and filters and sorts it.
 * After every step every value the planner typed is read back, type and all, by a reader that is not
 * ours (formulas, formats, the filter and the sort too); every analysis leaves every part it does not
 * own byte for byte, and changes only its own sheets and the Werken column.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { MK_EIGEN, MK_PLANNER, WERKEN_EIGEN } from '../excel/planner-oracle';
import type { Scalar } from '../fake-office/grid';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { applyEdit, row, stap, type Stap } from './planner-edits';
import { letters, parseAddress, XlsxDom } from './xlsx-dom';
import { checkAnalysisParts } from './xlsx-parts';
import { startWorkbook, XlsxPlanner } from './xlsx-planner';

const DEMO = join(__dirname, '..', '..', 'assets', 'koppelkaart-demo-utrecht.xlsx');

/** values a file carries that the Excel fake's list leaves out: pasted Windows line ends, tabs, astral characters, text that looks like a number or an error, a control character, text that looks like Excel's own escape, odd numbers, booleans */
const raar = fc.constantFrom<Scalar>('regel1\r\nregel2', 'regel1\nregel2', 'tab\there', '🚧 werk', ' 12', '1e5', 'TRUE', '#N/A', 'a & b < c', 'bel\u0001 Stedin', 'code _x0041_', 0.30000000000000004, -123.456, 1e21, 5e-324, true, false);

/** xlsx-only steps: a value typed beside the Werken table (on rows the table grows over or shrinks from), an odd value anywhere the planner types */
type XlsxStap = Stap
  | { kind: 'buiten'; address: string; value: Scalar | null }
  | { kind: 'formule'; sheet: string; address: string; formula: string; cached: number }
  | { kind: 'onder'; column: string; offset: number; value: Scalar | null; formula?: string }
  | { kind: 'mkFormule'; row: number; header: string; formula: string; cached: number }
  | { kind: 'mkStijl'; row: number; header: string; style: number }
  | { kind: 'mkFilter' };
const buiten: fc.Arbitrary<XlsxStap> = fc.record({
  kind: fc.constant('buiten' as const),
  address: fc.constantFrom('P2', 'P5', 'Q7', 'Z40'),
  value: fc.oneof(fc.constantFrom('niet in de tabel', '0007', ' let op '), fc.integer({ min: 1, max: 9999 }), raar, fc.constant(null)),
});
const odd: fc.Arbitrary<XlsxStap> = fc.oneof(
  fc.record({ kind: fc.constant('mk' as const), row, header: fc.constantFrom(...MK_PLANNER.slice(1), MK_EIGEN), value: raar }),
  fc.record({ kind: fc.constant('werk' as const), row, header: fc.constantFrom('titel', 'contact', 'budget', WERKEN_EIGEN), value: raar }),
  fc.record({ kind: fc.constant('notitie' as const), address: fc.constantFrom('A1', 'C3', 'D7'), value: raar }),
);
/** a formula outside the tables: on the notes sheet, or beside the Werken table */
const formule: fc.Arbitrary<XlsxStap> = fc.oneof(
  fc.record({ sheet: fc.constant('Notities'), address: fc.constantFrom('A1', 'C3', 'D7', 'F9') }),
  fc.record({ sheet: fc.constant('Werken'), address: fc.constantFrom('P2', 'Q7') }),
).chain(({ sheet, address }) => fc.record({
  kind: fc.constant('formule' as const), sheet: fc.constant(sheet), address: fc.constant(address),
  formula: fc.constantFrom('B1+1', 'SUM(A1:A3)', 'IF(A1="","leeg",1)', 'Werken!J2*2'), cached: fc.integer({ min: 0, max: 99_999 }),
}));
/** below the Meekoppelkansen table (in its columns, on rows it grows over or shrinks from): a value, or a formula whose text must survive the move */
const onder: fc.Arbitrary<XlsxStap> = fc.record({
  kind: fc.constant('onder' as const), column: fc.constantFrom('A', 'C', 'E'), offset: fc.integer({ min: 1, max: 4 }),
  value: fc.oneof(fc.constantFrom('onder de tabel', '0007'), fc.integer({ min: 1, max: 9999 }), raar, fc.constant(null)),
}).chain((s) => fc.oneof(
  fc.constant<XlsxStap>(s),
  fc.record({ formula: fc.constantFrom('1+1', 'Werken!J2*2', 'SUM(Z1:Z3)', 'LEN("A5")'), cached: fc.integer({ min: 0, max: 9999 }) })
    .map(({ formula, cached }): XlsxStap => ({ ...s, value: cached, formula })),
));
/** in the planner's columns of Meekoppelkansen: a formula, a cell format, and a filter with a sort on the table */
const mkOpmaak: fc.Arbitrary<XlsxStap> = fc.oneof(
  fc.record({
    kind: fc.constant('mkFormule' as const), row, header: fc.constantFrom('notitie', 'besparing_eur', MK_EIGEN),
    formula: fc.constantFrom('1000*2', 'ROUND(2.5,0)', 'Werken!J2*3'), cached: fc.integer({ min: 1, max: 99_999 }),
  }),
  fc.record({ kind: fc.constant('mkStijl' as const), row, header: fc.constantFrom(...MK_PLANNER, MK_EIGEN), style: fc.nat({ max: 20 }) }),
  fc.constant({ kind: 'mkFilter' as const }),
);
const xlsxStap: fc.Arbitrary<XlsxStap> = fc.oneof(
  { weight: 24, arbitrary: stap }, { weight: 1, arbitrary: buiten }, { weight: 3, arbitrary: odd }, { weight: 1, arbitrary: formule },
  { weight: 2, arbitrary: onder }, { weight: 2, arbitrary: mkOpmaak },
);

async function apply(p: XlsxPlanner, s: XlsxStap): Promise<void> {
  if (s.kind === 'analyse') return p.analyse();
  if (s.kind === 'buiten') return p.typeBuiten('Werken', s.address, s.value);
  if (s.kind === 'formule') return p.typeFormule(s.sheet, s.address, s.formula, s.cached);
  if (s.kind === 'onder') return p.typeOnder(s.column, s.offset, s.value, s.formula);
  if (s.kind === 'mkFormule') return p.typeMkFormule(s.row, s.header, s.formula, s.cached);
  if (s.kind === 'mkStijl') return p.styleMk(s.row, s.header, s.style);
  if (s.kind === 'mkFilter') return p.filterMk();
  return applyEdit(p, s);
}

const totals = { runs: 0, edits: 0, analyses: 0, identical: 0, ownChanged: 0, seen: { vervallen: 0, terugGekomen: 0, werkWeg: 0, werkTerug: 0, eigenKolom: 0, buiten: 0, formule: 0, onder: 0, mkFormule: 0, mkStijl: 0, mkFilter: 0 } };

function count(p: XlsxPlanner): void {
  totals.runs++;
  totals.edits += p.edits;
  totals.analyses += p.analyses;
  totals.identical += p.parts.identical;
  totals.ownChanged += p.parts.ownChanged;
  for (const k of Object.keys(p.seen) as (keyof typeof p.seen)[]) totals.seen[k] += p.seen[k];
}

let start: Uint8Array;
beforeAll(async () => {
  start = await startWorkbook();
});

afterAll(() => {
  // the figures for the README's Betrouwbaarheid section: the random runs and the written sessions together
  console.log(`xlsx-edits: ${totals.runs} runs, ${totals.edits} planner edits replayed, ${totals.analyses} analyses, `
    + `${totals.identical} parts compared byte for byte, ${totals.ownChanged} own parts rewritten, paths ${JSON.stringify(totals.seen)}`);
});

describe('planner edits in an .xlsx file interleaved with re-analysis', () => {
  it('never change or drop a value the planner typed, and an analysis changes only the add-in\'s parts and column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xlsxStap, { minLength: 10, maxLength: 40, size: 'max' }), async (stappen) => {
        const p = await XlsxPlanner.open(start, 'Notities');
        try {
          for (const s of [{ kind: 'analyse' } as XlsxStap, ...stappen, { kind: 'analyse' } as XlsxStap]) {
            await apply(p, s);
            p.check();
          }
        } finally {
          count(p);
        }
      }),
      { seed: 20261122, numRuns: 50 },
    );
    expect(totals.edits).toBeGreaterThan(300);
    for (const n of Object.values(totals.seen)) expect(n).toBeGreaterThan(3);
  }, 120_000);
});

/** LibreOffice's CSV of every sheet with the cells' own values (not as shown), so text `0012` and the number 12 differ */
function libreOfficeValues(bytes: Uint8Array): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-lo-'));
  try {
    writeFileSync(join(dir, 'plan.xlsx'), bytes);
    execFileSync('libreoffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'out'), join(dir, 'plan.xlsx')], {
      env: { ...process.env, HOME: join(dir, 'home') }, timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sheets: Record<string, string[][]> = {};
    for (const file of readdirSync(join(dir, 'out'))) {
      sheets[file.slice('plan-'.length, -'.csv'.length)] = Papa.parse<string[]>(readFileSync(join(dir, 'out', file), 'utf8').replace(/\r?\n$/, '')).data;
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const shown = (v: Scalar | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** a date serial as LibreOffice's CSV writes a date-formatted cell (MM/DD/YYYY), so a typed date is compared as the date it is */
function asDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** every value in the planner's ledger, as LibreOffice reads it from the file, beside what was typed */
function inLibreOffice(p: XlsxPlanner, sheets: Record<string, string[][]>): { got: string[]; typed: string[] } {
  const got: string[] = [], typed: string[] = [];
  const see = (where: string, value: string | undefined, want0: string) => {
    // LibreOffice keeps a line break, not the carriage return before it (it reads Excel's own _x000D_ so too)
    const want = want0.replace(/\r\n/g, '\n');
    got.push(`${where}: ${value ?? '(none)'}`);
    typed.push(`${where}: ${/^\d+$/.test(want) && /^\d\d\/\d\d\/\d{4}$/.test(value ?? '') ? asDate(Number(want)) : want}`);
  };
  const { table } = p.dom.tableRows('Werken');
  p.werken.forEach((w, i) => {
    for (const h of p.werkenKoppen) see(`Werken ${w.id} ${h}`, sheets[table.sheet][table.box.top + i]?.[table.box.left - 1 + table.headers.indexOf(h)], shown(w[h]).trim() === '' ? '' : shown(w[h]));
  });
  for (const [where, value] of p.buiten) {
    const [sheet, address] = where.split('!');
    const { row, col } = parseAddress(address);
    see(where, sheets[sheet][row - 1]?.[col - 1] ?? '', shown(value));
  }
  const [header, ...rows] = sheets[p.dom.table('Meekoppelkansen').sheet];
  for (const [id, cells] of p.mk) {
    const row = rows.find((r) => r[header.indexOf('id')] === id);
    for (const [h, value] of Object.entries(cells)) {
      if (h !== 'status') see(`Meekoppelkansen ${id} ${h}`, row?.[header.indexOf(h)], shown(value));
    }
    const status = p.vervallen.has(id) ? 'vervallen' : ('status' in cells ? shown(cells.status) : 'nieuw');
    see(`Meekoppelkansen ${id} status`, row?.[header.indexOf('status')].toLowerCase(), status.toLowerCase().trim());
  }
  return { got, typed };
}

/**
 * A session written out step by step: every path of the rule, in an order a planner might take.
 * `weg` is the row of the work that the first pair (by id) hangs on: deleting it makes that pair vervallen.
 */
const sessie = (weg: number): XlsxStap[] => [
  { kind: 'kolom', table: 'Werken' },
  { kind: 'werk', row: 1, header: 'titel', value: ' spaties ' },
  { kind: 'werk', row: 2, header: 'opmerking', value: '0012' },
  { kind: 'buiten', address: 'P2', value: '0007' },
  { kind: 'notitie', address: 'C3', value: 'Café Noël' },
  { kind: 'analyse' },
  { kind: 'mk', row: 0, header: 'status', value: 'afgesproken' },
  { kind: 'mk', row: 1, header: 'notitie', value: 'bel Stedin\r\nna 1 maart' },
  { kind: 'kolom', table: 'Meekoppelkansen' },
  { kind: 'mk', row: 0, header: 'prioriteit', value: '=SOM(A1:A3)' },
  { kind: 'mk', row: 1, header: 'besparing_eur', value: 12500 },
  { kind: 'weg', row: weg },
  { kind: 'analyse' },
  { kind: 'werk', row: 3, header: 'budget', value: '€ 12.500,50' },
  { kind: 'terug', which: 0 },
  { kind: 'buiten', address: 'Q7', value: 42 },
  { kind: 'analyse' },
  { kind: 'plek', row: 1, plek: 4 },
  { kind: 'periode', row: 2, periode: 2 },
  { kind: 'analyse' },
  { kind: 'mk', row: 2, header: 'contactpersoon', value: '<b>vet</b>' },
  { kind: 'thuis' },
  { kind: 'analyse' },
];

describe('a planner\'s session replayed on a file, then opened in LibreOffice', () => {
  it.each([
    ['a workbook exceljs made', 'Notities'],
    ['the Utrecht demo workbook', 'Lees mij'],
  ])('keeps every typed value in %s, and LibreOffice reads each of them', async (_, notities) => {
    const bytes = notities === 'Notities' ? start : new Uint8Array(readFileSync(DEMO));
    const werkboek = readWerkboek(await readXlsx(bytes));
    const first = analyse(werkboek.werken, werkboek.buurten, werkboek.regels).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    const p = await XlsxPlanner.open(bytes, notities);
    for (const s of sessie(p.werken.findIndex((w) => w.id === first.werkA))) {
      await apply(p, s);
      p.check();
    }
    count(p);
    // the session took every path it was written for
    expect(p.analyses).toBe(5);
    expect(p.seen).toMatchObject({ werkWeg: 1, werkTerug: 1, eigenKolom: 2, buiten: 3 });
    expect(p.seen.vervallen).toBeGreaterThanOrEqual(1);
    expect(p.seen.terugGekomen).toBeGreaterThanOrEqual(1);
    const { got, typed } = inLibreOffice(p, libreOfficeValues(await p.bytes()));
    expect(got.length).toBeGreaterThan(60);
    expect(got).toEqual(typed);
  }, 120_000);
});

describe('the checks of these tests', () => {
  it('notice a planner value that a write dropped, or turned from text into a number', async () => {
    const p = await XlsxPlanner.open(start, 'Notities');
    await p.analyse();
    p.typeMk(0, 'notitie', 'bel Stedin');
    p.typeWerk(1, 'titel', '0012');
    p.check();
    const mk = p.dom.table('Meekoppelkansen');
    const notitie = `${letters(mk.box.left + mk.headers.indexOf('notitie'))}${mk.box.top + 1}`;
    p.dom.setValue(mk.sheet, notitie, null);
    expect(() => p.check()).toThrow('Meekoppelkansen MK-W1-W2 notitie: null != typed "bel Stedin"');
    p.dom.setValue(mk.sheet, notitie, 'bel Stedin');
    p.check();
    p.dom.setValue('Werken', 'D3', 12);
    expect(() => p.check()).toThrow('Werken row 3 titel: 12 != typed "0012"');
    p.dom.setValue('Werken', 'D3', '0012');
    p.typeFormule('Notities', 'F9', 'B1+1', 46448);
    p.check();
    // the value kept, the formula gone
    p.dom.setValue('Notities', 'F9', 46448);
    expect(() => p.check()).toThrow('Notities!F9: formula null != typed "B1+1"');
  });

  it('notice a write that touches a part or a Werken cell it does not own, and let it write its own column', async () => {
    const p = await XlsxPlanner.open(start, 'Notities');
    const input = await p.bytes();
    await p.analyse();
    const output = await p.bytes();
    await expect(checkAnalysisParts(input, output)).resolves.toEqual({ identical: expect.any(Number), ownChanged: expect.any(Number) });
    const edited = async (sheet: string, address: string) => {
      const x = await XlsxDom.open(output);
      x.setValue(sheet, address, 7);
      return x.bytes();
    };
    const notities = p.dom.sheets().get('Notities');
    await expect(checkAnalysisParts(input, await edited('Notities', 'A1'))).rejects.toThrow(`the analysis changed ${notities}, a part the add-in does not own`);
    await expect(checkAnalysisParts(input, await edited('Werken', 'C4'))).rejects.toThrow('the analysis changed the Werken sheet outside its column K (cells)');
    await expect(checkAnalysisParts(input, await edited('Werken', 'K4'))).resolves.toEqual({ identical: expect.any(Number), ownChanged: expect.any(Number) });
  });
});
