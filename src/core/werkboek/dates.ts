/**
 * Calendar days: reading the date forms planners type, Excel serial numbers, and month arithmetic
 * as PostgreSQL does it. A `Day` is whole days since 1970-01-01 (UTC), so differences are day counts.
 */
import type { CellValue, Day } from '../types';
import { type Parsed, bad, errorMelding, isEmptyCell, ok } from './cells';

/** Whether a cell gives a period's start or its end: a quarter or a year means its first or last day. */
export type DateRole = 'start' | 'eind';

/** Dates outside these years are typing errors, not plans. */
export const FIRST_PLAUSIBLE_YEAR = 1990;
export const LAST_PLAUSIBLE_YEAR = 2100;

const MS_PER_DAY = 86_400_000;
// serial of 1970-01-01 in Excel's 1900 date system (it counts a 29 Feb 1900 that never was)
const SERIAL_1970 = 25_569;
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/**
 * The day of a calendar date, or undefined when the date does not exist (31 February).
 *
 * @example
 * makeDay(2027, 3, 1); // 20878
 * makeDay(2027, 2, 31); // undefined
 */
export function makeDay(year: number, month: number, day: number): Day | undefined {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return utcDay(year, month, day);
}

// setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999
function utcDay(year: number, month: number, day: number): Day {
  return new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
}

/**
 * Number of days in a month (1-12) of a year.
 *
 * @example
 * daysInMonth(2028, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  // day 0 of the next month is the last day of this one
  return new Date(new Date(0).setUTCFullYear(year, month, 0)).getUTCDate();
}

/**
 * Year, month (1-12) and day of month of a Day.
 *
 * @example
 * dayParts(20878); // { year: 2027, month: 3, day: 1 }
 */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A Day as ISO text `yyyy-mm-dd`.
 *
 * @example
 * dayToIso(20878); // '2027-03-01'
 */
export function dayToIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds calendar months as PostgreSQL's `date + interval 'n months'`: a day that does not exist in
 * the target month becomes that month's last day (31 Jan + 1 month = 28 or 29 Feb).
 *
 * @example
 * dayToIso(addMonths(makeDay(2027, 1, 31)!, 1)); // '2027-02-28'
 */
