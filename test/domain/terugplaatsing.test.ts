import {
  getPolicy,
  isSchoolDay,
  parsePolicy,
  screeningmomenten,
  spowPolicyInput,
  terugplaatsingServiceniveau,
  terugplaatsingEvaluatiedatum,
  terugplaatsingHerinneringen,
  wetPolicyInput,
} from '../../src/domain';

const spow = getPolicy('spow');
const wet = getPolicy('wet');
const STAP4 = 'Ondersteuningsplan SPOW 2020-2024, Stappenplan Terugplaatsing, stap 4';
const ALGEMEEN = 'Ondersteuningsplan SPOW 2020-2024, Stappenplan Terugplaatsing, Algemeen';
const BESPREEK = '(bespreek met de ondersteuningsadviseur welke leerlingen in aanmerking komen voor terugplaatsing)';

describe('terugplaatsing policy', () => {
  it('spow: evaluation within 6 weeks (stap 4), also for a symbiose; the rest product defaults', () => {
    const t = spow.terugplaatsing;
    expect(t.evaluatieWeken).toMatchObject({ waarde: 6, regel: STAP4 });
    expect(t.evaluatieWeken.toelichting).toMatch(/Binnen zes weken vindt er een evaluatiemoment plaats/);
    expect(t.symbioseEvaluatieWeken).toMatchObject({
      waarde: 6,
      regel: 'Ondersteuningsplan SPOW 2020-2024, addendum terugplaatsingsbeleid',
    });
    expect(t.herinneringenDagenVoor).toMatchObject({ waarde: [10, 3], regel: 'standaardinstelling van dit systeem' });
    expect(t.serviceniveauSchoolweken).toMatchObject({ waarde: 6, regel: 'standaardinstelling van dit systeem' });
    expect(t.serviceniveauSchoolweken.toelichting).toMatch(/geen termijnen voor stap 1 tot en met 3/);
    expect(t.screening).toMatchObject({ waarde: ['10-01', '03-01'], regel: ALGEMEEN });
    expect(t.screening.toelichting).toMatch(/standaardinstelling van dit systeem/);
  });

  it('wet: all product defaults, the law leaves the policy to the SWV', () => {
    const t = wet.terugplaatsing;
    for (const i of [
      t.evaluatieWeken,
      t.symbioseEvaluatieWeken,
      t.herinneringenDagenVoor,
      t.serviceniveauSchoolweken,
      t.screening,
    ])
      expect(i.regel).toBe('standaardinstelling van dit systeem');
    expect(t.evaluatieWeken.waarde).toBe(6);
    expect(t.symbioseEvaluatieWeken.waarde).toBe(6);
    expect(t.herinneringenDagenVoor.waarde).toEqual([10, 3]);
    expect(t.serviceniveauSchoolweken.waarde).toBe(6);
    expect(t.screening.waarde).toEqual(['10-01', '03-01']);
    expect(t.evaluatieWeken.toelichting).toMatch(/artikel 18a/);
  });

  const metScreening = (waarde: unknown) => {
    const input = JSON.parse(JSON.stringify(spowPolicyInput));
    input.terugplaatsing.screening.waarde = waarde;
    return parsePolicy(input);
  };
  const fouten = (waarde: unknown) => {
    const r = metScreening(waarde);
    expect(r.success).toBe(false);
    return r.success ? '' : r.errors.join('\n');
  };

  it('accepts one or two screening dates', () => {
    expect(metScreening(['01-15']).success).toBe(true);
    expect(metScreening(['11-15', '04-15']).success).toBe(true);
  });

  it('refuses three screening dates, a date that does not exist, duplicates and an empty list, in Dutch', () => {
    expect(fouten(['10-01', '01-15', '03-01'])).toContain(
      'terugplaatsing.screening.waarde: terugplaatsing.screening: maximaal twee screeningsmomenten per jaar',
    );
    expect(fouten(['10-01', '02-30'])).toContain(
      "terugplaatsing.screening.waarde.1: terugplaatsing.screening: verwacht een bestaande maand en dag als 'MM-DD'",
    );
    expect(fouten(['02-29'])).toContain('terugplaatsing.screening');
    expect(fouten(['1-10'])).toContain('terugplaatsing.screening');
    expect(fouten(['03-01', '03-01'])).toContain(
      'terugplaatsing.screening.waarde: terugplaatsing.screening: elk screeningsmoment mag maar één keer voorkomen',
    );
    expect(fouten([])).toContain('terugplaatsing.screening: minimaal één screeningsmoment per jaar');
  });

  it('refuses a policy without the section or with bad terms', () => {
    const input = JSON.parse(JSON.stringify(wetPolicyInput));
    delete input.terugplaatsing;
    expect(parsePolicy(input).success).toBe(false);
    const ander = JSON.parse(JSON.stringify(wetPolicyInput));
    ander.terugplaatsing.evaluatieWeken.waarde = 0;
    ander.terugplaatsing.herinneringenDagenVoor.waarde = [10, 0];
    ander.terugplaatsing.serviceniveauSchoolweken.regel = '';
    const r = parsePolicy(ander);
    expect(r.success).toBe(false);
    if (r.success) return;
    const tekst = r.errors.join('\n');
    expect(tekst).toContain('terugplaatsing.evaluatieWeken.waarde: terugplaatsing.evaluatieWeken: minimaal 1 week');
    expect(tekst).toContain(
      'terugplaatsing.herinneringenDagenVoor.waarde.1: terugplaatsing.herinneringenDagenVoor: minimaal 1 dag van tevoren',
    );
    expect(tekst).toContain('terugplaatsing.serviceniveauSchoolweken.regel: regel mag niet leeg zijn');
  });
});

