/**
 * A planner at work in the fake Excel, with an oracle of everything they typed: the Werken rows
 * (every column but the add-in's `meekoppelkansen`), their cells in Meekoppelkansen (status,
 * notitie, contactpersoon, besparing_eur and a column of their own), and an unrelated sheet.
 * `check*` compare the workbook with the oracle and throw a message naming the first difference.
 */
import { analyse } from '../../src/core/analysis/analyse';
import type { CellValue, Meekoppelkans } from '../../src/core/types';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readWerkboekFromExcel } from '../../src/excel/read';
import { writeResults } from '../../src/excel/write';
import { FakeWorkbook, installFakeOffice } from '../fake-office';
import { columnLetters, parseBox } from '../fake-office/address';
import type { Scalar } from '../fake-office/grid';
import type { Snapshot } from '../fake-office/model';

export const WERKEN_KOPPEN = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie', 'status', 'contact', 'budget'];
export const MK_PLANNER = ['status', 'notitie', 'contactpersoon', 'besparing_eur'];
export const MK_EIGEN = 'prioriteit';
export const WERKEN_EIGEN = 'opmerking';
const OWN_SHEETS = ['Meekoppelkansen', 'Controle'];

/** where a work can lie: on street A (pairs with the others there), street B, or far from all */
export const PLEKKEN = [
  'LINESTRING(136600 455600, 136700 455600)',
  'LINESTRING(136620 455603, 136690 455603)',
  'LINESTRING(137600 456600, 137700 456600)',
  'LINESTRING(137610 456603, 137690 456603)',
  'LINESTRING(139000 458000, 139100 458000)',
];
/** when: 2027-03-01 – 2028-06-30, 2027-06-01 – 2027-12-31, or 2040 (too late to pair) */
export const PERIODEN: [number, number][] = [[46447, 46934], [46539, 46752], [51136, 51500]];

const CATEGORIEEN = ['warmtenet', 'riolering', 'groen', 'elektriciteit', 'drinkwater', 'glasvezel'];

/** the six works a run starts with */
export function startWerken(): Scalar[][] {
  return CATEGORIEEN.map((categorie, i) => [`W${i + 1}`, categorie, `Partij ${i % 3}`, `Werk ${i + 1}`, PERIODEN[i % 2][0], PERIODEN[i % 2][1], PLEKKEN[i % 4], 'ontwerp', '', '']);
}

/** a cell the planner left empty (blank text counts) */
export const empty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
/** a value as compared: every kind of empty is '' */
export const norm = (v: unknown): unknown => (empty(v) ? '' : v);
/** a status as the add-in compares it: case and spacing ignored */
export const statusKey = (v: unknown): string => (empty(v) ? '' : String(v).toLowerCase().replace(/\s+/g, ' ').trim());

export class PlannerOracle {
  readonly wb: FakeWorkbook;
  readonly close: () => void;
  /** the planner's Werken headers, in order (the add-in's column left out) */
  werkenKoppen = [...WERKEN_KOPPEN];
  /** the planner's Werken rows, in table order, by header */
  werken: Record<string, Scalar>[];
  /** works moved (place or period), last last */
  verplaatst: string[] = [];
  /** rows the planner deleted, to add again later */
  weg: Record<string, Scalar>[] = [];
  /** what the planner typed into Meekoppelkansen, by pair id and column */
  mk = new Map<string, Record<string, Scalar>>();
  /** pairs the add-in marked vervallen (and the planner has not typed a status over since) */
  vervallen = new Set<string>();
  /** the status the add-in parked in vorige_status, by pair id */
  parked = new Map<string, Scalar>();
  mkEigen = false;
  notities = new Map<string, Scalar>();
  /** the pairs of the last analysis */
  pairs: Meekoppelkans[] = [];
  analysed = false;
  edits = 0;
  analyses = 0;
  /** how often each path was taken, so a run that never takes one shows */
  seen = { vervallen: 0, terugGekomen: 0, werkWeg: 0, werkTerug: 0, eigenKolom: 0 };

