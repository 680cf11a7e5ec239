import {
  addMonths,
  dayParts,
  dayToExcelSerial,
  dayToIso,
  daysInMonth,
  excelSerialToDay,
  makeDay,
  parseDay,
} from '../../../src/core/werkboek/dates';
import type { CellValue } from '../../../src/core/types';

const iso = (value: CellValue, role: 'start' | 'eind' = 'start'): string => {
  const r = parseDay(value, role);
  if (!r.ok) throw new Error(`expected a date for ${String(value)}, got: ${r.melding}`);
  return dayToIso(r.value);
};
const melding = (value: CellValue, role: 'start' | 'eind' = 'start'): string => {
  const r = parseDay(value, role);
  if (r.ok) throw new Error(`expected bad input for ${String(value)}, got ${dayToIso(r.value)}`);
  return r.melding;
};

describe('days', () => {
  it('counts days from 1970-01-01 in UTC', () => {
    expect(makeDay(1970, 1, 1)).toBe(0);
    expect(makeDay(2027, 3, 1)).toBe(20878);
    expect(dayToIso(20878)).toBe('2027-03-01');
    expect(dayParts(20878)).toEqual({ year: 2027, month: 3, day: 1 });
  });

  it('refuses dates that do not exist', () => {
    expect(makeDay(2027, 2, 29)).toBeUndefined();
    expect(makeDay(2028, 2, 29)).toBe(makeDay(2028, 3, 1)! - 1);
    expect(makeDay(2027, 13, 1)).toBeUndefined();
    expect(makeDay(2027, 4, 31)).toBeUndefined();
  });

  it('knows leap years, including the century rule', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2027, 12)).toBe(31);
  });
});

describe('addMonths, as PostgreSQL date + interval', () => {
  it('keeps the day of month when it exists', () => {
    expect(dayToIso(addMonths(makeDay(2027, 3, 15)!, 24))).toBe('2029-03-15');
  });
  it('clamps to the last day of a shorter month', () => {
    expect(dayToIso(addMonths(makeDay(2027, 1, 31)!, 1))).toBe('2027-02-28');
    expect(dayToIso(addMonths(makeDay(2026, 2, 28)!, 24))).toBe('2028-02-28');
    expect(dayToIso(addMonths(makeDay(2028, 2, 29)!, 24))).toBe('2030-02-28');
    expect(dayToIso(addMonths(makeDay(2027, 8, 31)!, 1))).toBe('2027-09-30');
  });
  it('goes back with negative months and across years', () => {
    expect(dayToIso(addMonths(makeDay(2027, 3, 31)!, -1))).toBe('2027-02-28');
    expect(dayToIso(addMonths(makeDay(2027, 1, 10)!, -13))).toBe('2025-12-10');
  });
  it('throws on a fractional month count, saying what to pass', () => {
    expect(() => addMonths(0, 1.5)).toThrow(/whole number/);
  });
});

describe('Excel serial numbers (1900 system)', () => {
  it('converts both ways for modern dates', () => {
    expect(dayToIso(excelSerialToDay(46447))).toBe('2027-03-01');
    expect(dayToExcelSerial(makeDay(2027, 3, 1)!)).toBe(46447);
    expect(dayToExcelSerial(0)).toBe(25569);
  });
  it('drops the time of day', () => {
    expect(dayToIso(excelSerialToDay(46447.75))).toBe('2027-03-01');
  });
  it("handles Excel's fake 29 February 1900", () => {
    expect(dayToIso(excelSerialToDay(1))).toBe('1900-01-01');
    expect(dayToIso(excelSerialToDay(59))).toBe('1900-02-28');
    expect(dayToIso(excelSerialToDay(60))).toBe('1900-03-01');
    expect(dayToIso(excelSerialToDay(61))).toBe('1900-03-01');
    expect(dayToExcelSerial(makeDay(1900, 1, 1)!)).toBe(1);
    expect(dayToExcelSerial(makeDay(1900, 3, 1)!)).toBe(61);
  });
  it('round-trips every day from 1900-03-01 to 2100', () => {
    for (let day = makeDay(1900, 3, 1)!; day < makeDay(2101, 1, 1)!; day += 97) {
      expect(excelSerialToDay(dayToExcelSerial(day))).toBe(day);
    }
  });
  it('throws for days Excel cannot show', () => {
    expect(() => dayToExcelSerial(makeDay(1899, 12, 1)!)).toThrow(/before 1900-01-01/);
  });
});