describe('terugplaatsingEvaluatiedatum', () => {
  it('a start on Monday 2 November 2026 → evaluation by Monday 14 December 2026', () => {
    expect(terugplaatsingEvaluatiedatum('2026-11-02', spow, 'midden')).toEqual({
      datum: '2026-12-14',
      regel: `${STAP4}: binnen 6 weken na de start op de ontvangende school (maandag 2 november 2026)`,
    });
  });

  it('6 weeks into the kerstvakantie (midden 19 December 2026 – 3 January 2027) → the last school day before it', () => {
    // Monday 16 November 2026 + 6 weeks = Monday 28 December 2026
    expect(terugplaatsingEvaluatiedatum('2026-11-16', spow, 'midden')).toEqual({
      datum: '2026-12-18',
      regel: `${STAP4}: binnen 6 weken na de start op de ontvangende school (maandag 16 november 2026); maandag 28 december 2026 valt in de kerstvakantie regio midden: de vorige schooldag`,
    });
  });

  it('6 weeks onto a Saturday → the Friday before', () => {
    const d = terugplaatsingEvaluatiedatum('2026-10-31', spow, 'midden');
    expect(d.datum).toBe('2026-12-11');
    expect(d.regel).toMatch(/; zaterdag 12 december 2026 valt in het weekend: de vorige schooldag$/);
  });

  it('6 weeks onto Hemelvaartsdag, after Bevrijdingsdag → Tuesday 4 May 2027', () => {
    const d = terugplaatsingEvaluatiedatum('2027-03-25', spow, 'midden');
    expect(d.datum).toBe('2027-05-04');
    expect(d.regel).toMatch(/; donderdag 6 mei 2027 is Hemelvaartsdag: de vorige schooldag$/);
  });

  it('with a symbioseregeling: the evaluation and the decision on the full transfer', () => {
    expect(terugplaatsingEvaluatiedatum('2026-11-02', spow, 'midden', undefined, true)).toEqual({
      datum: '2026-12-14',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, addendum terugplaatsingsbeleid: bij een symbioseregeling binnen 6 weken na de start op de ontvangende school (maandag 2 november 2026) evalueren en besluiten over de volledige overstap naar de nieuwe school',
    });
  });

  it("follows the school's own rooster when given", () => {
    const rooster = [{ naam: 'studieweek', van: '2026-12-14', tot: '2026-12-18' }];
    const d = terugplaatsingEvaluatiedatum('2026-11-02', spow, 'midden', rooster);
    expect(d.datum).toBe('2026-12-11');
    expect(d.regel).toMatch(
      /maandag 14 december 2026 valt in de studieweek volgens schoolrooster: de vorige schooldag$/,
    );
  });

  it('a start on the eve of the zomervakantie: no school day left before the term ends → the first one after', () => {
    // Friday 16 July 2027 + 6 weeks = Friday 27 August 2027, in the zomervakantie midden (17 July – 29 August)
    const d = terugplaatsingEvaluatiedatum('2027-07-16', spow, 'midden');
    expect(d.datum).toBe('2027-08-30');
    expect(d.regel).toMatch(/de eerstvolgende schooldag$/);
  });

  it('refuses an invalid start date', () => {
    expect(() => terugplaatsingEvaluatiedatum('2026-02-30', spow, 'midden')).toThrow(RangeError);
  });
});

