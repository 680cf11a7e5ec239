/**
 * A work's location from a CSV row: geometry text, or a point from x/y (RD New) or lat/lon (WGS84)
 * columns, as geometry text the werkboek reader understands.
 */
import { cellToNumber } from '../werkboek/cells';

/** The fields that give a location. */
export type Location = 'geometrie' | 'x' | 'y' | 'lat' | 'lon';

/** geometry text (empty when the row gives no location at all), or why the coordinates cannot be used */
export type LocationResult =
  | { ok: true; text: string }
  | { ok: false; kolom: number[]; waarde: string; melding: string };

/**
 * The geometry text of one row: the geometry column when filled, else `POINT(x y)` from RD
 * coordinates, else `SRID=4326;POINT(lon lat)` from degrees. Decimal commas are read.
 *
 * @example
 * locationText(['136603,38', '455665,99'], new Map([['x', 0], ['y', 1]])); // { ok: true, text: 'POINT(136603.38 455665.99)' }
 */
export function locationText(row: readonly string[], byField: ReadonlyMap<Location, number>): LocationResult {
  const text = (f: Location) => (byField.has(f) ? (row[byField.get(f) as number] ?? '').trim() : '');
  if (text('geometrie') !== '') return { ok: true, text: text('geometrie') };
  const rd = point(text, byField, 'x', 'y');
  if (rd !== undefined) return rd.ok ? { ok: true, text: `POINT(${rd.text})` } : rd;
  const wgs = point(text, byField, 'lon', 'lat');
  if (wgs !== undefined) return wgs.ok ? { ok: true, text: `SRID=4326;POINT(${wgs.text})` } : wgs;
  return { ok: true, text: '' };
}

/** `a b` from two coordinate columns; undefined when both are empty */
function point(text: (f: Location) => string, byField: ReadonlyMap<Location, number>, a: Location, b: Location): LocationResult | undefined {
  const [ta, tb] = [text(a), text(b)];
  if (ta === '' && tb === '') return undefined;
  const cols = [byField.get(a), byField.get(b)].filter((c): c is number => c !== undefined);
  if (ta === '' || tb === '') {
    const [filled, empty] = ta === '' ? [b, a] : [a, b];
    return { ok: false, kolom: cols, waarde: ta || tb, melding: `${filled} is ingevuld maar ${empty} niet. Vul beide coördinaten in; de regel is niet overgenomen.` };
  }
  const [na, nb] = [cellToNumber(ta), cellToNumber(tb)];
  if (!na.ok || !nb.ok) {
    const melding = (!na.ok ? na.melding : '') + (!nb.ok ? (na.ok ? '' : ' ') + (nb as { melding: string }).melding : '');
    return { ok: false, kolom: cols, waarde: `${ta} ${tb}`, melding: `${melding} De regel is niet overgenomen.` };
  }
  return { ok: true, text: `${na.value} ${nb.value}` };
}
