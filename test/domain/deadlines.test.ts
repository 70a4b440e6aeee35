import {
  Dated,
  eindeWettelijkeTermijn,
  getPolicy,
  herinneringen,
  impasseHerinneringen,
  impasseServiceniveau,
  parsePolicy,
  tijdelijkePlaatsingsdatum,
  verlengdeBeslisdatum,
  wetPolicyInput,
  zorgplichtBeslisdatum,
} from '../../src/domain';

const wet = getPolicy('wet');
const spow = getPolicy('spow');

describe('zorgplicht (WPO art. 40)', () => {
  it('decides 6 weeks after aanmelding: 2026-06-15 → 2026-07-27', () => {
    expect(zorgplichtBeslisdatum('2026-06-15', wet)).toEqual({
      datum: '2026-07-27',
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding',
    });
  });

  it('extends once by at most 4 weeks: → 2026-08-24', () => {
    expect(verlengdeBeslisdatum('2026-06-15', 4, wet)).toEqual({
      datum: '2026-08-24',
      regel:
        'Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding, eenmaal verlengd met 4 weken (Wet op het primair onderwijs, artikel 40 lid 4)',
    });
    expect(verlengdeBeslisdatum('2026-06-15', 2, wet).datum).toBe('2026-08-10');
  });

  it('refuses a longer or odd extension with a Dutch RangeError', () => {
    expect(() => verlengdeBeslisdatum('2026-06-15', 5, wet)).toThrow(RangeError);
    expect(() => verlengdeBeslisdatum('2026-06-15', 5, wet)).toThrow(
      /ten hoogste 4 weken \(Wet op het primair onderwijs, artikel 40 lid 4\)/,
    );
    expect(() => verlengdeBeslisdatum('2026-06-15', 0, wet)).toThrow(RangeError);
    expect(() => verlengdeBeslisdatum('2026-06-15', 1.5, wet)).toThrow(RangeError);
  });

  it('places temporarily after 10 weeks: → 2026-08-24', () => {
    const d = tijdelijkePlaatsingsdatum('2026-06-15', wet);
    expect(d.datum).toBe('2026-08-24');
    expect(d.regel).toBe(
      'Wet op het primair onderwijs, artikel 40 lid 4: 10 weken na aanmelding zonder beslissing: tijdelijke plaatsing',
    );
  });

  it('extends a term ending on a weekend or feestdag (Algemene termijnenwet)', () => {
    // aanmelding on Saturday 2026-06-13 → 6 weeks = Saturday 2026-07-25 → Monday 2026-07-27
    const d = zorgplichtBeslisdatum('2026-06-13', wet);
    expect(d.datum).toBe('2026-07-27');
    expect(d.regel).toMatch(/Algemene termijnenwet art\. 1: weekend/);
    // 6 weeks after 2026-04-02 is Thursday 2026-05-14 = Hemelvaartsdag; Friday 15 May is made equal by decree → Monday 18 May
    expect(zorgplichtBeslisdatum('2026-04-02', wet).datum).toBe('2026-05-18');
    // Goede Vrijdag counts (art. 3 lid 2): Friday 3 April 2026 → Tuesday 7 April (Easter Monday in between)
    expect(eindeWettelijkeTermijn('2026-04-03')).toEqual({ datum: '2026-04-07', verschoven: 'Goede Vrijdag' });
    // Christmas on Friday 2026-12-25: → Monday 28 Dec
    expect(eindeWettelijkeTermijn('2026-12-25')).toEqual({ datum: '2026-12-28', verschoven: 'Eerste Kerstdag' });
  });
});

