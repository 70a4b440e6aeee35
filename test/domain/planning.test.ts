import {
  getPolicy,
  impasseServiceniveau,
  regionaalRooster,
  tijdelijkePlaatsingsdatum,
  toInstant,
  zorgplichtBeslisdatum,
} from '../../src/domain';
import { impasseMomenten, zorgplichtMomenten } from '../../src/domain/planning';

const wet = getPolicy('wet');
const kalender = regionaalRooster('midden', '2026-06-01', '2028-07-31');
const stappen = (ms: { soort: string; datum: string; at: number }[]) =>
  [...ms].sort((a, b) => a.at - b.at).map((m) => `${m.soort}@${m.datum} ${new Date(m.at).toISOString().slice(11, 16)}`);

describe('the timed steps of a case (planning)', () => {
  // The law's example of the workflow tests: aanmelding Monday 15 June 2026, region midden.
  const stand = {
    beslistermijn: zorgplichtBeslisdatum('2026-06-15', wet),
    plaatsing: tijdelijkePlaatsingsdatum('2026-06-15', wet),
    termijnOverschreden: false,
    tijdelijkGeplaatst: false,
    geplandOp: toInstant('2026-06-15', '09:00'),
  };

  it('zorgplicht: reminders on school days, a warning on the last day, the overdue mark and the placement once that day is over', () => {
    // Times in UTC: 08:00 and midnight in Amsterdam (summer time).
    expect(stappen(zorgplichtMomenten(stand, wet, 'midden', kalender))).toEqual([
      // Both deadlines fall in the zomervakantie (18 July on): their reminders spread over the weeks before it.
      'herinnering@2026-07-03 06:00',
      'herinnering@2026-07-10 06:00',
      'herinnering@2026-07-17 06:00',
      'laatste-dag@2026-07-27 06:00',
      'termijn-overschreden@2026-07-27 22:00',
      'laatste-dag@2026-08-24 06:00',
      'tijdelijke-plaatsing@2026-08-24 22:00',
    ]);
  });

  it('zorgplicht: a case of before the correction of 2026-12 keeps its steps at 17:00 on the last day (replay)', () => {
    const oud = { ...wet, rekenwijze: 'voor-2026-12' as const };
    expect(stappen(zorgplichtMomenten(stand, oud, 'midden', kalender))).toEqual([
      'herinnering@2026-07-13 06:00',
      'herinnering@2026-07-17 06:00',
      'termijn-overschreden@2026-07-27 15:00',
      'tijdelijke-plaatsing@2026-08-24 15:00',
    ]);
  });

  it('zorgplicht: plans no reminder already past, no overdue mark once made, nothing for the placement once placed', () => {
    const later = { ...stand, geplandOp: toInstant('2026-07-20', '09:00'), termijnOverschreden: true };
    expect(stappen(zorgplichtMomenten(later, wet, 'midden', kalender))).toEqual([
      'laatste-dag@2026-08-24 06:00',
      'tijdelijke-plaatsing@2026-08-24 22:00',
    ]);
    expect(
      zorgplichtMomenten(
        { ...later, tijdelijkGeplaatst: true, geplandOp: toInstant('2026-08-25', '09:00') },
        wet,
        'midden',
        kalender,
      ),
    ).toEqual([]);
  });

  it('impasse: reminders before the service level of the rung, then stuck; none once stuck', () => {
    const sinds = toInstant('2026-09-07', '10:00');
    const serviceniveau = impasseServiceniveau('2026-09-07', wet, 'midden', kalender, 'E1');
    const plan = impasseMomenten(
      { niveau: 'E1', niveauSinds: sinds, geregistreerd: sinds, serviceniveau, vastgelopen: false },
      wet,
      'midden',
      kalender,
    );
    expect(plan.map((m) => m.sleutel)).toEqual([
      ...plan.filter((m) => m.soort === 'herinnering').map((m) => `E1/herinnering/${m.datum}`),
      `E1/vastgelopen/${serviceniveau.datum}`,
    ]);
    expect(plan.at(-1)).toMatchObject({ soort: 'vastgelopen', datum: serviceniveau.datum, regel: serviceniveau.regel });
    expect(
      impasseMomenten(
        { niveau: 'E1', niveauSinds: sinds, geregistreerd: sinds, serviceniveau, vastgelopen: true },
        wet,
        'midden',
        kalender,
      ).every((m) => m.soort === 'herinnering'),
    ).toBe(true);
  });
});
