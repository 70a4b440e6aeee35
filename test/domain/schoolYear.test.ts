import { endOfGroep, endOfGroep3, endOfGroep8, groepSchema, schoolYearByLabel, schoolYearOf } from '../../src/domain';

describe('schoolYearOf', () => {
  it('puts 31 July in the old and 1 August in the new school year', () => {
    expect(schoolYearOf('2027-07-31')).toMatchObject({ label: '2026-2027', start: '2026-08-01', end: '2027-07-31' });
    expect(schoolYearOf('2026-08-01')).toEqual({
      label: '2026-2027',
      start: '2026-08-01',
      end: '2027-07-31',
      startYear: 2026,
    });
    expect(schoolYearOf('2026-07-31').label).toBe('2025-2026');
    expect(schoolYearOf('2027-01-01').label).toBe('2026-2027');
  });
  it('looks up by label', () => {
    expect(schoolYearByLabel('2030-2031')).toMatchObject({ start: '2030-08-01', end: '2031-07-31' });
    expect(() => schoolYearByLabel('2026-2028')).toThrow(RangeError);
    expect(() => schoolYearByLabel('26-27')).toThrow(/Ongeldig schooljaar/);
  });
});

describe('endOfGroep', () => {
  it('groep 4 in 2026-27 reaches the end of groep 8 on 2031-07-31', () => {
    expect(endOfGroep(4, '2026-09-01', 8)).toBe('2031-07-31');
    expect(endOfGroep8(4, '2026-09-01')).toBe('2031-07-31');
    // same school year, any day
    expect(endOfGroep8(4, '2027-07-31')).toBe('2031-07-31');
    expect(endOfGroep8(4, '2027-08-01')).toBe('2032-07-31');
  });
  it('end of the current groep is the end of this school year', () => {
    expect(endOfGroep(8, '2026-09-01', 8)).toBe('2027-07-31');
    expect(endOfGroep3(3, '2026-12-01')).toBe('2027-07-31');
    expect(endOfGroep3(1, '2026-12-01')).toBe('2029-07-31');
  });
  it('validates with Dutch RangeErrors', () => {
    expect(() => endOfGroep(0, '2026-09-01', 8)).toThrow(RangeError);
    expect(() => endOfGroep(4, '2026-09-01', 9)).toThrow(/1 t\/m 8/);
    expect(() => endOfGroep(4.5, '2026-09-01', 8)).toThrow(RangeError);
    expect(() => endOfGroep3(4, '2026-09-01')).toThrow(/al voorbij/);
    expect(() => endOfGroep(4, '2026-02-30', 8)).toThrow(RangeError);
  });
  it('has a zod schema for groep', () => {
    expect(groepSchema.safeParse(8).success).toBe(true);
    expect(groepSchema.safeParse(9).error?.issues[0]?.message).toBe('Groep moet tussen 1 en 8 liggen');
  });
});
