import {
  schooldagenTussen,
  addSchoolDays,
  diffDays,
  easterSunday,
  feestdagenIn,
  feestdagOn,
  hasSchoolHolidayData,
  isSchoolDay,
  nextSchoolDay,
  nonSchoolDayReason,
  previousSchoolDay,
  regionaalRooster,
  REGIOS,
  SCHOOLJAREN_MET_VAKANTIEDATA,
  SCHOOLVAKANTIES,
  schoolHolidayOn,
  SchoolRooster,
  weekday,
} from '../../src/domain';

describe('easterSunday (computus)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (y, d) => {
    expect(easterSunday(y)).toBe(d);
  });
});

describe('feestdagen', () => {
  it('Koningsdag 2025 is 26 April because 27 April is a Sunday', () => {
    expect(weekday('2025-04-27')).toBe(0);
    expect(feestdagOn('2025-04-26')?.naam).toBe('Koningsdag');
    expect(feestdagOn('2025-04-27')).toBeUndefined();
    expect(feestdagOn('2026-04-27')?.naam).toBe('Koningsdag');
  });

  it('lists the 2026 feestdagen', () => {
    expect(feestdagenIn(2026).map((f) => `${f.datum} ${f.naam}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('Goede Vrijdag counts for the Algemene termijnenwet (art. 3 lid 2) and is no school day', () => {
    expect(feestdagOn('2026-04-03')?.atw).toBe('art. 3 lid 2');
    expect(isSchoolDay('2026-04-03', 'midden')).toBe(false);
    expect(nonSchoolDayReason('2026-04-03', 'midden')).toBe('Goede Vrijdag');
    expect(feestdagOn('2026-05-14')?.atw).toBe('art. 3 lid 1');
    expect(isSchoolDay('2026-05-14', 'zuid')).toBe(false);
    expect(isSchoolDay('2026-05-25', 'noord')).toBe(false); // Tweede Pinksterdag
    expect(isSchoolDay('2026-05-26', 'noord')).toBe(true);
  });
});

describe('25 December', () => {
  it('is never a school day, in any region, any year, whatever the rooster', () => {
    for (let y = 2020; y <= 2040; y++) {
      for (const regio of REGIOS) {
        expect(isSchoolDay(`${y}-12-25`, regio)).toBe(false);
        expect(isSchoolDay(`${y}-12-25`, regio, [])).toBe(false);
      }
    }
  });
});

describe('zomervakantie 2026 boundaries', () => {
  it.each([
    ['noord', '2026-07-04', '2026-08-16', '2026-07-03', '2026-08-17'],
    ['midden', '2026-07-18', '2026-08-30', '2026-07-17', '2026-08-31'],
    ['zuid', '2026-07-11', '2026-08-23', '2026-07-10', '2026-08-24'],
  ] as const)('regio %s: %s t/m %s', (regio, van, tot, schooldagVoor, schooldagNa) => {
    expect(schoolHolidayOn(van, regio)?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn(tot, regio)?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn(schooldagVoor, regio)).toBeUndefined();
    expect(isSchoolDay(schooldagVoor, regio)).toBe(true);
    expect(isSchoolDay(schooldagNa, regio)).toBe(true);
    // first weekday of the holiday is not a school day; previous school day is the Friday before
    expect(previousSchoolDay(`${van.slice(0, 8)}${String(Number(van.slice(8)) + 2).padStart(2, '0')}`, regio)).toBe(
      schooldagVoor,
    );
    expect(previousSchoolDay(tot, regio)).toBe(schooldagVoor);
    expect(nextSchoolDay(van, regio)).toBe(schooldagNa);
    expect(nonSchoolDayReason(tot, regio)).toBe(`zomervakantie regio ${regio}`);
  });
});

describe('school days', () => {
  it('previousSchoolDay / nextSchoolDay return the day itself when it is a school day', () => {
    expect(previousSchoolDay('2026-06-17', 'midden')).toBe('2026-06-17');
    expect(nextSchoolDay('2026-06-17', 'midden')).toBe('2026-06-17');
    expect(previousSchoolDay('2026-06-21', 'midden')).toBe('2026-06-19'); // Sunday → Friday
    expect(nextSchoolDay('2026-06-20', 'midden')).toBe('2026-06-22');
  });

  it('addSchoolDays skips the kerstvakantie', () => {
    // Thu 18 Dec 2025 + 1 = Fri 19 Dec; + 2 = Mon 5 Jan 2026 (kerstvakantie 20 Dec – 4 Jan)
    expect(addSchoolDays('2025-12-18', 1, 'midden')).toBe('2025-12-19');
    expect(addSchoolDays('2025-12-18', 2, 'midden')).toBe('2026-01-05');
    expect(addSchoolDays('2025-12-18', 10, 'noord')).toBe('2026-01-15'); // 19 Dec + 5–9 Jan + 12–15 Jan
    // counting back over it
    expect(addSchoolDays('2026-01-05', -1, 'zuid')).toBe('2025-12-19');
    // from inside the holiday: the first school day after it is day 1
    expect(addSchoolDays('2025-12-24', 1, 'zuid')).toBe('2026-01-05');
    expect(addSchoolDays('2025-12-24', 0, 'zuid')).toBe('2025-12-24');
  });

  it('addSchoolDays skips feestdagen and regional herfstvakanties', () => {
    // Tweede Pinksterdag 2026-05-25: Fri 22 May + 1 = Tue 26 May
    expect(addSchoolDays('2026-05-22', 1, 'midden')).toBe('2026-05-26');
    // herfstvakantie 2026: noord 10–18 Oct, midden/zuid 17–25 Oct
    expect(addSchoolDays('2026-10-09', 1, 'noord')).toBe('2026-10-19');
    expect(addSchoolDays('2026-10-09', 1, 'midden')).toBe('2026-10-12');
    expect(addSchoolDays('2026-10-16', 1, 'zuid')).toBe('2026-10-26');
  });

  it('uses the school rooster instead of the regional holidays when given', () => {
    const rooster: SchoolRooster = [{ naam: 'kerstvakantie', van: '2025-12-22', tot: '2026-01-02' }];
    expect(isSchoolDay('2025-12-19', 'midden', rooster)).toBe(true);
    expect(isSchoolDay('2025-12-22', 'midden', rooster)).toBe(false);
    expect(nonSchoolDayReason('2025-12-22', 'midden', rooster)).toBe('kerstvakantie volgens schoolrooster');
    expect(isSchoolDay('2026-01-02', 'midden', rooster)).toBe(false);
    expect(isSchoolDay('2026-07-20', 'midden', rooster)).toBe(true); // this rooster has no summer listed
    expect(isSchoolDay('2026-07-20', 'midden')).toBe(false);
    expect(isSchoolDay('2025-12-25', 'midden', rooster)).toBe(false);
  });

  it('does not count the advisory extra meivakantie week by default', () => {
    expect(schoolHolidayOn('2026-04-20', 'midden')).toBeUndefined();
    expect(isSchoolDay('2026-04-20', 'midden')).toBe(true);
    expect(schoolHolidayOn('2026-04-28', 'midden')?.naam).toBe('meivakantie');
  });

  it('falls back to weekends and feestdagen outside the holiday data', () => {
    expect(hasSchoolHolidayData('2026-07-20')).toBe(true);
    expect(hasSchoolHolidayData('2030-07-22')).toBe(true); // school year 2029-2030, zomervakantie midden
    expect(hasSchoolHolidayData('2030-08-01')).toBe(false); // 2030-2031: not published yet
    expect(isSchoolDay('2031-07-21', 'midden')).toBe(true); // a Monday, no regional summer known
    expect(isSchoolDay('2031-05-22', 'midden')).toBe(false); // Hemelvaartsdag 2031
  });

  it('rejects impossible dates', () => {
    expect(() => isSchoolDay('2026-02-30', 'midden')).toThrow(RangeError);
    expect(() => addSchoolDays('2026-02-01', 1.5, 'midden')).toThrow(RangeError);
  });
});

describe('holiday data sanity', () => {
  it('every period runs Saturday to Sunday, in order, with 6-week summers', () => {
    for (const regio of REGIOS) {
      for (const v of SCHOOLVAKANTIES[regio]) {
        expect([v.naam, v.van, weekday(v.van)]).toEqual([v.naam, v.van, 6]);
        expect([v.naam, v.tot, weekday(v.tot)]).toEqual([v.naam, v.tot, 0]);
        expect(diffDays(v.tot, v.van)).toBeGreaterThan(0);
        if (v.naam === 'zomervakantie') expect(diffDays(v.tot, v.van)).toBe(43);
        if (v.naam === 'herfstvakantie' || v.naam === 'voorjaarsvakantie') expect(diffDays(v.tot, v.van)).toBe(8);
      }
    }
  });
  it('covers each school year in SCHOOLJAREN_MET_VAKANTIEDATA with all five holidays per region', () => {
    expect(SCHOOLJAREN_MET_VAKANTIEDATA).toEqual(['2025-2026', '2026-2027', '2027-2028', '2028-2029', '2029-2030']);
    for (const regio of REGIOS) {
      for (const sj of SCHOOLJAREN_MET_VAKANTIEDATA) {
        const namen = SCHOOLVAKANTIES[regio]
          .filter((v) => v.schooljaar === sj && v.status !== 'adviesweek')
          .map((v) => v.naam);
        expect(namen.sort()).toEqual([
          'herfstvakantie',
          'kerstvakantie',
          'meivakantie',
          'voorjaarsvakantie',
          'zomervakantie',
        ]);
      }
    }
  });
  it('has the official 2027-2028 dates', () => {
    expect(schoolHolidayOn('2028-09-03', 'zuid')?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn('2028-07-08', 'midden')?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn('2027-10-23', 'zuid')?.naam).toBe('herfstvakantie');
    expect(schoolHolidayOn('2027-10-23', 'noord')?.naam).toBe('herfstvakantie');
    expect(schoolHolidayOn('2027-10-25', 'noord')).toBeUndefined();
  });
});

describe('regionaalRooster: the calendar a case carries with it', () => {
  it('copies the region’s holidays in the range, named with their region, without advisory weeks', () => {
    const rooster = regionaalRooster('midden', '2026-06-15', '2027-06-15');
    expect(rooster.map((v) => v.naam)).toEqual([
      'zomervakantie regio midden',
      'herfstvakantie regio midden',
      'kerstvakantie regio midden',
      'voorjaarsvakantie regio midden',
      'meivakantie regio midden',
    ]);
    // It answers like the regional table for those dates, and names the region in rule texts.
    for (const d of ['2026-07-17', '2026-07-20', '2026-12-21', '2027-01-04', '2027-02-22']) {
      expect(isSchoolDay(d, 'midden', rooster)).toBe(isSchoolDay(d, 'midden'));
    }
    expect(nonSchoolDayReason('2026-07-20', 'midden', rooster)).toBe('zomervakantie regio midden');
    expect(
      nonSchoolDayReason('2026-07-20', 'midden', [{ naam: 'zomervakantie', van: '2026-07-18', tot: '2026-08-30' }]),
    ).toBe('zomervakantie volgens schoolrooster');
  });
});

describe('schooldagenTussen', () => {
  it('counts the school days after the first date up to and including the second', () => {
    // Monday 14 December 2026 → Monday 11 January 2027 (regio midden): kerstvakantie 19 Dec – 3 Jan.
    expect(schooldagenTussen('2026-12-14', '2027-01-11', 'midden')).toBe(10);
    expect(schooldagenTussen('2026-12-14', '2026-12-14', 'midden')).toBe(0);
    expect(schooldagenTussen('2026-12-14', '2026-12-01', 'midden')).toBe(0);
  });
});
