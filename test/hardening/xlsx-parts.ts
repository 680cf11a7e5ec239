/**
 * What one analysis may change in an .xlsx file: the add-in's own sheets and tables (Meekoppelkansen,
 * Controle), the `meekoppelkansen` column of the Werken table, and, the first time, the workbook-level
 * parts that list those new sheets and their cell formats. Every other part must come out byte for
 * byte; the Werken sheet and table are compared cell by cell and attribute by attribute.
 */
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { zipParts } from '../file/helpers';
import { letters, XlsxDom, type TablePart } from './xlsx-dom';

/** how many parts one or more analyses left byte for byte, and how many of the add-in's own changed */
export interface PartsCompared { identical: number; ownChanged: number }

const OWN_TABLES = ['Meekoppelkansen', 'Controle'];
/** the parts that list sheets, parts and cell formats: only added to on the first analysis (preserve-libreoffice.test.ts checks the order too) */
const LISTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

const relsOf = (path: string): string => path.replace(/([^/]+)$/, '_rels/$1.rels');

/** the add-in's own parts in a written file: its sheets, their relationships and their tables */
function ownParts(dom: XlsxDom): Set<string> {
  const own = new Set<string>();
  for (const t of dom.tables().filter((x) => OWN_TABLES.includes(x.name))) {
    const sheet = dom.sheets().get(t.sheet) as string;
    own.add(t.path).add(sheet).add(relsOf(sheet));
  }
  return own;
}

/**
 * Throws unless `output` differs from `input` only where an analysis may write. `opened`: the two
 * files already open (saves parsing them again).
 *
 * @example
 * const compared = await checkAnalysisParts(before, after); // { identical: 14, ownChanged: 6 }
 */
export async function checkAnalysisParts(input: Uint8Array, output: Uint8Array, opened?: { input: XlsxDom; output: XlsxDom }): Promise<PartsCompared> {
  const [before, after] = [await zipParts(input), await zipParts(output)];
  const domBefore = opened?.input ?? await XlsxDom.open(input);
  const domAfter = opened?.output ?? await XlsxDom.open(output);
  const own = ownParts(domAfter);
  const first = !domBefore.tables().some((t) => t.name === 'Meekoppelkansen');
  const werken = domAfter.table('Werken');
  const werkenSheet = domAfter.sheets().get(werken.sheet) as string;
  const text = (parts: Map<string, Uint8Array>, path: string) => Buffer.from(parts.get(path) as Uint8Array).toString('utf8');
  const result: PartsCompared = { identical: 0, ownChanged: 0 };
  for (const [path, bytes] of before) {
    const now = after.get(path);
    if (!now) throw new Error(`the analysis dropped the part ${path}`);
    const same = Buffer.from(now).equals(Buffer.from(bytes));
    if (own.has(path) || (first && LISTS.includes(path))) {
      if (!same && !own.has(path)) checkAdditive(path, text(before, path), text(after, path));
      if (!same) result.ownChanged++;
    } else if (path === werkenSheet) {
      checkWerkenSheet(text(before, path), text(after, path), werken);
      result.ownChanged++;
    } else if (path === werken.path && first && !same) {
      checkWerkenTable(domBefore.table('Werken'), werken);
      result.ownChanged++;
    } else if (!same) {
      throw new Error(`the analysis changed ${path}, a part the add-in does not own`);
    } else {
      result.identical++;
    }
  }
  const added = [...after.keys()].filter((p) => !before.has(p) && !own.has(p));
  if (added.length > 0) throw new Error(`the analysis added parts it does not own: ${added.join(', ')}`);
  return result;
}

/** a list part only grows: every leaf element it had (a sheet, a relationship, a content type, a cell format's parts) is still there */
function checkAdditive(path: string, before: string, after: string): void {
  const leaves = (text: string): string[] => {
    const all = Array.from(new DOMParser().parseFromString(text, 'text/xml').getElementsByTagName('*') as unknown as ArrayLike<Element>);
    return all.filter((el) => elementChildren(el).length === 0).map(serialise);
  };
  const now = new Set(leaves(after));
  const gone = leaves(before).filter((leaf) => !now.has(leaf));
  if (gone.length > 0) throw new Error(`the first analysis took out of ${path}: ${gone.slice(0, 3).join(' ')}`);
}

/** the first analysis makes the Werken table one column wider, by the add-in's column, and changes nothing else of it */
function checkWerkenTable(old: TablePart, now: TablePart): void {
  const want = { headers: [...old.headers, 'meekoppelkansen'], box: { ...old.box, right: old.box.right + 1 } };
  if (JSON.stringify({ headers: now.headers, box: now.box }) !== JSON.stringify(want)) {
    throw new Error(`the Werken table became ${JSON.stringify(now)}; only ${JSON.stringify(want)} was allowed`);
  }
}

const elementChildren = (el: Element): Element[] => Array.from(el.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1);
const serialise = (el: Element): string => new XMLSerializer().serializeToString(el);
// spans only hints which columns a row's cells span: a cell added to the row may widen or drop it
const attributes = (el: Element): string => Array.from(el.attributes as unknown as ArrayLike<{ name: string; value: string }>)
  .filter((a) => a.name !== 'spans').map((a) => `${a.name}=${a.value}`).join(' ');

/** every cell and row of the Werken sheet as before, but the add-in's column inside the table; everything around sheetData as before */
function checkWerkenSheet(before: string, after: string, werken: TablePart): void {
  const column = letters(werken.box.left + werken.headers.indexOf('meekoppelkansen'));
  const inColumn = (address: string): boolean => {
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    return m[1] === column && Number(m[2]) >= werken.box.top && Number(m[2]) <= werken.box.bottom;
  };
  const view = (text: string) => {
    const root = new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as Element;
    const around = elementChildren(root).filter((c) => c.localName !== 'sheetData' && c.localName !== 'dimension').map(serialise);
    const rows = elementChildren(root).find((c) => c.localName === 'sheetData');
    const cells: string[] = [];
    const rowAttributes: string[] = [];
    for (const row of rows ? elementChildren(rows) : []) {
      const kept = elementChildren(row).filter((c) => !inColumn(c.getAttribute('r') ?? ''));
      cells.push(...kept.map(serialise));
      // a row that only ever held the add-in's cells is the add-in's to add or drop
      if (kept.length > 0 || elementChildren(row).length === 0) rowAttributes.push(attributes(row));
    }
    return { around, cells, rowAttributes };
  };
  const [was, is] = [view(before), view(after)];
  for (const key of ['around', 'cells', 'rowAttributes'] as const) {
    if (JSON.stringify(was[key]) !== JSON.stringify(is[key])) {
      const gone = was[key].filter((x) => !is[key].includes(x));
      const come = is[key].filter((x) => !was[key].includes(x));
      throw new Error(`the analysis changed the Werken sheet outside its column ${column} (${key}): gone ${JSON.stringify(gone.slice(0, 3))}, come ${JSON.stringify(come.slice(0, 3))}`);
    }
  }
}
