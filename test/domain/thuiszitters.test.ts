import {
  addMonths,
  dagenThuis,
  duurband,
  getPolicy,
  leerplichtigVanaf,
  opgeschoven,
  vrijgesteldeDagen,
  vrijstellingEinde,
  rapportageData,
  rapportagePeriode,
  thuiszitterStreefdatum,
  thuiszitterVanaf,
} from '../../src/domain';

describe('thuiszitter rules (src/domain/thuiszitters.ts)', () => {
  it('adds months as a term of months is counted: the same day, or the last day of a shorter month', () => {
    expect(addMonths('2027-01-11', 3)).toBe('2027-04-11');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-10-31', 1)).toBe('2027-11-30');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(() => addMonths('2027-01-11', 1.5)).toThrow(RangeError);
  });

  it('an enrolled pupil counts as a thuiszitter four weeks after the first day at home (seed 001 L1777)', () => {
    expect(thuiszitterVanaf('2027-01-11', getPolicy('spow'))).toEqual({
      datum: '2027-02-08',
      regel: expect.stringMatching(
        /^Ondersteuningsplan SPOW .*§4\.5 Thuiszitters: langer dan 4 weken thuis sinds maandag 11 januari 2027$/,
      ),
    });
  });

  it('the target is three months after the first day at home, by the policy that says so', () => {
    expect(thuiszitterStreefdatum('2027-01-11', getPolicy('vo-groningen-stad')).regel).toMatch(
      /VO Groningen Stad, §2\.2/,
    );
    expect(thuiszitterStreefdatum('2027-01-11', getPolicy('wet')).regel).toMatch(
      /^standaardinstelling van dit systeem/,
    );
  });

  it('counts the days at home, leaves the vrijstelling days out of the band (seed 000 L359)', () => {
    expect(dagenThuis('2027-01-11', '2027-02-01')).toEqual({ dagen: 21, vrijgesteld: 0 });
    const vrij = [{ van: '2027-01-18', tot: '2027-03-01' }];
    expect(dagenThuis('2027-01-11', '2027-05-03', vrij)).toEqual({ dagen: 112, vrijgesteld: 42 });
    // 112 days at home, 42 of them under a vrijstelling: 70 count, between 4 weeks and 3 months.
    expect(duurband('2027-01-11', '2027-05-03', vrij)).toBe('4-weken-tot-3-maanden');
    expect(duurband('2027-01-11', '2027-05-03')).toBe('langer-dan-3-maanden');
    expect(duurband('2027-01-11', '2027-02-07')).toBe('korter-dan-4-weken');
    expect(duurband('2027-01-11', '2027-02-08')).toBe('4-weken-tot-3-maanden');
    // A vrijstelling beyond the return counts only up to it.
    expect(dagenThuis('2027-01-11', '2027-02-01', [{ van: '2027-01-25', tot: '2027-03-01' }])).toEqual({
      dagen: 21,
      vrijgesteld: 7,
    });
  });

  it('each report goes out on its dates over the months before: quarterly, two-monthly, per trimester', () => {
    const rapport = (code: string, soort: string) =>
      getPolicy(code).thuiszitters!.rapportages.find((r) => r.soort === soort)!;
    // SPOW: the national registration per quarter (seed 001 L147), the inspectie every two months (L1959).
    expect(rapportageData(rapport('spow', 'landelijk'), '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-01',
      '2027-04-01',
      '2027-07-01',
      '2027-10-01',
    ]);
    expect(rapportageData(rapport('spow', 'inspectie'), '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-01',
      '2027-03-01',
      '2027-05-01',
      '2027-07-01',
      '2027-09-01',
      '2027-11-01',
    ]);
    // PPO-NK: its trimester report (seed 003 L619), the inspectie too (L650), and the national default.
    expect(rapportageData(rapport('ppo-nk', 'trimester'), '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-01',
      '2027-05-01',
      '2027-09-01',
    ]);
    expect(getPolicy('ppo-nk').thuiszitters!.rapportages.map((r) => r.soort)).toEqual([
      'landelijk',
      'inspectie',
      'trimester',
    ]);
    expect(getPolicy('sppoh').thuiszitters!.rapportages.map((r) => r.soort)).toEqual(['landelijk']);
    // What each covers: the whole months before the day it goes out.
    expect(rapportagePeriode('2027-04-01', 3)).toEqual({ van: '2027-01-01', tot: '2027-03-31' });
    expect(rapportagePeriode('2027-03-01', 2)).toEqual({ van: '2027-01-01', tot: '2027-02-28' });
    expect(rapportagePeriode('2027-05-01', 4)).toEqual({ van: '2027-01-01', tot: '2027-04-30' });
    expect(rapportagePeriode('2027-01-01', 3)).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
  });

  it('moves a term on by the vrijstelling days since the day it counts from, and names the end of each', () => {
    const vrij = [
      { van: '2027-01-18', tot: '2027-03-01' },
      { van: '2027-04-01', tot: '2027-04-15' },
    ];
    expect(vrijgesteldeDagen(vrij, '2027-01-11')).toBe(42 + 14);
    // Only the days from the day the absence counts; up to a day, where given.
    expect(vrijgesteldeDagen(vrij, '2027-02-15')).toBe(14 + 14);
    expect(vrijgesteldeDagen(vrij, '2027-01-11', '2027-02-01')).toBe(14);
    expect(opgeschoven({ datum: '2027-04-11', regel: 'drie maanden' }, vrij.slice(0, 1), '2027-01-11')).toEqual({
      datum: '2027-05-23',
      regel: 'drie maanden, plus 42 dagen vrijstelling',
    });
    expect(opgeschoven({ datum: '2027-04-11', regel: 'drie maanden' }, [], '2027-01-11')).toEqual({
      datum: '2027-04-11',
      regel: 'drie maanden',
    });
    expect(vrijstellingEinde('2027-03-01', getPolicy('ppo-nk'))).toEqual({
      datum: '2027-03-01',
      regel: expect.stringMatching(/PPO-NK.*vrijstellingen: vrijstelling tot maandag 1 maart 2027$/),
    });
  });
});

describe('leerplichtigVanaf (Leerplichtwet 1969 art. 3 lid 1)', () => {
  it('is the first day of the month after the fifth birthday, across a year end and for 29 February', () => {
    expect(leerplichtigVanaf('2022-03-14').datum).toBe('2027-04-01');
    // Born on the 1st: still the month after.
    expect(leerplichtigVanaf('2022-03-01').datum).toBe('2027-04-01');
    // A December birthday: January of the year after.
    expect(leerplichtigVanaf('2021-12-31').datum).toBe('2027-01-01');
    // 29 February: the fifth birthday falls in February of a common year.
    expect(leerplichtigVanaf('2020-02-29').datum).toBe('2025-03-01');
    expect(leerplichtigVanaf('2022-03-14').regel).toMatch(/^Leerplichtwet 1969, artikel 3 lid 1/);
  });
});