  constructor() {
    const rows = startWerken();
    this.werken = rows.map((r) => Object.fromEntries(WERKEN_KOPPEN.map((h, i) => [h, r[i]])));
    this.wb = new FakeWorkbook({
      sheets: [
        { name: 'Werken', tables: [{ name: 'Werken', headers: WERKEN_KOPPEN, rows }] },
        { name: 'Regels', tables: [{ name: 'Regels', headers: ['naam', 'waarde'], rows: [['afstand_m', 10]] }] },
        { name: 'Notities', cells: [['vergadering', 46447]] },
      ],
    });
    this.notities.set('A1', 'vergadering');
    this.notities.set('B1', 46447);
    this.close = installFakeOffice(this.wb);
  }

  /** the sheet address of a table cell */
  address(table: string, row: number, header: string): string {
    const t = this.wb.readTable(table);
    const box = parseBox(t.address.slice(t.address.lastIndexOf('!') + 1))!;
    const col = t.headers.indexOf(header);
    if (col < 0) throw new Error(`no column ${header} in ${table}`);
    return `${columnLetters(box.col + col)}${box.row + 2 + row}`;
  }

  /** types a value as the planner does; typing what a cell already shows changes nothing */
  private type(sheet: string, address: string, value: Scalar | null): boolean {
    const [[now]] = this.wb.values(sheet, address);
    if (norm(now) === norm(value)) return false;
    this.wb.edit(sheet, address, [[value]]);
    this.edits++;
    return true;
  }

  /** where and when the work at `row` started out */
  thuis(row: number): { plek: string; periode: [number, number] } {
    const i = Number(String(this.werken[row % this.werken.length].id).slice(1)) - 1;
    return { plek: PLEKKEN[i % 4], periode: PERIODEN[i % 2] };
  }

  /** the planner undoes their moves: every moved work goes back to where and when it started */
  terugNaarHuis(): void {
    goHome(this);
  }

  typeWerk(row: number, header: string, value: Scalar | null): void {
    const werk = this.werken[row % this.werken.length];
    const at = this.wb.readTable('Werken').rows.findIndex((r) => r[0] === werk.id);
    if (!this.type('Werken', this.address('Werken', at, header), value)) return;
    werk[header] = value ?? '';
    if (['geometrie', 'start', 'eind'].includes(header)) this.verplaatst.push(String(werk.id));
  }

  typeMk(row: number, header: string, value: Scalar | null): void {
    if (!this.analysed) return;
    const t = this.wb.readTable('Meekoppelkansen');
    const ids = t.rows.map((r) => String(r[0])).filter((id) => id !== '');
    if (ids.length === 0 || (header === MK_EIGEN && !this.mkEigen)) return;
    const id = ids[row % ids.length];
    if (!this.type('Meekoppelkansen', this.address('Meekoppelkansen', t.rows.findIndex((r) => r[0] === id), header), value)) return;
    bookTyped(this, id, header, value);
  }

  typeNotitie(address: string, value: Scalar | null): void {
    if (this.type('Notities', address, value)) this.notities.set(address, value ?? '');
  }

