import {
  addDays,
  addWeeks,
  compareDates,
  diffDays,
  formatDutchDate,
  isoDateSchema,
  isValidIsoDate,
  isWeekend,
  nextWeekdayAt,
  toInstant,
  toIsoDate,
  weekday,
} from '../../src/domain';

describe('IsoDate arithmetic', () => {
  it('adds days and weeks across month, year and leap-day boundaries', () => {
    expect(addDays('2026-06-15', 42)).toBe('2026-07-27');
    expect(addWeeks('2026-06-15', 6)).toBe('2026-07-27');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // DST changes do not affect calendar arithmetic
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('diffs and compares', () => {
    expect(diffDays('2026-07-27', '2026-06-15')).toBe(42);
    expect(diffDays('2026-06-15', '2026-07-27')).toBe(-42);
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(['2027-01-01', '2025-05-05', '2026-07-27'].sort(compareDates)).toEqual([
      '2025-05-05',
      '2026-07-27',
      '2027-01-01',
    ]);
  });

  it('knows weekdays', () => {
    expect(weekday('2026-07-27')).toBe(1); // maandag
    expect(weekday('2026-10-25')).toBe(0); // zondag
    expect(weekday('2027-03-27')).toBe(6);
    expect(isWeekend('2026-07-25')).toBe(true);
    expect(isWeekend('2026-07-24')).toBe(false);
  });

  it('rejects impossible dates in functions with a Dutch RangeError', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-2-3', 1)).toThrow(/JJJJ-MM-DD/);
    expect(() => addDays('2026-06-15', 1.5)).toThrow(RangeError);
  });
});

describe('isoDateSchema', () => {
  it('accepts real dates', () => {
    expect(isoDateSchema.parse('2028-02-29')).toBe('2028-02-29');
  });
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-06-31'])(
    'rejects impossible date %s in Dutch',
    (s) => {
      const r = isoDateSchema.safeParse(s);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Deze datum bestaat niet in de kalender');
    },
  );
  it('rejects wrong formats in Dutch', () => {
    const r = isoDateSchema.safeParse('15-06-2026');
    expect(r.error?.issues[0]?.message).toMatch(/formaat JJJJ-MM-DD/);
    expect(isoDateSchema.safeParse(20260615).success).toBe(false);
    expect(isValidIsoDate('2026-06-15')).toBe(true);
    expect(isValidIsoDate('2026-06-31')).toBe(false);
  });
});

describe('formatDutchDate', () => {
  it('writes dates the way letters to parents do', () => {
    expect(formatDutchDate('2026-07-27')).toBe('maandag 27 juli 2026');
    expect(formatDutchDate('2027-01-01')).toBe('vrijdag 1 januari 2027');
    expect(formatDutchDate('2026-03-29')).toBe('zondag 29 maart 2026');
  });
});

