/**
 * A planner at work on an .xlsx file, with a ledger of everything they typed: the Werken rows (every
 * column but the add-in's `meekoppelkansen`), their cells in Meekoppelkansen, and cells outside any
 * table (a notes sheet, beside the Werken table). Edits go in through xlsx-dom.ts, never through
 * src/file; an analysis goes through the real write paths of the CLI (`analyse -o uit.xlsx`) and
 * of the standalone page's "Opslaan", in turn. `check*` throw a message naming the first difference.
 */
import ExcelJS from 'exceljs';
import { resultsXlsx } from '../../src/cli/output';
import { analyse } from '../../src/core/analysis/analyse';
import type { Meekoppelkans } from '../../src/core/types';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import { annotatedXlsx } from '../../src/ui/save-xlsx';
import { bookAnalysis, bookTyped, empty, goHome, MK_EIGEN, norm, startWerken, statusKey, WERKEN_EIGEN, WERKEN_KOPPEN } from '../excel/planner-oracle';
import type { Scalar } from '../fake-office/grid';
import { checkAnalysisParts, type PartsCompared } from './xlsx-parts';
import type { Planner } from './planner-edits';
import { letters, XlsxDom } from './xlsx-dom';

const MK_KOLOM = 'meekoppelkansen';

/** The six works of the Excel fake's runs, in a workbook exceljs writes (shared strings, real tables), with a notes sheet. */
export async function startWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Werken').addTable({ name: 'Werken', ref: 'A1', columns: WERKEN_KOPPEN.map((name) => ({ name, filterButton: true })), rows: startWerken() });
  wb.addWorksheet('Regels').addTable({ name: 'Regels', ref: 'A1', columns: [{ name: 'naam' }, { name: 'waarde' }], rows: [['afstand_m', 10]] });
  const notities = wb.addWorksheet('Notities');
  notities.getCell('A1').value = 'vergadering';
  notities.getCell('B1').value = 46447;
  notities.getCell('E1').value = { formula: 'B1+1', result: 46448 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export class XlsxPlanner implements Planner {
  werkenKoppen: string[] = [];
  /** the planner's Werken rows, in table order, by header */
  werken: Record<string, Scalar>[] = [];
  private readonly home = new Map<string, { plek: Scalar; periode: [Scalar, Scalar] }>();
  verplaatst: string[] = [];
  weg: Record<string, Scalar>[] = [];
  mk = new Map<string, Record<string, Scalar>>();
  vervallen = new Set<string>();
  parked = new Map<string, Scalar>();
  mkEigen = false;
  /** cells outside every table, by `sheet!address`: what the notes sheet held, and what the planner typed */
  buiten = new Map<string, Scalar>();
  /** formulas in those cells, by `sheet!address` */
  formules = new Map<string, string>();
  /** cells below Meekoppelkansen by column and rows below its last row (they move with it, as Excel moves them) */
  onder = new Map<string, { column: string; offset: number; value: Scalar; formula?: string }>();
  /** formulas and cell formats in planner cells of Meekoppelkansen, by `id|header` */
  mkFormules = new Map<string, string>();
  mkStijlen = new Map<string, number>();
  /** the planner filtered and sorted the Meekoppelkansen table (status column, overlap column) */
  mkFilter = false;
  pairs: Meekoppelkans[] = [];
  analysed = false;
  edits = 0;
  analyses = 0;
  readonly seen = { vervallen: 0, terugGekomen: 0, werkWeg: 0, werkTerug: 0, eigenKolom: 0, buiten: 0, formule: 0, onder: 0, mkFormule: 0, mkStijl: 0, mkFilter: 0 };
  readonly parts: PartsCompared = { identical: 0, ownChanged: 0 };

  private constructor(public dom: XlsxDom, private readonly notitiesSheet: string) {}

  /** opens the file; the ledger starts with the Werken table and the notes sheet as they are */
  static async open(bytes: Uint8Array, notitiesSheet: string): Promise<XlsxPlanner> {
    const p = new XlsxPlanner(await XlsxDom.open(bytes), notitiesSheet);
    const { table, rows } = p.dom.tableRows('Werken');
    p.werkenKoppen = table.headers.filter((h) => h !== MK_KOLOM);
    p.werken = rows.map((r) => Object.fromEntries(p.werkenKoppen.map((h) => [h, r[table.headers.indexOf(h)] ?? ''])));
    for (const w of p.werken) p.home.set(String(w.id), { plek: w.geometrie, periode: [w.start, w.eind] });
    for (const a of p.dom.addresses(notitiesSheet)) {
      p.buiten.set(`${notitiesSheet}!${a}`, p.dom.value(notitiesSheet, a) as Scalar);
      const formula = p.dom.formula(notitiesSheet, a);
      if (formula !== null) p.formules.set(`${notitiesSheet}!${a}`, formula);
    }
    return p;
  }

  /** the planner's file as it is now */
  bytes(): Promise<Uint8Array> {
    return this.dom.bytes();
  }

  private address(table: string, row: number, header: string): string {
    const t = this.dom.table(table);
    const col = t.headers.indexOf(header);
    if (col < 0) throw new Error(`no column ${header} in ${table}`);
    return `${letters(t.box.left + col)}${t.box.top + 1 + row}`;
  }

  /** types a value as the planner does; typing what a cell already shows changes nothing */
  private type(sheet: string, address: string, value: Scalar | null): boolean {
    if (norm(this.dom.value(sheet, address)) === norm(value)) return false;
    this.dom.setValue(sheet, address, value);
    this.formules.delete(`${sheet}!${address}`);
    this.edits++;
    return true;
  }

  private werkRow(werk: Record<string, Scalar>): number {
    const { table, rows } = this.dom.tableRows('Werken');
    return rows.findIndex((r) => r[table.headers.indexOf('id')] === werk.id);
  }

  thuis(row: number): { plek: Scalar; periode: [Scalar, Scalar] } {
    return this.home.get(String(this.werken[row % this.werken.length].id)) as { plek: Scalar; periode: [Scalar, Scalar] };
  }

  terugNaarHuis(): void {
    goHome(this);
  }

  typeWerk(row: number, header: string, value: Scalar | null): void {
    const werk = this.werken[row % this.werken.length];
    if (!this.type('Werken', this.address('Werken', this.werkRow(werk), header), value)) return;
    werk[header] = value ?? '';
    if (['geometrie', 'start', 'eind'].includes(header)) this.verplaatst.push(String(werk.id));
  }

  /** the pair a row number picks (modulo) and its cell under `header`, or null when there is none to type in */
  private mkCell(row: number, header: string): { id: string; sheet: string; address: string } | null {
    if (!this.analysed) return null;
    const { table, rows } = this.dom.tableRows('Meekoppelkansen');
    const idCol = table.headers.indexOf('id');
    const ids = rows.map((r) => String(r[idCol] ?? '')).filter((id) => id !== '');
    if (ids.length === 0 || (header === MK_EIGEN && !this.mkEigen)) return null;
    const id = ids[row % ids.length];
    return { id, sheet: table.sheet, address: this.address('Meekoppelkansen', rows.findIndex((r) => r[idCol] === id), header) };
  }

  typeMk(row: number, header: string, value: Scalar | null): void {
    const cell = this.mkCell(row, header);
    if (!cell || !this.type(cell.sheet, cell.address, value)) return;
    const { id } = cell;
    this.mkFormules.delete(`${id}|${header}`);
    bookTyped(this, id, header, value);
  }

  /** a formula in a planner column of Meekoppelkansen, with the number Excel cached for it */
  typeMkFormule(row: number, header: string, formula: string, cached: number): void {
    const cell = this.mkCell(row, header);
    if (!cell || header === 'status') return;
    this.dom.setFormula(cell.sheet, cell.address, formula, cached);
    this.mk.set(cell.id, { ...this.mk.get(cell.id), [header]: cached });
    this.mkFormules.set(`${cell.id}|${header}`, formula);
    this.seen.mkFormule++;
    this.edits++;
  }

  /** a cell format on a planner cell of Meekoppelkansen (with or without a value); `style` picks one of styles.xml's */
  styleMk(row: number, header: string, style: number): void {
    const cell = this.mkCell(row, header);
    if (!cell) return;
    const s = style % this.dom.styleCount();
    this.dom.setStyle(cell.sheet, cell.address, s);
    this.mkStijlen.set(`${cell.id}|${header}`, s);
    this.seen.mkStijl++;
    this.edits++;
  }

  /** the planner filters Meekoppelkansen on status and sorts it by overlap */
  filterMk(): void {
    if (!this.analysed || this.mkFilter) return;
    const headers = this.dom.table('Meekoppelkansen').headers;
    this.dom.filterAndSort('Meekoppelkansen', headers.indexOf('status'), 'nieuw', headers.indexOf('overlap'));
    this.mkFilter = true;
    this.seen.mkFilter++;
    this.edits++;
  }

  /** a value (or a formula with its cached number) typed `offset` rows below Meekoppelkansen's last row */
  typeOnder(column: string, offset: number, value: Scalar | null, formula?: string): void {
    if (!this.analysed) return;
    const t = this.dom.table('Meekoppelkansen');
    const address = `${column}${t.box.bottom + offset}`;
    if (formula !== undefined) this.dom.setFormula(t.sheet, address, formula, value as number);
    else if (!this.type(t.sheet, address, value)) return;
    this.onder.set(`${column}${offset}`, { column, offset, value: value ?? '', formula });
    this.seen.onder++;
    this.edits++;
  }

  typeNotitie(address: string, value: Scalar | null): void {
    this.typeBuiten(this.notitiesSheet, address, value);
  }

  /** a value in a cell outside every table, on any sheet */
  typeBuiten(sheet: string, address: string, value: Scalar | null): void {
    if (!this.type(sheet, address, value)) return;
    this.buiten.set(`${sheet}!${address}`, value ?? '');
    this.seen.buiten++;
  }

  /** a formula outside every table, with the result Excel cached for it */
  typeFormule(sheet: string, address: string, formula: string, cached: number): void {
    this.dom.setFormula(sheet, address, formula, cached);
    this.buiten.set(`${sheet}!${address}`, cached);
    this.formules.set(`${sheet}!${address}`, formula);
    this.seen.formule++;
    this.edits++;
  }

  addColumn(table: 'Werken' | 'Meekoppelkansen'): void {
    if (table === 'Meekoppelkansen' && (!this.analysed || this.mkEigen)) return;
    if (table === 'Werken' && this.werkenKoppen.includes(WERKEN_EIGEN)) return;
    this.dom.addTableColumn(table, table === 'Werken' ? WERKEN_EIGEN : MK_EIGEN);
    if (table === 'Werken') {
      this.werkenKoppen.push(WERKEN_EIGEN);
      for (const w of this.werken) w[WERKEN_EIGEN] = '';
    } else this.mkEigen = true;
    this.seen.eigenKolom++;
    this.edits++;
  }

  deleteWerk(row: number): void {
    if (this.werken.length <= 2) return;
    const werk = this.werken[row % this.werken.length];
    this.dom.deleteTableRow('Werken', this.werkRow(werk));
    this.werken.splice(this.werken.indexOf(werk), 1);
    this.weg.push(werk);
    this.seen.werkWeg++;
    this.edits++;
  }

  /** a deleted work typed in again below the table, which grows by that row; the add-in's column left empty */
  readdWerk(which: number): void {
    if (this.weg.length === 0) return;
    const werk = this.weg.splice(which % this.weg.length, 1)[0];
    const row = this.dom.addTableRow('Werken');
    const t = this.dom.table('Werken');
    t.headers.forEach((h, i) => {
      if (this.werkenKoppen.includes(h)) this.dom.setValue(t.sheet, `${letters(t.box.left + i)}${row}`, empty(werk[h]) ? null : werk[h]);
    });
    this.werken.push(werk);
    this.seen.werkTerug++;
    this.edits++;
  }

  /** one analysis through the CLI's write path (even runs) or the standalone page's (odd runs) */
  async analyse(): Promise<void> {
    const input = await this.dom.bytes();
    const raw = await readXlsx(input);
    const werkboek = readWerkboek(raw);
    this.pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
    const out = this.analyses % 2 === 0
      ? await resultsXlsx(input, raw.meekoppelkansen, raw.werken, werkboek, this.pairs)
      : await annotatedXlsx(input, raw, { werkboek, paren: this.pairs }, new Map());
    if (out.problems.length > 0) throw new Error(`the write reported ${JSON.stringify(out.problems)}`);
    const written = await XlsxDom.open(out.bytes);
    const compared = await checkAnalysisParts(input, out.bytes, { input: this.dom, output: written });
    this.parts.identical += compared.identical;
    this.parts.ownChanged += compared.ownChanged;
    this.dom = written;
    this.analysed = true;
    this.analyses++;
    bookAnalysis(this, this.pairs);
    this.checkWerkenColumn();
  }

  /** throws when anything the planner typed is not in the file as they typed it (type included) */
  check(): void {
    this.checkWerken();
    for (const [where, value] of this.buiten) {
      const [sheet, address] = where.split('!');
      const got = this.dom.value(sheet, address);
      if (norm(got) !== norm(value)) throw new Error(`${where}: ${JSON.stringify(got)} != typed ${JSON.stringify(value)}`);
    }
    for (const [where, formula] of this.formules) {
      const [sheet, address] = where.split('!');
      const got = this.dom.formula(sheet, address);
      if (got !== formula) throw new Error(`${where}: formula ${JSON.stringify(got)} != typed ${JSON.stringify(formula)}`);
    }
    if (this.analysed) this.checkMeekoppelkansen();
  }

  private checkWerken(): void {
    const { table, rows } = this.dom.tableRows('Werken');
    const planner = table.headers.filter((h) => h !== MK_KOLOM);
    if (planner.join('|') !== this.werkenKoppen.join('|')) throw new Error(`Werken headers ${planner.join(', ')} != ${this.werkenKoppen.join(', ')}`);
    if (rows.length !== this.werken.length) throw new Error(`Werken has ${rows.length} rows, the planner ${this.werken.length}`);
    rows.forEach((row, i) => {
      for (const h of this.werkenKoppen) {
        const got = row[table.headers.indexOf(h)];
        if (norm(got) !== norm(this.werken[i][h])) throw new Error(`Werken row ${i + 2} ${h}: ${JSON.stringify(got)} != typed ${JSON.stringify(this.werken[i][h])}`);
      }
    });
  }

  private checkMeekoppelkansen(): void {
    const { table, rows } = this.dom.tableRows('Meekoppelkansen');
    const col = (h: string) => table.headers.indexOf(h);
    const rowOf = new Map(rows.map((r) => [String(r[col('id')]), r]));
    const at = (id: string, h: string) => `${letters(table.box.left + col(h))}${table.box.top + 1 + rows.indexOf(rowOf.get(id) as (Scalar | null)[])}`;
    for (const [key, formula] of this.mkFormules) {
      const [id, h] = key.split('|');
      const got = rowOf.has(id) ? this.dom.formula(table.sheet, at(id, h)) : null;
      if (got !== formula) throw new Error(`Meekoppelkansen ${id} ${h}: formula ${JSON.stringify(got)} != typed ${JSON.stringify(formula)}`);
    }
    for (const [key, style] of this.mkStijlen) {
      const [id, h] = key.split('|');
      // a row that only carried a format goes with its pair, as werkboek.md asks of a row without planner input
      if (!rowOf.has(id) && !this.pairs.some((p) => p.id === id) && !this.mk.has(id)) {
        this.mkStijlen.delete(key);
        continue;
      }
      const got = rowOf.has(id) ? this.dom.style(table.sheet, at(id, h)) : null;
      if (got !== style) throw new Error(`Meekoppelkansen ${id} ${h}: style ${got} != set ${style}`);
    }
    for (const { column, offset, value, formula } of this.onder.values()) {
      const address = `${column}${table.box.bottom + offset}`;
      const got = this.dom.value(table.sheet, address);
      if (norm(got) !== norm(value)) throw new Error(`${offset} below Meekoppelkansen in ${column} (${address}): ${JSON.stringify(got)} != typed ${JSON.stringify(value)}`);
      if (formula !== undefined && this.dom.formula(table.sheet, address) !== formula) throw new Error(`${address} below Meekoppelkansen: formula ${JSON.stringify(this.dom.formula(table.sheet, address))} != typed ${JSON.stringify(formula)}`);
    }
    if (this.mkFilter) this.checkFilter(table);
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

  /** the planner's filter and sort on Meekoppelkansen are still there, over the table's rows */
  private checkFilter(table: { box: { top: number; left: number; bottom: number; right: number }; headers: string[] }): void {
    const xml = this.dom.tableXml('Meekoppelkansen');
    const ref = (top: number, left: number, right: number) => `${letters(left)}${top}:${letters(right)}${table.box.bottom}`;
    const overlap = table.box.left + table.headers.indexOf('overlap');
    const want = [
      `<autoFilter ref="${ref(table.box.top, table.box.left, table.box.right)}"><filterColumn colId="${table.headers.indexOf('status')}"><filters><filter val="nieuw"/></filters></filterColumn></autoFilter>`,
      `<sortState ref="${ref(table.box.top + 1, table.box.left, table.box.right)}"><sortCondition descending="1" ref="${ref(table.box.top + 1, overlap, overlap)}"/></sortState>`,
    ];
    for (const part of want) if (!xml.includes(part)) throw new Error(`the Meekoppelkansen table lost the planner's filter or sort: ${part} not in ${xml}`);
  }

  /** after an analysis: the add-in's Werken column holds each work's pairs */
  checkWerkenColumn(): void {
    const { table, rows } = this.dom.tableRows('Werken');
    rows.forEach((row) => {
      const id = String(row[table.headers.indexOf('id')]);
      const want = this.pairs.filter((p) => p.werkA === id || p.werkB === id).map((p) => p.id).sort();
      const got = String(row[table.headers.indexOf(MK_KOLOM)] ?? '').split(',').map((s) => s.trim()).filter(Boolean).sort();
      if (got.join() !== want.join()) throw new Error(`Werken ${id} meekoppelkansen: ${got.join()} != ${want.join()}`);
    });
  }
}