describe('parseDay', () => {
  it('reads an Excel date serial', () => {
    expect(iso(46447)).toBe('2027-03-01');
  });
  it('reads ISO dates, with or without a time', () => {
    expect(iso('2027-03-01')).toBe('2027-03-01');
    expect(iso(' 2027-3-1 ')).toBe('2027-03-01');
    expect(iso('2027-03-01T00:00:00')).toBe('2027-03-01');
    expect(iso('2027-03-01T23:30:00Z')).toBe('2027-03-01');
    expect(iso('2027-03-01 08:15')).toBe('2027-03-01');
    expect(iso('2027-03-01T08:15:00.000+01:00')).toBe('2027-03-01');
    expect(iso('2027/03/01')).toBe('2027-03-01');
  });
  it('reads Dutch day-month-year dates with -, / or .', () => {
    expect(iso('1-3-2027')).toBe('2027-03-01');
    expect(iso('01-03-2027')).toBe('2027-03-01');
    expect(iso('1/3/2027')).toBe('2027-03-01');
    expect(iso('01.03.2027')).toBe('2027-03-01');
    expect(iso('31-12-2029 00:00')).toBe('2029-12-31');
  });
  it('reads a quarter as its first day for a start and its last day for an eind', () => {
    expect(iso('2027 Q1', 'start')).toBe('2027-01-01');
    expect(iso('2027 Q1', 'eind')).toBe('2027-03-31');
    expect(iso('2027-Q2', 'eind')).toBe('2027-06-30');
    expect(iso('Q3 2027', 'start')).toBe('2027-07-01');
    expect(iso('2027-q4', 'eind')).toBe('2027-12-31');
    expect(iso('2027Q4', 'start')).toBe('2027-10-01');
    expect(iso('K2 2028', 'start')).toBe('2028-04-01');
  });
  it('reads a year, as text or as a number cell, as 1 January or 31 December', () => {
    expect(iso('2027', 'start')).toBe('2027-01-01');
    expect(iso('2027', 'eind')).toBe('2027-12-31');
    expect(iso(2028, 'start')).toBe('2028-01-01');
    expect(iso(2028, 'eind')).toBe('2028-12-31');
  });
  it('reads a year-month as its first or last day', () => {
    expect(iso('2028-02', 'start')).toBe('2028-02-01');
    expect(iso('2028-02', 'eind')).toBe('2028-02-29');
  });
  it('reports a date that does not exist, naming the month length', () => {
    expect(melding('31-02-2027')).toBe('"31-02-2027" bestaat niet: februari 2027 heeft 28 dagen. Verbeter de dag.');
    expect(melding('2027-04-31')).toMatch(/april 2027 heeft 30 dagen/);
    expect(melding('1-13-2027')).toMatch(/Maand 13 bestaat niet/);
    expect(melding('2027-13')).toMatch(/Maand 13 bestaat niet/);
  });
  it('reports implausible years', () => {
    expect(melding('1-3-1927')).toMatch(/valt op 1927-03-01, buiten 1990–2100/);
    expect(melding('2201 Q1')).toMatch(/buiten 1990–2100/);
    expect(melding(45)).toMatch(/valt op 1900-02-14/);
    expect(melding(80000)).toMatch(/buiten 1990–2100/);
  });
  it('reports text that is no date, empty cells, booleans, errors and negative numbers', () => {
    expect(melding('volgend jaar')).toMatch(/^"volgend jaar" is geen datum .* Schrijf bijvoorbeeld 2027-03-01/);
    expect(melding('2027 Q5')).toBe('Kwartaal 5 bestaat niet in "2027 Q5". Gebruik Q1 tot en met Q4, bijvoorbeeld 2027 Q1.');
    expect(melding('')).toMatch(/De datum ontbreekt/);
    expect(melding(null)).toMatch(/De datum ontbreekt/);
    expect(melding(true)).toMatch(/geen WAAR\/ONWAAR/);
    expect(melding({ error: '#N/A' })).toMatch(/Excel-fout #N\/A/);
    expect(melding(-3)).toMatch(/-3 is geen datum/);
  });

  it('names the exact fix for a date with the month in letters, a month-year or a fifth quarter', () => {
    expect(melding('1 maart 2027')).toBe('"1 maart 2027" heeft de maand in letters; die vorm wordt niet gelezen. Schrijf de datum in cijfers: 1-3-2027.');
    expect(melding('15 okt. 2028')).toMatch(/Schrijf de datum in cijfers: 15-10-2028\.$/);
    expect(melding('Maart 2027')).toMatch(/Schrijf jaar-maand in cijfers: 2027-03\.$/);
    expect(melding('03-2027')).toBe('"03-2027" (maand-jaar) wordt niet gelezen. Schrijf een maand als jaar-maand: 2027-03.');
    expect(melding('Q5 2027')).toBe('Kwartaal 5 bestaat niet in "Q5 2027". Gebruik Q1 tot en met Q4, bijvoorbeeld 2027 Q1.');
    expect(melding('13-2027')).toMatch(/is geen datum/);
    expect(melding('1 smarch 2027')).toMatch(/is geen datum/);
  });

  it('says NaN and Infinity in a date cell are no date', () => {
    expect(melding(NaN)).toMatch(/NaN is geen datum/);
    expect(melding(Infinity)).toMatch(/Infinity is geen datum/);
  });
});
