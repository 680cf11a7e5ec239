/**
 * An .xlsx file as a package of parts: opens the zip, finds sheets and tables through the
 * relationships, and writes back only the parts that were changed. Every other part leaves the
 * zip exactly as it came in.
 */
import JSZip from 'jszip';
import { NS, childElements, createElement, firstChild, parseXml, root, serializeXml, type XmlDocument, type XmlElement } from './xml';
import { decodeRef, type CellRange } from './cell-ref';
import { SheetEditor } from './sheet-editor';

export const CONTENT_TYPE = {
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
} as const;
export const REL_TYPE = {
  sheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

/** A worksheet of the workbook. */
export interface SheetRef {
  name: string;
  /** part path inside the zip, e.g. `xl/worksheets/sheet1.xml` */
  path: string;
}

/** An Excel table (ListObject) and where it lives. */
export interface TableRef {
  name: string;
  id: number;
  path: string;
  sheet: SheetRef;
  range: CellRange;
  headerRows: number;
  totalsRows: number;
}

const WORKBOOK = 'xl/workbook.xml';
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder('utf-8');
const TYPES = '[Content_Types].xml';

/**
 * The parts of one .xlsx file, parsed on demand and written back when changed.
 *
 * @example
 * const pkg = await XlsxPackage.open(bytes);
 * (await pkg.sheets()).map((s) => s.name);
 */
export class XlsxPackage {
  private readonly docs = new Map<string, XmlDocument>();
  /** worksheet parts, edited as text (big sheets would not fit a DOM) */
  private readonly sheetEditors = new Map<string, SheetEditor>();
  private readonly changed = new Set<string>();

  private constructor(private readonly zip: JSZip) {}

  /** Opens the bytes of an .xlsx file; rejects with a Dutch message when it is none. */
  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (err) {
      throw new Error(`Dit bestand is geen leesbaar Excel-bestand (.xlsx): ${(err as Error).message}`);
    }
    if (!zip.file(WORKBOOK) || !zip.file(TYPES)) throw new Error('Dit bestand is geen Excel-werkmap (.xlsx): xl/workbook.xml ontbreekt.');
    return new XlsxPackage(zip);
  }

  has(path: string): boolean {
    return this.docs.has(path) || this.sheetEditors.has(path) || this.zip.file(path) !== null;
  }

  /** a worksheet part to edit as text; edits are written back once `touch(path)` was called */
  async sheet(path: string): Promise<SheetEditor> {
    const cached = this.sheetEditors.get(path);
    if (cached) return cached;
    const doc = this.docs.get(path);
    const file = this.zip.file(path);
    if (!doc && !file) throw new Error(`Part ${path} is not in the package; check has(path) first.`);
    const editor = new SheetEditor(doc ? serializeXml(doc) : UTF8_DECODER.decode(await (file as JSZip.JSZipObject).async('uint8array')));
    this.docs.delete(path);
    this.sheetEditors.set(path, editor);
    return editor;
  }

  /** adds a new worksheet part from text and returns its editor */
  putSheet(path: string, text: string): SheetEditor {
    const editor = new SheetEditor(text);
    this.docs.delete(path);
    this.sheetEditors.set(path, editor);
    this.changed.add(path);
    return editor;
  }

  /** the parsed part; edits to it are written back once `touch(path)` was called */
  async xml(path: string): Promise<XmlDocument> {
    const cached = this.docs.get(path);
    if (cached) return cached;
    if (this.sheetEditors.has(path)) throw new Error(`Part ${path} is open as a sheet; use sheet(path), not xml(path).`);
    const file = this.zip.file(path);
    if (!file) throw new Error(`Part ${path} is not in the package; check has(path) first.`);
    const doc = parseXml(await file.async('string'), path);
    this.docs.set(path, doc);
    return doc;
  }

  /** marks a parsed part as changed */
  touch(path: string): void {
    if (!this.docs.has(path) && !this.sheetEditors.has(path)) throw new Error(`Part ${path} was never opened; call xml(path) or sheet(path) before touch(path).`);
    this.changed.add(path);
  }

  /** adds a new part (or replaces one) from text */
  put(path: string, text: string): void {
    this.sheetEditors.delete(path);
    this.docs.set(path, parseXml(text, path));
    this.changed.add(path);
  }

  remove(path: string): void {
    this.zip.remove(path);
    this.docs.delete(path);
    this.sheetEditors.delete(path);
    this.changed.delete(path);
  }

  /** the finished file: changed parts serialised, all others as they were */
  async bytes(): Promise<Uint8Array> {
    for (const path of this.changed) {
      const editor = this.sheetEditors.get(path);
      // no folder entries: Excel's own files have none
      const text = editor ? editor.toString() : serializeXml(this.docs.get(path) as XmlDocument);
      // the platform's UTF-8 encoder: JSZip's own, for a string, takes seconds on a big sheet
      this.zip.file(path, UTF8_ENCODER.encode(text), { binary: true, createFolders: false });
    }
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  }

  /** The worksheets in workbook order (chart sheets and others are left out). */
  async sheets(): Promise<SheetRef[]> {
    const workbook = root(await this.xml(WORKBOOK));
    const rels = await this.relationships(WORKBOOK);
    const sheetsEl = firstChild(workbook, 'sheets');
    if (!sheetsEl) return [];
    const result: SheetRef[] = [];
    for (const sheet of childElements(sheetsEl, 'sheet')) {
      const rel = rels.find((r) => r.id === sheet.getAttributeNS(NS.rel, 'id'));
      if (rel && rel.type === REL_TYPE.sheet) result.push({ name: sheet.getAttribute('name') ?? '', path: rel.target });
    }
    return result;
  }

  /** Every Excel table of the workbook, with its sheet. */
  async tables(): Promise<TableRef[]> {
    const result: TableRef[] = [];
    for (const sheet of await this.sheets()) {
      for (const rel of await this.relationships(sheet.path)) {
        if (rel.type !== REL_TYPE.table || !this.has(rel.target)) continue;
        const table = root(await this.xml(rel.target));
        const ref = table.getAttribute('ref');
        if (!ref) continue;
        result.push({
          name: table.getAttribute('displayName') || table.getAttribute('name') || '',
          id: Number(table.getAttribute('id')) || 0,
          path: rel.target,
          sheet,
          range: decodeRef(ref),
          headerRows: table.getAttribute('headerRowCount') === '0' ? 0 : 1,
          totalsRows: Number(table.getAttribute('totalsRowCount') ?? 0) || 0,
        });
      }
    }
    return result;
  }

  /** Names Excel keeps unique across the workbook: defined names and table names. */
  async reservedNames(): Promise<string[]> {
    const workbook = root(await this.xml(WORKBOOK));
    const defined = firstChild(workbook, 'definedNames');
    const names = defined ? childElements(defined, 'definedName').map((d) => d.getAttribute('name') ?? '') : [];
    return [...names, ...(await this.tables()).map((t) => t.name)];
  }

  /** The relationships of a part, targets resolved to package paths. */
  async relationships(partPath: string): Promise<Array<{ id: string; type: string; target: string }>> {
    const relsPath = relsPathOf(partPath);
    if (!this.has(relsPath)) return [];
    const rels = root(await this.xml(relsPath));
    return childElements(rels, 'Relationship').map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: r.getAttribute('TargetMode') === 'External' ? '' : resolveTarget(partPath, r.getAttribute('Target') ?? ''),
    }));
  }

  /** Adds a relationship from a part to another part; returns its new id. */
  async addRelationship(partPath: string, type: string, targetPath: string): Promise<string> {
    const relsPath = relsPathOf(partPath);
    if (!this.has(relsPath)) this.put(relsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"/>`);
    const doc = await this.xml(relsPath);
    const existing = new Set(childElements(root(doc), 'Relationship').map((r) => r.getAttribute('Id')));
    let n = existing.size + 1;
    while (existing.has(`rId${n}`)) n++;
    const rel = createElement(doc, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', type);
    rel.setAttribute('Target', relativeTarget(partPath, targetPath));
    root(doc).appendChild(rel);
    this.touch(relsPath);
    return `rId${n}`;
  }

  /** Removes the relationships of a part that point at a target. */
  async removeRelationshipsTo(partPath: string, targetPath: string): Promise<void> {
    const relsPath = relsPathOf(partPath);
    if (!this.has(relsPath)) return;
    const doc = await this.xml(relsPath);
    for (const rel of childElements(root(doc), 'Relationship')) {
      if (resolveTarget(partPath, rel.getAttribute('Target') ?? '') === targetPath) {
        root(doc).removeChild(rel);
        this.touch(relsPath);
      }
    }
  }

  /** Registers (or unregisters) a part's content type in [Content_Types].xml. */
  async setContentType(partPath: string, contentType: string | null): Promise<void> {
    const doc = await this.xml(TYPES);
    const partName = '/' + partPath;
    for (const o of childElements(root(doc), 'Override')) {
      if (o.getAttribute('PartName') === partName) root(doc).removeChild(o);
    }
    if (contentType) {
      const override = createElement(doc, 'Override');
      override.setAttribute('PartName', partName);
      override.setAttribute('ContentType', contentType);
      root(doc).appendChild(override);
    }
    this.touch(TYPES);
  }

  /** The first free part path of the form `<prefix><n>.xml`. */
  freePath(prefix: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}.xml`)) n++;
    return `${prefix}${n}.xml`;
  }

  get workbookPath(): string {
    return WORKBOOK;
  }
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels` */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** a relationship target (relative to the part's folder, or absolute) as a package path */
export function resolveTarget(partPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = partPath.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** a package path as a target relative to the part's folder */
function relativeTarget(partPath: string, targetPath: string): string {
  const from = partPath.split('/').slice(0, -1);
  const to = targetPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export type { XmlElement };
