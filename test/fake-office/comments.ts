/**
 * `workbook.comments` in the fake (ExcelApi 1.10): a comment lives on its cell, so it moves when
 * cells shift and goes when its cell is deleted, as in Excel. Tests add them with `add` (or seed
 * `note` on a cell); the add-in reads them with `load('items')` and `getLocation()`.
 */
import { parseBox, splitSheet } from './address';
import { FakeCollection } from './collection';
import { FakeClientObject, FakeRequestContext, Reader } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { SheetModel } from './model';
import { FakeRange } from './range';

interface CommentTarget {
  sheet: SheetModel;
  row: number;
  col: number;
  note: string;
}

export class FakeCommentCollection extends FakeCollection<CommentTarget, FakeComment> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model.sheets.flatMap((sheet) => sheet.grid.notes().map((n) => ({ sheet, ...n }))));
  }

  protected item(target: CommentTarget): FakeComment {
    return new FakeComment(this.context, target);
  }

  /** office-js `comments.add(cellAddress, content)`: one cell, its sheet named or a range */
  add(cellAddress: string | FakeRange, content: string): void {
    this.context.queue(() => {
      const at = cellAddress instanceof FakeRange ? cellAddress.target() : undefined;
      const { sheet: name, local } = typeof cellAddress === 'string' ? splitSheet(cellAddress) : { sheet: undefined, local: '' };
      const sheet = at?.sheet ?? (name ? this.context.model.sheet(name) : undefined);
      const box = at?.box ?? parseBox(local);
      if (!sheet || !box || box.rowCount !== 1 || box.colCount !== 1) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `comments.add needs one cell with its sheet, not '${String(cellAddress)}'.`);
      }
      sheet.grid.set(box.row, box.col, { ...sheet.grid.get(box.row, box.col), note: content });
    });
  }
}

export class FakeComment extends FakeClientObject<CommentTarget> {
  protected readonly readers: Record<string, Reader<CommentTarget>> = { content: (t) => t.note };

  constructor(context: FakeRequestContext, target: CommentTarget) {
    super(context, { bound: target }, false, 'comment');
  }

  get content(): string { return this.get('content'); }

  /** the comment's cell where it was when the comments were loaded */
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, box: { row: t.row, col: t.col, rowCount: 1, colCount: 1 } };
    });
  }
}