describe('terugplaatsingHerinneringen', () => {
  it('10 and 3 days before the evaluation', () => {
    const e = terugplaatsingEvaluatiedatum('2026-11-02', spow, 'midden'); // Monday 14 December 2026
    expect(terugplaatsingHerinneringen(e, spow, 'midden')).toEqual([
      { datum: '2026-12-04', dagenVoor: 10, regel: '10 dagen voor de evaluatie (standaardinstelling van dit systeem)' },
      { datum: '2026-12-11', dagenVoor: 3, regel: '3 dagen voor de evaluatie (standaardinstelling van dit systeem)' },
    ]);
  });

  it('a reminder on a weekend moves to the previous school day', () => {
    const e = terugplaatsingEvaluatiedatum('2026-11-03', spow, 'midden'); // Tuesday 15 December 2026
    expect(e.datum).toBe('2026-12-15');
    expect(terugplaatsingHerinneringen(e, spow, 'midden')).toEqual([
      {
        datum: '2026-12-04',
        dagenVoor: 10,
        regel:
          '10 dagen voor de evaluatie (standaardinstelling van dit systeem), verschoven naar vorige schooldag (weekend)',
      },
      {
        datum: '2026-12-11',
        dagenVoor: 3,
        regel:
          '3 dagen voor de evaluatie (standaardinstelling van dit systeem), verschoven naar vorige schooldag (weekend)',
      },
    ]);
  });

  it('a reminder in the kerstvakantie moves to its eve', () => {
    const e = terugplaatsingEvaluatiedatum('2026-11-30', spow, 'midden'); // Monday 11 January 2027
    expect(e.datum).toBe('2027-01-11');
    const h = terugplaatsingHerinneringen(e, spow, 'midden');
    expect(h.map((x) => [x.datum, x.dagenVoor])).toEqual([
      ['2026-12-18', 10], // Friday 1 January 2027: Nieuwjaarsdag in the kerstvakantie
      ['2027-01-08', 3],
    ]);
    expect(h[0]!.regel).toMatch(/verschoven naar vorige schooldag \(Nieuwjaarsdag\)$/);
  });
});

describe('terugplaatsingServiceniveau', () => {
  it('6 school weeks without progress, the kerstvakantie not counted', () => {
    // From Monday 7 December 2026: 9 school days before the holiday, 21 after it → Monday 1 February 2027
    expect(terugplaatsingServiceniveau('2026-12-07', spow, 'midden')).toEqual({
      datum: '2027-02-01',
      regel: 'standaardinstelling van dit systeem: 6 schoolweken zonder voortgang na maandag 7 december 2026',
    });
  });

  it('without a holiday: 6 calendar weeks', () => {
    expect(terugplaatsingServiceniveau('2026-11-02', spow, 'midden').datum).toBe('2026-12-14');
  });
});

describe('screeningmomenten', () => {
  it('school year 2026-2027: Thursday 1 October 2026 and Monday 1 March 2027', () => {
    expect(screeningmomenten('2026-08-15', '2027-08-14', spow, 'midden')).toEqual([
      { datum: '2026-10-01', regel: `${ALGEMEEN}: screeningsmoment donderdag 1 oktober 2026 ${BESPREEK}` },
      { datum: '2027-03-01', regel: `${ALGEMEEN}: screeningsmoment maandag 1 maart 2027 ${BESPREEK}` },
    ]);
  });

  it('a moment on a weekend moves to the next school day: Sunday 1 March 2026 → Monday 2 March', () => {
    expect(screeningmomenten('2025-08-15', '2026-08-14', spow, 'midden')).toEqual([
      { datum: '2025-10-01', regel: `${ALGEMEEN}: screeningsmoment woensdag 1 oktober 2025 ${BESPREEK}` },
      {
        datum: '2026-03-02',
        regel: `${ALGEMEEN}: screeningsmoment maandag 2 maart 2026 ${BESPREEK}; zondag 1 maart 2026 valt in het weekend: de eerstvolgende schooldag`,
      },
    ]);
  });

  it('a moment in a school holiday moves past it', () => {
    const input = JSON.parse(JSON.stringify(spowPolicyInput));
    input.terugplaatsing.screening.waarde = ['10-20'];
    const r = parsePolicy(input);
    if (!r.success) throw new Error(r.errors.join());
    const [m] = screeningmomenten('2026-08-15', '2027-08-14', r.policy, 'midden');
    expect(m!.datum).toBe('2026-10-26'); // herfstvakantie midden 17–25 October 2026
    expect(m!.regel).toMatch(
      /dinsdag 20 oktober 2026 valt in de herfstvakantie regio midden: de eerstvolgende schooldag$/,
    );
  });

  it('inclusive bounds, across several years, sorted, always on school days', () => {
    expect(screeningmomenten('2026-10-01', '2027-03-01', spow, 'midden').map((m) => m.datum)).toEqual([
      '2026-10-01',
      '2027-03-01',
    ]);
    expect(screeningmomenten('2026-10-02', '2027-02-28', spow, 'midden')).toEqual([]);
    const alle = screeningmomenten('2026-01-01', '2028-12-31', spow, 'midden');
    expect(alle.map((m) => m.datum)).toEqual([
      '2026-03-02',
      '2026-10-01',
      '2027-03-01',
      '2027-10-01',
      '2028-03-06', // Wednesday 1 March 2028: voorjaarsvakantie midden 26 February – 5 March 2028
      '2028-10-02', // Sunday 1 October 2028
    ]);
    for (const m of alle) expect(isSchoolDay(m.datum, 'midden')).toBe(true);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => screeningmomenten('2027-08-14', '2026-08-15', spow, 'midden')).toThrow(/Ongeldige periode/);
  });
});
