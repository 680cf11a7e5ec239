/**
 * Where the add-in puts a table of its own: in place when it exists, else on a new sheet whose
 * name no planner's sheet has.
 */
import type { OwnTablePlace } from './own-table';
import type { ExcelRawTable, WorkbookIndex } from './read';

/** A free sheet name: `base`, else `base (2)`, `base (3)`, ... */
export function freeSheetName(base: string, sheets: readonly string[]): string {
  const taken = new Set(sheets.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  let n = 2;
  while (taken.has(`${base} (${n})`.toLowerCase())) n++;
  return `${base} (${n})`;
}

/** Where an own table goes: in place when our table exists, else on a new sheet (never a planner's). */
export function placeOf(role: string, table: ExcelRawTable | undefined, index: WorkbookIndex, meldingen: string[]): OwnTablePlace {
  if (table) return { existing: table };
  const sheet = freeSheetName(role, index.sheets);
  if (sheet !== role) {
    meldingen.push(`Het blad "${role}" is van u en blijft zoals het is; Koppelkaart schrijft de tabel ${role} op het nieuwe blad "${sheet}".`);
  }
  index.sheets.push(sheet);
  return { create: { sheet, newSheet: true } };
}

