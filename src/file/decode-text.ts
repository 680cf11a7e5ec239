/**
 * Text files from planners come as UTF-8 (with or without BOM) or, from older Excel versions, as
 * Windows-1252. This picks the one that fits; the Windows-1252 decoder is passed in, because the
 * browser's TextDecoder does it right and Node 20's does not (it maps 0x80–0x9F, `€` among them,
 * to control characters): the CLI passes iconv-lite (see src/cli/decode.ts).
 */

/** A Windows-1252 decoder. */
export type Windows1252Decoder = (bytes: Uint8Array) => string;

/**
 * The browser's decoder (WHATWG `windows-1252`, correct in browsers).
 *
 * @example
 * browserWindows1252(new Uint8Array([0x80])); // '€' in a browser
 */
export const browserWindows1252: Windows1252Decoder = (bytes) => new TextDecoder('windows-1252').decode(bytes);

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8 (a byte order mark dropped), else as Windows-1252.
 *
 * @example
 * decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9])); // { text: 'Café', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array, windows1252: Windows1252Decoder = browserWindows1252): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}
