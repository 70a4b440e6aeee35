/**
 * The regional school holiday table against the OCW/Rijksoverheid "Overzicht schoolvakanties" pages
 * (sources per school year in src/domain/holidayData.ts).
 */
import {
  addSchoolDays,
  diffDays,
  hasSchoolHolidayData,
  isSchoolDay,
  nextSchoolDay,
  previousSchoolDay,
  REGIOS,
  SCHOOLJAREN_MET_VAKANTIEDATA,
  SCHOOLVAKANTIES,
  schoolHolidayOn,
} from '../../src/domain';

describe('2026-2027 corrections (issue: zuid rows)', () => {
  it('voorjaarsvakantie zuid 2027 is 13–21 February, not the carnaval week 6–14 February', () => {
    expect(schoolHolidayOn('2027-02-15', 'zuid')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2027-02-13', 'zuid')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2027-02-21', 'zuid')?.naam).toBe('voorjaarsvakantie');
    expect(isSchoolDay('2027-02-08', 'zuid')).toBe(true);
    expect(isSchoolDay('2027-02-12', 'zuid')).toBe(true);
    expect(isSchoolDay('2027-02-22', 'zuid')).toBe(true);
    // noord and midden a week later
    expect(isSchoolDay('2027-02-15', 'noord')).toBe(true);
    expect(isSchoolDay('2027-02-15', 'midden')).toBe(true);
    expect(schoolHolidayOn('2027-02-22', 'midden')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2027-02-22', 'noord')?.naam).toBe('voorjaarsvakantie');
  });

  it.each([
    ['noord', '2027-07-10', '2027-08-22', '2027-07-09', '2027-08-23'],
    ['midden', '2027-07-17', '2027-08-29', '2027-07-16', '2027-08-30'],
    ['zuid', '2027-07-24', '2027-09-05', '2027-07-23', '2027-09-06'],
  ] as const)('zomervakantie 2027 regio %s: %s t/m %s', (regio, van, tot, laatsteSchooldag, eersteSchooldag) => {
    expect(schoolHolidayOn(van, regio)?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn(tot, regio)?.naam).toBe('zomervakantie');
    expect(SCHOOLVAKANTIES[regio].find((v) => v.naam === 'zomervakantie' && v.van === van)?.schooljaar).toBe(
      '2026-2027',
    );
    expect(isSchoolDay(laatsteSchooldag, regio)).toBe(true);
    expect(isSchoolDay(eersteSchooldag, regio)).toBe(true);
    expect(nextSchoolDay(van, regio)).toBe(eersteSchooldag);
    expect(previousSchoolDay(tot, regio)).toBe(laatsteSchooldag);
  });

  it('zuid is still at school in the week of 19 July 2027 and on holiday until 5 September', () => {
    expect(isSchoolDay('2027-07-19', 'zuid')).toBe(true);
    expect(isSchoolDay('2027-07-19', 'midden')).toBe(false);
    expect(isSchoolDay('2027-08-30', 'zuid')).toBe(false);
    expect(isSchoolDay('2027-08-30', 'midden')).toBe(true);
    expect(addSchoolDays('2027-07-23', 1, 'zuid')).toBe('2027-09-06');
  });

  it('meivakantie 2027 is 24 April – 2 May in every region; the week after is a school week by default', () => {
    for (const regio of REGIOS) {
      expect(schoolHolidayOn('2027-04-24', regio)?.naam).toBe('meivakantie');
      expect(schoolHolidayOn('2027-05-02', regio)?.naam).toBe('meivakantie');
      expect(isSchoolDay('2027-04-23', regio)).toBe(true);
      expect(isSchoolDay('2027-05-03', regio)).toBe(true);
      expect(isSchoolDay('2027-05-06', regio)).toBe(false); // Hemelvaartsdag
    }
  });
});

