/**
 * A small werkboek in the fake Excel, and one analysis run through the real adapter, model and
 * engine, as the task pane does it.
 */
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readWerkboekFromExcel } from '../../src/excel/read';
import { type WriteReport, writeResults } from '../../src/excel/write';
import type { BatchOptions } from '../../src/excel/batch';
import { FakeWorkbook, type SeedSheet, type SeedValue, installFakeOffice } from '../fake-office';

export const WERKEN_HEADERS = ['id', 'categorie', 'eigenaar', 'titel', 'start', 'eind', 'geometrie'];

// 2027-03-01 and 2028-06-30 as Excel serials
export const START = 46447;
export const EIND = 46934;

/** three works along one street: every two of them share at least 30 m */
export function werkenRows(): SeedValue[][] {
  return [
    ['W1', 'warmtenet', 'Eneco', 'Warmtenet Lombok', { value: START, format: 'd-m-yyyy' }, { value: EIND, format: 'd-m-yyyy' }, 'LINESTRING(136600 455600, 136700 455600)'],
    ['W2', 'riolering', 'Gemeente Utrecht', 'Riool vervangen', START, EIND, 'LINESTRING(136620 455603, 136690 455603)'],
    ['W3', 'groen', 'Gemeente Utrecht', 'Bomen planten', '2027-06-01', '2027-12-31', 'LINESTRING(136650 455605, 136750 455605)'],
  ];
}

export function werkenSheet(rows = werkenRows()): SeedSheet {
  return { name: 'Werken', tables: [{ name: 'Werken', headers: WERKEN_HEADERS, rows }] };
}

export function regelsSheet(): SeedSheet {
  return { name: 'Regels', tables: [{ name: 'Regels', headers: ['naam', 'waarde'], rows: [['afstand_m', 10]] }] };
}

/** A fake workbook with the fake office.js installed as the global `Excel`. */
export function openWorkbook(sheets: SeedSheet[]): { wb: FakeWorkbook; close: () => void } {
  const wb = new FakeWorkbook({ sheets });
  return { wb, close: installFakeOffice(wb) };
}

/** Reads, analyses and writes back, as one press of the button. */
export async function runAnalysis(options: BatchOptions = {}): Promise<WriteReport> {
  const raw = await Excel.run((context) => readWerkboekFromExcel(context, options));
  const werkboek = readWerkboek(raw);
  const pairs = analyse(werkboek.werken, werkboek.buurten, werkboek.regels);
  return Excel.run((context) =>
    writeResults(context, { pairs, werken: werkboek.werken, problems: werkboek.problems, existing: raw }, options),
  );
}

/** A column of a table, by header, as plain values. */
export function column(wb: FakeWorkbook, table: string, header: string): unknown[] {
  const t = wb.readTable(table);
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${table}: ${t.headers.join(', ')}`);
  return t.rows.map((r) => r[i]);
}

/** The cell of a table at (row id, header), as plain value. */
export function cellOf(wb: FakeWorkbook, table: string, id: string, header: string): unknown {
  const t = wb.readTable(table);
  const row = t.rows.find((r) => r[t.headers.indexOf('id')] === id);
  return row?.[t.headers.indexOf(header)];
}