describe('toInstant / toIsoDate (Europe/Amsterdam)', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(toInstant('2026-01-15', '08:00')).toBe(Date.UTC(2026, 0, 15, 7, 0));
    expect(toInstant('2026-07-27', '17:00')).toBe(Date.UTC(2026, 6, 27, 15, 0));
  });

  it('is right around the spring-forward change of 2026-03-29', () => {
    expect(toInstant('2026-03-28', '08:00')).toBe(Date.UTC(2026, 2, 28, 7, 0)); // CET
    expect(toInstant('2026-03-29', '01:30')).toBe(Date.UTC(2026, 2, 29, 0, 30)); // still CET
    expect(toInstant('2026-03-29', '08:00')).toBe(Date.UTC(2026, 2, 29, 6, 0)); // CEST
    expect(toInstant('2026-03-30', '08:00')).toBe(Date.UTC(2026, 2, 30, 6, 0));
  });

  it('is right around the fall-back change of 2026-10-25', () => {
    expect(toInstant('2026-10-24', '08:00')).toBe(Date.UTC(2026, 9, 24, 6, 0)); // CEST
    expect(toInstant('2026-10-25', '08:00')).toBe(Date.UTC(2026, 9, 25, 7, 0)); // CET
    expect(toInstant('2026-10-25', '17:00')).toBe(Date.UTC(2026, 9, 25, 16, 0));
  });

  it('supports other zones', () => {
    expect(toInstant('2026-07-01', '08:00', 'UTC')).toBe(Date.UTC(2026, 6, 1, 8, 0));
  });

  it('gives the Amsterdam calendar date of an instant', () => {
    expect(toIsoDate(Date.UTC(2026, 6, 26, 22, 30))).toBe('2026-07-27'); // 00:30 CEST
    expect(toIsoDate(Date.UTC(2026, 6, 26, 21, 59))).toBe('2026-07-26');
    expect(toIsoDate(Date.UTC(2026, 11, 31, 23, 0))).toBe('2027-01-01'); // 00:00 CET
    expect(toIsoDate(Date.UTC(2026, 11, 31, 23, 0), 'UTC')).toBe('2026-12-31');
  });

  it('round-trips dates through instants', () => {
    for (const d of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-02-29']) {
      expect(toIsoDate(toInstant(d, '08:00'))).toBe(d);
      expect(toIsoDate(toInstant(d, '00:00'))).toBe(d);
      expect(toIsoDate(toInstant(d, '23:59'))).toBe(d);
    }
  });

  it('rejects bad times', () => {
    expect(() => toInstant('2026-01-01', '24:00')).toThrow(RangeError);
    expect(() => toInstant('2026-01-01', '8:00')).toThrow(/UU:MM/);
  });
});

describe('nextWeekdayAt (Monday 08:00 digest)', () => {
  const MAANDAG = 1;
  it('after Sat 2026-10-24 → Mon 2026-10-26 08:00 CET = 07:00Z', () => {
    expect(nextWeekdayAt(Date.UTC(2026, 9, 24, 12, 0), MAANDAG, '08:00')).toBe(Date.UTC(2026, 9, 26, 7, 0));
  });
  it('after Sat 2027-03-27 → Mon 2027-03-29 08:00 CEST = 06:00Z', () => {
    expect(nextWeekdayAt(Date.UTC(2027, 2, 27, 12, 0), MAANDAG, '08:00')).toBe(Date.UTC(2027, 2, 29, 6, 0));
  });
  it('is strictly after: exactly at Monday 08:00 gives the next Monday', () => {
    const at = toInstant('2026-11-30', '08:00');
    expect(nextWeekdayAt(at, MAANDAG, '08:00')).toBe(toInstant('2026-12-07', '08:00'));
    expect(nextWeekdayAt(at - 1, MAANDAG, '08:00')).toBe(at);
  });
  it('on Monday before 08:00 gives the same day', () => {
    expect(nextWeekdayAt(toInstant('2026-11-30', '07:59'), MAANDAG, '08:00')).toBe(toInstant('2026-11-30', '08:00'));
  });
  it('handles late Sunday evening in Amsterdam (already Sunday night UTC)', () => {
    // Sun 2026-11-29 23:30 Amsterdam = 22:30Z
    expect(nextWeekdayAt(Date.UTC(2026, 10, 29, 22, 30), MAANDAG, '08:00')).toBe(Date.UTC(2026, 10, 30, 7, 0));
  });
  it('validates the weekday', () => {
    expect(() => nextWeekdayAt(0, 7, '08:00')).toThrow(RangeError);
  });
});

describe('day arithmetic without Date objects', () => {
  it('agrees with Date.UTC on every day from 1960 to 2130', () => {
    const wrong: string[] = [];
    for (let n = -3653; n < 58440; n++) {
      const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (addDays('1970-01-01', n) !== viaDate || diffDays(viaDate, '1970-01-01') !== n) wrong.push(viaDate);
    }
    expect(wrong).toEqual([]);
  });
});
