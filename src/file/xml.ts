/**
 * Small helpers over @xmldom/xmldom for the SpreadsheetML parts (works in node and the browser).
 * xmldom writes back unchanged markup as it read it, so a part we edit keeps everything we do not touch.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** the namespaces of the parts we edit */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export type XmlDocument = ReturnType<DOMParser['parseFromString']>;
export type XmlElement = NonNullable<XmlDocument['documentElement']>;

/**
 * Parses one part; a part that is not well-formed XML throws, naming the part.
 *
 * @example
 * parseXml('<a/>', 'xl/workbook.xml').documentElement?.tagName; // 'a'
 */
export function parseXml(text: string, partName: string): XmlDocument {
  let failure = '';
  const doc = new DOMParser({
    onError: (level, message) => { if (level !== 'warning') failure ||= message; },
  }).parseFromString(text, 'text/xml');
  if (failure || !doc.documentElement) throw new Error(`Het onderdeel ${partName} van het Excel-bestand is geen geldige XML: ${failure}`);
  return doc;
}

/**
 * Serialises a document back to text (the XML declaration included when it was there).
 *
 * @example
 * serializeXml(parseXml('<a/>', 'x')); // '<a/>'
 */
export function serializeXml(node: XmlDocument | XmlElement): string {
  return new XMLSerializer().serializeToString(node);
}

/** the root element; parseXml made sure there is one */
export function root(doc: XmlDocument): XmlElement {
  return doc.documentElement as XmlElement;
}

/** the direct children of an element with this local name */
export function childElements(parent: XmlElement, localName: string): XmlElement[] {
  const result: XmlElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === localName) result.push(n as XmlElement);
  }
  return result;
}

/** the first direct child with this local name, or null */
export function firstChild(parent: XmlElement, localName: string): XmlElement | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === localName) return n as XmlElement;
  }
  return null;
}

/** a new element in the namespace (and with the prefix) of the document's root, so no stray xmlns appears */
export function createElement(doc: XmlDocument, localName: string): XmlElement {
  const top = root(doc);
  const qualified = top.prefix ? `${top.prefix}:${localName}` : localName;
  return doc.createElementNS(top.namespaceURI, qualified);
}

/** drops characters XML 1.0 cannot carry (control characters from pasted text) */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** escapes text for an attribute or element written as a string */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