  /** the planner adds a column to one of the tables (office-js columns.add, as Excel's ribbon does) */
  async addColumn(table: 'Werken' | 'Meekoppelkansen'): Promise<void> {
    if (table === 'Meekoppelkansen' && (!this.analysed || this.mkEigen)) return;
    if (table === 'Werken' && this.werkenKoppen.includes(WERKEN_EIGEN)) return;
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(table).columns.add(undefined, undefined, table === 'Werken' ? WERKEN_EIGEN : MK_EIGEN);
      await context.sync();
    });
    if (table === 'Werken') {
      this.werkenKoppen.push(WERKEN_EIGEN);
      for (const w of this.werken) w[WERKEN_EIGEN] = '';
    } else this.mkEigen = true;
    this.seen.eigenKolom++;
    this.edits++;
  }

  /** the planner deletes a work's row (keeping two works at least) */
  async deleteWerk(row: number): Promise<void> {
    if (this.werken.length <= 2) return;
    const werk = this.werken[row % this.werken.length];
    const at = this.wb.readTable('Werken').rows.findIndex((r) => r[0] === werk.id);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('Werken').rows.getItemAt(at).delete();
      await context.sync();
    });
    this.werken.splice(this.werken.indexOf(werk), 1);
    this.weg.push(werk);
    this.seen.werkWeg++;
    this.edits++;
  }

  /** the planner adds a deleted work again: a new row at the end, typed in */
  async readdWerk(which: number): Promise<void> {
    if (this.weg.length === 0) return;
    const werk = this.weg.splice(which % this.weg.length, 1)[0];
    await Excel.run(async (context) => {
      context.workbook.tables.getItem('Werken').rows.add();
      await context.sync();
    });
    this.werken.push(werk);
    const row = this.werken.length - 1;
    const t = this.wb.readTable('Werken');
    const first = parseBox(t.address.slice(t.address.lastIndexOf('!') + 1))!;
    // one stroke over the whole row, as a paste: the add-in's column left empty
    const values = t.headers.map((h) => (this.werkenKoppen.includes(h) ? (werk[h] ?? '') : null));
    this.seen.werkTerug++;
    this.wb.edit('Werken', `${columnLetters(first.col)}${first.row + 2 + row}:${columnLetters(first.col + t.headers.length - 1)}${first.row + 2 + row}`, [values]);
    this.edits++;
  }

  /** one press of the button: read, analyse, write back */
  async analyse(): Promise<void> {
    const raw = await Excel.run((context) => readWerkboekFromExcel(context));
    const werkboek = readWerkboek(raw);
    this.pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    await Excel.run((context) => writeResults(context, { pairs: this.pairs, werken: werkboek.werken, problems: werkboek.problems, existing: raw }));
    this.analysed = true;
    this.analyses++;
    bookAnalysis(this, this.pairs);
  }

  /** every sheet but the add-in's, with the add-in's column of Werken left out */
  plannerView(): Snapshot {
    const snap = this.wb.snapshot();
    for (const own of OWN_SHEETS) delete snap[own];
    const t = this.wb.readTable('Werken');
    const mkCol = t.headers.indexOf('meekoppelkansen');
    if (mkCol >= 0) {
      const letters = columnLetters(parseBox(t.address.slice(t.address.lastIndexOf('!') + 1))!.col + mkCol);
      for (const a of Object.keys(snap.Werken.cells)) if (a.replace(/\d+$/, '') === letters) delete snap.Werken.cells[a];
    }
    delete snap.Werken.tables.Werken;
    return snap;
  }

  /** throws when anything the planner typed is not in the workbook as they typed it */
  check(): void {
    this.checkWerken();
    this.checkNotities();
    if (this.analysed) this.checkMeekoppelkansen();
    if (this.wb.eventErrors.length > 0) throw new Error(`event handler failed: ${String(this.wb.eventErrors[0])}`);
  }

  private checkWerken(): void {
    const t = this.wb.readTable('Werken');
    const planner = t.headers.filter((h) => h !== 'meekoppelkansen');
    if (planner.join('|') !== this.werkenKoppen.join('|')) throw new Error(`Werken headers ${planner.join(', ')} != ${this.werkenKoppen.join(', ')}`);
    if (t.rows.length !== this.werken.length) throw new Error(`Werken has ${t.rows.length} rows, the planner ${this.werken.length}`);
    t.rows.forEach((row, i) => {
      for (const h of this.werkenKoppen) {
        const got = row[t.headers.indexOf(h)];
        if (norm(got) !== norm(this.werken[i][h])) throw new Error(`Werken row ${i + 2} ${h}: ${JSON.stringify(got)} != typed ${JSON.stringify(this.werken[i][h])}`);
      }
    });
  }

  private checkNotities(): void {
    for (const [address, value] of this.notities) {
      const [[got]] = this.wb.values('Notities', address);
      if (norm(got) !== norm(value)) throw new Error(`Notities!${address}: ${JSON.stringify(got)} != typed ${JSON.stringify(value)}`);
    }
  }

  private checkMeekoppelkansen(): void {
    const t = this.wb.readTable('Meekoppelkansen');
    const col = (h: string) => t.headers.indexOf(h);
    const rowOf = new Map(t.rows.map((r) => [String(r[col('id')]), r]));
    for (const [id, typed] of this.mk) {
      const row = rowOf.get(id);
      if (!row) throw new Error(`Meekoppelkansen lost ${id}, which holds ${JSON.stringify(typed)}`);
      for (const [h, value] of Object.entries(typed)) {
        if (h === 'status') continue;
        if (norm(row[col(h)]) !== norm(value)) throw new Error(`Meekoppelkansen ${id} ${h}: ${JSON.stringify(row[col(h)])} != typed ${JSON.stringify(value)}`);
      }
      const status = 'status' in typed ? typed.status : 'nieuw';
      const want = this.vervallen.has(id) ? 'vervallen' : status;
      if (statusKey(row[col('status')]) !== statusKey(want)) throw new Error(`Meekoppelkansen ${id} status: ${JSON.stringify(row[col('status')])} != ${JSON.stringify(want)} (typed ${JSON.stringify(status)})`);
    }
  }

  /** after an analysis: the add-in's Werken column holds each work's pairs */
  checkWerkenColumn(): void {
    const t = this.wb.readTable('Werken');
    t.rows.forEach((row) => {
      const id = String(row[0]);
      const want = this.pairs.filter((p) => p.werkA === id || p.werkB === id).map((p) => p.id).sort();
      const got = String(row[t.headers.indexOf('meekoppelkansen')]).split(',').map((s) => s.trim()).filter(Boolean).sort();
      if (got.join() !== want.join()) throw new Error(`Werken ${id} meekoppelkansen: ${got.join()} != ${want.join()}`);
    });
  }
}

