/**
 * Text files in the CLI: UTF-8 (with or without BOM) or Windows-1252, the latter through
 * iconv-lite because Node 20's TextDecoder maps 0x80–0x9F (`€`, `‘`, ...) wrongly.
 */
import iconv from 'iconv-lite';
import { decodeText as decodeWith } from '../file/decode-text';

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8, else as Windows-1252.
 *
 * @example
 * decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9])); // { text: 'Café', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  return decodeWith(bytes, (b) => iconv.decode(Buffer.from(b), 'win1252'));
}