describe('herinneringen', () => {
  it('14/7/2 days before a deadline on school days stay where they are', () => {
    const deadline = zorgplichtBeslisdatum('2026-02-02', wet); // 2026-03-16 (Mon)
    expect(deadline.datum).toBe('2026-03-16');
    const h = herinneringen(deadline, wet, 'midden');
    expect(h.map((x) => [x.datum, x.dagenVoor])).toEqual([
      ['2026-03-02', 14],
      ['2026-03-09', 7],
      ['2026-03-13', 2], // Saturday 14 March → Friday 13 March
    ]);
    expect(h[0]!.regel).toBe('14 dagen voor beslisdatum (standaardinstelling van dit systeem)');
  });

  it('a reminder falling on a weekend moves to Friday', () => {
    const h = herinneringen({ datum: '2026-03-16', regel: 'x' }, wet, 'midden');
    const twee = h.find((x) => x.dagenVoor === 2)!;
    expect(twee.datum).toBe('2026-03-13');
    expect(twee.regel).toBe(
      '2 dagen voor beslisdatum (standaardinstelling van dit systeem), verschoven naar vorige schooldag (weekend)',
    );
  });

  it('a reminder falling in a holiday moves before the holiday', () => {
    // deadline Mon 2026-10-26 in regio noord; 14 days before = 2026-10-12, in herfstvakantie noord (10–18 Oct)
    const deadline: Dated = {
      datum: '2026-10-26',
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding',
    };
    const h = herinneringen(deadline, wet, 'noord');
    expect(h[0]).toEqual({
      datum: '2026-10-09',
      dagenVoor: 14,
      regel:
        '14 dagen voor beslisdatum (standaardinstelling van dit systeem), verschoven naar vorige schooldag (herfstvakantie regio noord)',
    });
    expect(h.map((x) => x.datum)).toEqual(['2026-10-09', '2026-10-19', '2026-10-23']);
    // in regio midden (herfst 17–25 Oct) the 7- and 2-day reminders (19 and 24 Oct) both move to Fri 16 Oct: merged
    expect(herinneringen(deadline, wet, 'midden').map((x) => [x.datum, x.dagenVoor])).toEqual([
      ['2026-10-12', 14],
      ['2026-10-16', 7],
    ]);
  });

  it('spreads reminders of a deadline in the zomervakantie over the last school weeks before it', () => {
    // beslisdatum 2026-07-27 in regio zuid (zomer 11 Jul – 23 Aug): all three would land on Friday 10 July.
    const h = herinneringen(zorgplichtBeslisdatum('2026-06-15', wet), wet, 'zuid');
    const regel = (n: number) =>
      `${n} dagen voor beslisdatum (standaardinstelling van dit systeem); de beslisdatum valt in de zomervakantie regio zuid: herinneringen verspreid over de laatste schoolweken ervoor`;
    expect(h).toEqual([
      { datum: '2026-06-26', dagenVoor: 14, regel: regel(14) },
      { datum: '2026-07-03', dagenVoor: 7, regel: regel(7) },
      { datum: '2026-07-10', dagenVoor: 2, regel: regel(2) },
    ]);
    // An aanmelding on 1 July (midden, zomer 18 Jul – 30 Aug): deadline 12 August, three reminders before the holiday.
    expect(herinneringen(zorgplichtBeslisdatum('2026-07-01', wet), wet, 'midden').map((x) => x.datum)).toEqual([
      '2026-07-03',
      '2026-07-10',
      '2026-07-17',
    ]);
  });

  it('keeps the spread reminders in their order and a school week apart', () => {
    // Deadline 26 July 2027 (zomervakantie midden from 17 July): 14 days before is a school day (12 July),
    // yet it goes before the others so that '14 dagen voor' comes first.
    const h = herinneringen(zorgplichtBeslisdatum('2027-06-14', wet), wet, 'midden');
    expect(h.map((x) => [x.datum, x.dagenVoor])).toEqual([
      ['2027-07-02', 14],
      ['2027-07-09', 7],
      ['2027-07-16', 2],
    ]);
  });

  it('keeps the old merge for cases of before 2026-12 (replay)', () => {
    const oud = { ...wet, rekenwijze: 'voor-2026-12' as const };
    expect(herinneringen(zorgplichtBeslisdatum('2026-06-15', oud), oud, 'zuid')).toEqual([
      {
        datum: '2026-07-10',
        dagenVoor: 14,
        regel:
          '14 dagen voor beslisdatum (standaardinstelling van dit systeem), verschoven naar vorige schooldag (zomervakantie regio zuid)',
      },
    ]);
  });

  it('uses the school rooster, a custom name and custom days', () => {
    const h = herinneringen(
      { datum: '2026-01-05', regel: 'x' },
      wet,
      'midden',
      [{ naam: 'kerstvakantie', van: '2025-12-22', tot: '2026-01-02' }],
      {
        naam: 'verlengde beslisdatum',
        dagenVoor: { waarde: [3], regel: 'eigen afspraak' },
      },
    );
    expect(h).toEqual([
      {
        datum: '2025-12-19',
        dagenVoor: 3,
        regel:
          '3 dagen voor verlengde beslisdatum (eigen afspraak), verschoven naar vorige schooldag (kerstvakantie volgens schoolrooster)',
      },
    ]);
  });
});

describe('impasse service level (school days)', () => {
  it('counts 10 school days, skipping the kerstvakantie', () => {
    const d = impasseServiceniveau('2025-12-15', spow, 'midden');
    // 16,17,18,19 Dec (4) then 5..9 Jan (9), 12 Jan (10)
    expect(d.datum).toBe('2026-01-12');
    expect(d.regel).toBe('standaardinstelling van dit systeem: 10 schooldagen na maandag 15 december 2025');
  });

  it('names the rung and its seed lines', () => {
    const d = impasseServiceniveau('2026-03-02', spow, 'midden', undefined, 'E2');
    expect(d.datum).toBe('2026-03-16');
    expect(d.regel).toBe(
      'standaardinstelling van dit systeem: 10 schooldagen op trede E2 (Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses) na maandag 2 maart 2026',
    );
    expect(() => impasseServiceniveau('2026-03-02', spow, 'midden', undefined, 'E9')).toThrow(/Onbekende trede/);
  });

  it('uses a per-rung override', () => {
    const input = JSON.parse(JSON.stringify(wetPolicyInput));
    input.impasse.ladder = [
      {
        code: 'E1',
        omschrijving: 'melding',
        eigenaar: 'school',
        regel: 'eigen plan §2',
        serviceniveauSchooldagen: { waarde: 3, regel: 'eigen plan §2.1' },
      },
    ];
    const r = parsePolicy(input);
    if (!r.success) throw new Error(r.errors.join());
    expect(impasseServiceniveau('2026-03-02', r.policy, 'noord', undefined, 'E1')).toEqual({
      datum: '2026-03-05',
      regel: 'eigen plan §2.1: 3 schooldagen op trede E1 (eigen plan §2) na maandag 2 maart 2026',
    });
  });

  it('reminds 3 and 1 school days before', () => {
    const sl = impasseServiceniveau('2025-12-15', spow, 'midden'); // 2026-01-12
    expect(impasseHerinneringen(sl, spow, 'midden')).toEqual([
      {
        datum: '2026-01-07',
        schooldagenVoor: 3,
        regel: '3 schooldagen voor het serviceniveau (standaardinstelling van dit systeem)',
      },
      {
        datum: '2026-01-09',
        schooldagenVoor: 1,
        regel: '1 schooldag voor het serviceniveau (standaardinstelling van dit systeem)',
      },
    ]);
  });
});