/** whether a pair's row carries planner input (status nieuw or empty does not count) */
export function hasInput(typed: Record<string, CellValue>): boolean {
  return Object.entries(typed).some(([h, v]) => (h === 'status' ? !['', 'nieuw'].includes(statusKey(v)) : !empty(v)));
}

/** What an oracle of the planner's input keeps between analyses. */
export interface PlannerBook {
  mk: Map<string, Record<string, Scalar>>;
  vervallen: Set<string>;
  parked: Map<string, Scalar>;
  seen: { vervallen: number; terugGekomen: number };
}

/**
 * Books one analysis in the oracle: a pair that went without planner input takes nothing of the
 * planner's with it; one with input is vervallen, its status parked as the add-in parks it.
 */
export function bookAnalysis(book: PlannerBook, pairs: readonly { id: string }[]): void {
  const qualifying = new Set(pairs.map((p) => p.id));
  for (const [id, typed] of book.mk) {
    const status = 'status' in typed ? typed.status : 'nieuw';
    if (qualifying.has(id)) {
      if (book.vervallen.delete(id)) book.seen.terugGekomen++;
      book.parked.delete(id);
    } else if (hasInput(typed)) {
      if (!book.vervallen.has(id)) {
        book.seen.vervallen++;
        // the add-in keeps the status beside the row (vorige_status) to give it back later
        if (statusKey(status) !== 'vervallen') book.parked.set(id, status);
      }
      book.vervallen.add(id);
    } else {
      book.mk.delete(id);
      book.parked.delete(id);
      book.vervallen.delete(id);
    }
  }
}

/** Books a value the planner typed into a Meekoppelkansen cell of pair `id`. */
export function bookTyped(book: Omit<PlannerBook, 'seen'>, id: string, header: string, value: Scalar | null): void {
  if (header !== 'status') {
    book.mk.set(id, { ...book.mk.get(id), [header]: value ?? '' });
  } else if (statusKey(value) === 'vervallen' && book.parked.has(id)) {
    // the row is back as the add-in left it (vervallen, the status parked beside it): no one can tell it apart
    book.mk.set(id, { ...book.mk.get(id), status: book.parked.get(id) as Scalar });
    book.vervallen.add(id);
  } else {
    book.mk.set(id, { ...book.mk.get(id), status: value ?? '' });
    book.vervallen.delete(id);
  }
}

/** What `goHome` needs of a planner: the works it moved and how to type into Werken. */
export interface MovingPlanner {
  werken: Record<string, Scalar>[];
  verplaatst: string[];
  thuis(row: number): { plek: Scalar; periode: [Scalar, Scalar] };
  typeWerk(row: number, header: string, value: Scalar | null): void;
}

/** The planner undoes their moves: every moved work goes back to where and when it started. */
export function goHome(p: MovingPlanner): void {
  for (const id of new Set(p.verplaatst.splice(0))) {
    const row = p.werken.findIndex((w) => w.id === id);
    if (row < 0) continue;
    const { plek, periode } = p.thuis(row);
    p.typeWerk(row, 'geometrie', plek);
    p.typeWerk(row, 'start', periode[0]);
    p.typeWerk(row, 'eind', periode[1]);
  }
  p.verplaatst = [];
}
