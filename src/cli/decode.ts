/**
 * Text files from planners come as UTF-8 (with or without BOM) or, from older Excel versions,
 * as Windows-1252: decode the one that fits.
 */
import iconv from 'iconv-lite';

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8, else as Windows-1252.
 *
 * @example
 * decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9])); // 'Café' (Windows-1252)
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}