export function addMonths(day: Day, months: number): Day {
  if (!Number.isInteger(months)) throw new Error(`addMonths: months must be a whole number, got ${months}`);
  const p = dayParts(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return utcDay(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/**
 * The Day of an Excel serial number (1900 date system; a time of day is dropped). Serials 1-60
 * count Excel's non-existent 29 Feb 1900, so they are shifted a day: serial 60 becomes 1 Mar 1900,
 * the same day as serial 61. Excel never needs those in a plan; the reader reports them as implausible.
 *
 * @example
 * dayToIso(excelSerialToDay(46447)); // '2027-03-01'
 */
export function excelSerialToDay(serial: number): Day {
  const whole = Math.floor(serial);
  return whole > 60 ? whole - SERIAL_1970 : whole - SERIAL_1970 + 1;
}

/**
 * The Excel serial number of a Day (1900 date system), for writing a date cell.
 *
 * @example
 * dayToExcelSerial(makeDay(2027, 3, 1)!); // 46447
 */
export function dayToExcelSerial(day: Day): number {
  const serial = day + SERIAL_1970;
  if (serial >= 61) return serial;
  if (serial >= 1) return serial - 1;
  throw new Error(`dayToExcelSerial: ${dayToIso(day)} is before 1900-01-01, which Excel cannot show as a date`);
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const DUTCH = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const QUARTER_AFTER = /^(\d{4})\s*[- ]?\s*[QK]([1-4])$/i;
const QUARTER_BEFORE = /^[QK]([1-4])\s*[- ]?\s*(\d{4})$/i;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;

const FORMS_HINT = 'Schrijf bijvoorbeeld 2027-03-01, 1-3-2027 of 2027 Q1.';

/**
 * A start or end date from a cell: an Excel date serial, ISO `2027-03-01` (also with a time),
 * Dutch `1-3-2027` / `01-03-2027` / `1/3/2027` / `01.03.2027`, a quarter `2027 Q1` / `2027-Q1` /
 * `Q1 2027` (also K for kwartaal), a month `2027-03` or a year `2027` (also as a number cell).
 * A quarter, month or year means its first day as a start and its last day as an eind.
 * Dates that do not exist or lie outside 1990-2100 are bad input.
 *
 * @example
 * parseDay('2027 Q1', 'eind'); // { ok: true, value: <Day of 2027-03-31> }
 * parseDay('31-02-2027', 'start').ok; // false
 */
export function parseDay(value: CellValue | undefined, role: DateRole): Parsed<Day> {
  if (isEmptyCell(value)) return bad('De datum ontbreekt. ' + FORMS_HINT);
  if (typeof value === 'object' && value !== null) return bad(errorMelding(value.error));
  if (typeof value === 'boolean') return bad('Hier hoort een datum, geen WAAR/ONWAAR. ' + FORMS_HINT);
  if (typeof value === 'number') return parseNumberDay(value, role);
  return parseTextDay(String(value).trim(), role);
}

function parseNumberDay(value: number, role: DateRole): Parsed<Day> {
  if (Number.isInteger(value) && value >= FIRST_PLAUSIBLE_YEAR && value <= LAST_PLAUSIBLE_YEAR) {
    return periodDay(value, 1, 12, role);
  }
  if (!Number.isFinite(value) || value < 1) return bad(`${value} is geen datum. ${FORMS_HINT}`);
  return plausible(excelSerialToDay(value), String(value));
}

function parseTextDay(text: string, role: DateRole): Parsed<Day> {
  let m: RegExpMatchArray | null;
  if ((m = text.match(ISO))) return calendarDay(+m[1], +m[3], +m[4], text);
  if ((m = text.match(DUTCH))) return calendarDay(+m[4], +m[3], +m[1], text);
  if ((m = text.match(QUARTER_AFTER))) return periodDay(+m[1], +m[2] * 3 - 2, +m[2] * 3, role);
  if ((m = text.match(QUARTER_BEFORE))) return periodDay(+m[2], +m[1] * 3 - 2, +m[1] * 3, role);
  if ((m = text.match(YEAR_MONTH))) {
    if (+m[2] < 1 || +m[2] > 12) return bad(`Maand ${+m[2]} bestaat niet in "${text}". ${FORMS_HINT}`);
    return periodDay(+m[1], +m[2], +m[2], role);
  }
  if ((m = text.match(YEAR))) return periodDay(+m[1], 1, 12, role);
  return bad(oddFormMelding(text) ?? `"${text}" is geen datum die de invoegtoepassing herkent. ${FORMS_HINT}`);
}

// month names and their usual abbreviations, to name the exact fix for `1 maart 2027`
const MONTH_WORDS: Record<string, number> = Object.fromEntries([
  ...MONTHS.map((name, i) => [name, i + 1]),
  ...['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'].map((name, i) => [name, i + 1]),
  ['sept', 9], ['march', 3], ['may', 5], ['june', 6], ['july', 7], ['oct', 10], ['october', 10],
]);
const DAY_MONTH_WORD = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/i;
const MONTH_WORD_YEAR = /^([a-z]+)\.?\s+(\d{4})$/i;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const ANY_QUARTER = /^(?:(\d{4})\s*[- ]?\s*[QK](\d+)|[QK](\d+)\s*[- ]?\s*(\d{4}))$/i;

// a form that is not read, but whose meaning is clear enough to say exactly what to type instead
function oddFormMelding(text: string): string | undefined {
  let m: RegExpMatchArray | null;
  if ((m = text.match(DAY_MONTH_WORD)) && MONTH_WORDS[m[2].toLowerCase()]) {
    return `"${text}" heeft de maand in letters; die vorm wordt niet gelezen. Schrijf de datum in cijfers: ${+m[1]}-${MONTH_WORDS[m[2].toLowerCase()]}-${m[3]}.`;
  }
  if ((m = text.match(MONTH_WORD_YEAR)) && MONTH_WORDS[m[1].toLowerCase()]) {
    return `"${text}" heeft de maand in letters; die vorm wordt niet gelezen. Schrijf jaar-maand in cijfers: ${m[2]}-${String(MONTH_WORDS[m[1].toLowerCase()]).padStart(2, '0')}.`;
  }
  if ((m = text.match(MONTH_YEAR)) && +m[1] >= 1 && +m[1] <= 12) {
    return `"${text}" (maand-jaar) wordt niet gelezen. Schrijf een maand als jaar-maand: ${m[2]}-${m[1].padStart(2, '0')}.`;
  }
  if ((m = text.match(ANY_QUARTER))) {
    return `Kwartaal ${+(m[2] ?? m[3])} bestaat niet in "${text}". Gebruik Q1 tot en met Q4, bijvoorbeeld ${m[1] ?? m[4]} Q1.`;
  }
  return undefined;
}

// the first day of the first month (start) or the last day of the last month (eind)
function periodDay(year: number, firstMonth: number, lastMonth: number, role: DateRole): Parsed<Day> {
  const day = role === 'start' ? makeDay(year, firstMonth, 1) : makeDay(year, lastMonth, daysInMonth(year, lastMonth));
  return plausible(day as Day, String(year));
}

function calendarDay(year: number, month: number, day: number, text: string): Parsed<Day> {
  if (month < 1 || month > 12) return bad(`Maand ${month} bestaat niet in "${text}". ${FORMS_HINT}`);
  const result = makeDay(year, month, day);
  if (result === undefined) {
    return bad(`"${text}" bestaat niet: ${MONTHS[month - 1]} ${year} heeft ${daysInMonth(year, month)} dagen. Verbeter de dag.`);
  }
  return plausible(result, text);
}

function plausible(day: Day, text: string): Parsed<Day> {
  const { year } = dayParts(day);
  if (year < FIRST_PLAUSIBLE_YEAR || year > LAST_PLAUSIBLE_YEAR) {
    return bad(
      `"${text}" valt op ${dayToIso(day)}, buiten ${FIRST_PLAUSIBLE_YEAR}–${LAST_PLAUSIBLE_YEAR}. ` +
        `Controleer het jaartal. ${FORMS_HINT}`,
    );
  }
  return ok(day);
}
