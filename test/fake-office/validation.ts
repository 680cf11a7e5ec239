/**
 * `Excel.DataValidation` in the fake: the rule, error alert and blanks setting of a range's cells.
 * Each cell keeps its own validation (so it moves with the cell when rows are inserted or deleted),
 * and reading a range whose cells differ gives `type: 'Inconsistent'` and null details, as Excel does.
 */
import { FakeClientObject, FakeRequestContext, Reader, jsonBytes } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import type { Cell, CellValidation } from './grid';
import type { RangeTarget } from './range';

const KINDS: Record<string, string> = {
  list: 'List',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

const DEFAULT_ALERT: CellValidation['errorAlert'] = Object.freeze({ message: '', showAlert: true, style: 'Stop', title: '' });

function cellsOf(t: RangeTarget): Readonly<Cell>[] {
  const out: Readonly<Cell>[] = [];
  for (let r = 0; r < t.box.rowCount; r++) for (let c = 0; c < t.box.colCount; c++) out.push(t.sheet.grid.get(t.box.row + r, t.box.col + c));
  return out;
}

/** the one validation all cells share, null when none has one, 'mixed' when they differ */
function shared(t: RangeTarget): CellValidation | null | 'mixed' {
  const all = cellsOf(t).map((c) => c.dv);
  const key = (dv: CellValidation | undefined) => (dv ? JSON.stringify(dv) : '');
  const first = key(all[0]);
  if (all.some((dv) => key(dv) !== first)) return 'mixed';
  return all[0] ?? null;
}

/** office-js refuses a rule with no kind or more than one, and a list source over 255 characters */
function checkRule(rule: unknown): Record<string, unknown> {
  const kinds = rule && typeof rule === 'object' ? Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined) : [];
  if (kinds.length !== 1 || !(kinds[0] in KINDS)) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, 'A data validation rule needs exactly one of list, wholeNumber, decimal, date, time, textLength or custom.');
  }
  const list = (rule as { list?: { source?: unknown } }).list;
  if (list && (typeof list.source !== 'string' || list.source.length === 0 || list.source.length > 255)) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, 'A list source must be a non-empty text of at most 255 characters (or a range).');
  }
  return rule as Record<string, unknown>;
}

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  protected readonly readers: Record<string, Reader<RangeTarget>> = {
    type: (t) => {
      const dv = shared(t);
      return dv === 'mixed' ? 'Inconsistent' : dv ? (KINDS[Object.keys(dv.rule)[0]] ?? 'None') : 'None';
    },
    rule: (t) => {
      const dv = shared(t);
      return dv && dv !== 'mixed' ? dv.rule : null;
    },
    errorAlert: (t) => {
      const dv = shared(t);
      return dv && dv !== 'mixed' ? dv.errorAlert : null;
    },
    ignoreBlanks: (t) => {
      const dv = shared(t);
      return dv && dv !== 'mixed' ? dv.ignoreBlanks : true;
    },
  };

  constructor(context: FakeRequestContext, bind: () => RangeTarget) {
    super(context, bind, false, 'data validation');
  }

  get type(): string { return this.get('type'); }

  get rule(): Record<string, unknown> | null { return this.get('rule'); }
  set rule(rule: Record<string, unknown>) {
    this.update((dv) => ({ ...dv, rule: checkRule(rule) }), jsonBytes(rule));
  }

  get errorAlert(): CellValidation['errorAlert'] | null { return this.get('errorAlert'); }
  set errorAlert(alert: Partial<CellValidation['errorAlert']>) {
    this.update((dv) => ({ ...dv, errorAlert: { ...dv.errorAlert, ...alert } }), jsonBytes(alert));
  }

  get ignoreBlanks(): boolean { return this.get('ignoreBlanks'); }
  set ignoreBlanks(value: boolean) {
    this.update((dv) => ({ ...dv, ignoreBlanks: value }), 5);
  }

  /** removes the validation of every cell of the range */
  clear(): void {
    this.write((t) => {
      for (let r = 0; r < t.box.rowCount; r++) {
        for (let c = 0; c < t.box.colCount; c++) {
          const cell = t.sheet.grid.get(t.box.row + r, t.box.col + c);
          if (!cell.dv) continue;
          const { dv: _gone, ...rest } = cell;
          t.sheet.grid.set(t.box.row + r, t.box.col + c, rest);
        }
      }
    });
  }

  /** applies a change to each cell's validation; a cell without one starts from Excel's defaults */
  private update(change: (dv: CellValidation) => CellValidation, bytes: number): void {
    this.write((t) => {
      // cells that had the same validation share the new one, so 10,000 rows stay cheap
      const made = new Map<CellValidation | undefined, CellValidation>();
      for (let r = 0; r < t.box.rowCount; r++) {
        for (let c = 0; c < t.box.colCount; c++) {
          const cell = t.sheet.grid.get(t.box.row + r, t.box.col + c);
          let next = made.get(cell.dv);
          if (!next) {
            const base = cell.dv ?? { rule: {}, errorAlert: DEFAULT_ALERT, ignoreBlanks: true };
            next = change(base);
            made.set(cell.dv, next);
          }
          t.sheet.grid.set(t.box.row + r, t.box.col + c, { ...cell, dv: next });
        }
      }
    }, bytes);
  }
}