describe('2027-2028 (official table, unchanged)', () => {
  it('keeps the official rows', () => {
    expect(schoolHolidayOn('2027-12-25', 'midden')?.naam).toBe('kerstvakantie');
    expect(schoolHolidayOn('2028-01-09', 'zuid')?.naam).toBe('kerstvakantie');
    expect(schoolHolidayOn('2028-02-19', 'noord')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2028-02-21', 'zuid')).toBeUndefined();
    expect(schoolHolidayOn('2028-03-05', 'zuid')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2028-04-24', 'noord')).toBeUndefined(); // adviesweek 22–30 April
    expect(schoolHolidayOn('2028-05-01', 'noord')?.naam).toBe('meivakantie');
    expect(schoolHolidayOn('2028-07-15', 'noord')?.naam).toBe('zomervakantie');
  });
});

describe('2028-2029 (official table, added)', () => {
  it('is covered', () => {
    expect(hasSchoolHolidayData('2028-08-01')).toBe(true);
    expect(hasSchoolHolidayData('2029-07-31')).toBe(true);
  });

  it('has the official dates', () => {
    expect(schoolHolidayOn('2028-10-16', 'noord')?.naam).toBe('herfstvakantie');
    expect(isSchoolDay('2028-10-16', 'midden')).toBe(true);
    expect(schoolHolidayOn('2028-10-23', 'zuid')?.naam).toBe('herfstvakantie');
    expect(schoolHolidayOn('2028-12-27', 'midden')?.naam).toBe('kerstvakantie');
    expect(schoolHolidayOn('2029-01-07', 'noord')?.naam).toBe('kerstvakantie');
    expect(isSchoolDay('2029-01-08', 'noord')).toBe(true);
    expect(schoolHolidayOn('2029-02-12', 'zuid')?.naam).toBe('voorjaarsvakantie');
    expect(isSchoolDay('2029-02-19', 'zuid')).toBe(true);
    expect(schoolHolidayOn('2029-02-19', 'noord')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2029-04-30', 'midden')?.naam).toBe('meivakantie');
    // the adviesweek 21–29 April 2029 is listed but not a holiday by default
    expect(SCHOOLVAKANTIES.midden.some((v) => v.status === 'adviesweek' && v.van === '2029-04-21')).toBe(true);
    expect(isSchoolDay('2029-04-23', 'midden')).toBe(true);
    expect(schoolHolidayOn('2029-07-09', 'midden')?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn('2029-08-19', 'midden')?.naam).toBe('zomervakantie');
    expect(isSchoolDay('2029-08-20', 'midden')).toBe(true);
    expect(schoolHolidayOn('2029-07-16', 'zuid')?.naam).toBe('zomervakantie');
    expect(isSchoolDay('2029-07-16', 'noord')).toBe(true);
    expect(schoolHolidayOn('2029-09-02', 'noord')?.naam).toBe('zomervakantie');
    expect(isSchoolDay('2029-09-03', 'noord')).toBe(true);
  });
});

describe('2029-2030 (secondary sources, added)', () => {
  it('is covered and is the last covered school year', () => {
    expect(SCHOOLJAREN_MET_VAKANTIEDATA[SCHOOLJAREN_MET_VAKANTIEDATA.length - 1]).toBe('2029-2030');
    expect(hasSchoolHolidayData('2030-07-31')).toBe(true);
    expect(hasSchoolHolidayData('2030-08-01')).toBe(false);
  });

  it('has the published dates', () => {
    expect(schoolHolidayOn('2029-10-15', 'zuid')?.naam).toBe('herfstvakantie');
    expect(schoolHolidayOn('2029-10-22', 'noord')?.naam).toBe('herfstvakantie');
    expect(schoolHolidayOn('2029-12-24', 'zuid')?.naam).toBe('kerstvakantie');
    expect(isSchoolDay('2030-01-07', 'zuid')).toBe(true);
    expect(schoolHolidayOn('2030-02-18', 'noord')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2030-02-25', 'midden')?.naam).toBe('voorjaarsvakantie');
    expect(schoolHolidayOn('2030-04-29', 'noord')?.naam).toBe('meivakantie');
    expect(schoolHolidayOn('2030-07-08', 'zuid')?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn('2030-08-18', 'zuid')?.naam).toBe('zomervakantie');
    expect(schoolHolidayOn('2030-09-01', 'noord')?.naam).toBe('zomervakantie');
    expect(isSchoolDay('2030-09-02', 'noord')).toBe(true);
  });
});

describe('table shape', () => {
  it('lists the periods of each region in chronological order, without overlaps outside advisory weeks', () => {
    for (const regio of REGIOS) {
      const verplicht = SCHOOLVAKANTIES[regio].filter((v) => v.status !== 'adviesweek');
      for (let i = 1; i < verplicht.length; i++) {
        expect([verplicht[i].naam, verplicht[i].van, diffDays(verplicht[i].van, verplicht[i - 1].tot) > 0]).toEqual([
          verplicht[i].naam,
          verplicht[i].van,
          true,
        ]);
      }
    }
  });

  it('has no rows derived from school roosters any more', () => {
    for (const regio of REGIOS) {
      expect(SCHOOLVAKANTIES[regio].filter((v) => v.bron === 'afgeleid')).toEqual([]);
    }
  });
});
