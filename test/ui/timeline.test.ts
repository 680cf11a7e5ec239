import { tijdlijn } from '../../src/ui/timeline';
import { firstDayOfYear } from '../../src/ui/format';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('tijdlijn', () => {
  it('marks the gap between a work that ends in 2026 and one that starts in 2027', () => {
    const t = tijdlijn({ start: day('2026-01-01'), eind: day('2026-06-30') }, { start: day('2027-01-01'), eind: day('2027-12-31') }, 200);
    expect(t.marker.soort).toBe('tussen');
    expect(t.marker.dagen).toBe(day('2027-01-01') - day('2026-07-01'));
    // the gap starts where bar a ends and ends where bar b starts
    expect(t.marker.x).toBeCloseTo(t.a.x + t.a.width, 6);
    expect(t.marker.x + t.marker.width).toBeCloseTo(t.b.x, 6);
  });

  it('marks the shared months of two works that run at the same time', () => {
    const t = tijdlijn({ start: day('2026-01-01'), eind: day('2026-12-31') }, { start: day('2026-07-01'), eind: day('2027-06-30') }, 300);
    expect(t.marker.soort).toBe('overlap');
    expect(t.marker.dagen).toBe(day('2026-12-31') - day('2026-07-01') + 1);
    expect(t.marker.x).toBeCloseTo(t.b.x, 6);
  });

  it('spans whole years, with a tick on each first of January', () => {
    const t = tijdlijn({ start: day('2026-03-01'), eind: day('2026-04-01') }, { start: day('2028-05-01'), eind: day('2028-06-01') }, 300);
    expect(t.ticks.map((k) => k.jaar)).toEqual([2026, 2027, 2028, 2029]);
    expect(t.ticks[0].x).toBe(0);
    expect(t.ticks[3].x).toBeCloseTo(300, 6);
    expect(firstDayOfYear(2026)).toBe(day('2026-01-01'));
  });

  it('keeps every bar at least 2 units wide, so a one-day work still shows', () => {
    const t = tijdlijn({ start: day('2026-01-01'), eind: day('2026-01-01') }, { start: day('2030-01-01'), eind: day('2030-12-31') }, 100);
    expect(t.a.width).toBe(2);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => tijdlijn({ start: 10, eind: 5 }, { start: 1, eind: 2 }, 100)).toThrow(/eind/);
  });
});
