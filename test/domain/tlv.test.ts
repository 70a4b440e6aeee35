import {
  beroepstermijnEinde,
  beslisdatumOpBezwaar,
  bezwaarclausule,
  bezwaarOntvangst,
  eersteSchooldagNaZomervakantie,
  getPolicy,
  herbeoordelingsPlanning,
  herinneringen,
  isSchoolDay,
  regionaalRooster,
  regionaleKalender,
  schooljaarWaarin,
  teldatumMelding,
  teldatumVoor,
  tlvBeslisdatum,
  tlvBezwaartermijnEinde,
  tlvEinddatum,
  verdaagdeBeslisdatumOpBezwaar,
} from '../../src/domain';

const wet = getPolicy('wet');
const spow = getPolicy('spow');

describe('TLV assessment term', () => {
  it('SPOW decides within 6 weeks (seed 001 L1993); the law default is Awb 4:13 (8 weeks)', () => {
    expect(tlvBeslisdatum('2026-09-07', spow)).toEqual({
      datum: '2026-10-19',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, addendum toelaatbaarheidsverklaring: 6 weken na ontvangst van de aanvraag',
    });
    expect(tlvBeslisdatum('2026-09-07', wet).datum).toBe('2026-11-02');
  });
});

describe('tlvEinddatum (SPOW addendum)', () => {
  it('from groep 4: end of groep 8', () => {
    expect(tlvEinddatum({ soort: 'regulier', groep: 4, afgiftedatum: '2026-09-01' }, spow)).toEqual({
      datum: '2031-07-31',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, addendum: een TLV S(B)O vanaf groep 4 geldt voor de gehele basisschoolperiode (tot het einde van groep 8)',
    });
    expect(tlvEinddatum({ soort: 'regulier', groep: 7, afgiftedatum: '2027-01-11' }, spow).datum).toBe('2028-07-31');
    expect(tlvEinddatum({ soort: 'regulier', groep: 8, afgiftedatum: '2027-03-01' }, spow).datum).toBe('2027-07-31');
  });

  it('from groep 4: a deviation needs a reason', () => {
    expect(() =>
      tlvEinddatum({ soort: 'regulier', groep: 4, afgiftedatum: '2026-09-01', einddatum: '2028-07-31' }, spow),
    ).toThrow(/beargumenteerd/);
    expect(
      tlvEinddatum(
        {
          soort: 'regulier',
          groep: 4,
          afgiftedatum: '2026-09-01',
          einddatum: '2028-07-31',
          afwijkingReden: 'evaluatie na twee jaar',
        },
        spow,
      ),
    ).toEqual({
      datum: '2028-07-31',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, addendum: een beargumenteerde afwijking van de vastgestelde duur: evaluatie na twee jaar',
    });
  });

  it('before groep 3: at most the end of groep 3', () => {
    expect(tlvEinddatum({ soort: 'regulier', groep: 2, afgiftedatum: '2026-09-01' }, spow).datum).toBe('2028-07-31');
    expect(
      tlvEinddatum({ soort: 'regulier', groep: 1, afgiftedatum: '2026-09-01', einddatum: '2027-07-31' }, spow).datum,
    ).toBe('2027-07-31');
    expect(() =>
      tlvEinddatum({ soort: 'regulier', groep: 2, afgiftedatum: '2026-09-01', einddatum: '2029-07-31' }, spow),
    ).toThrow(/maximaal einde schooljaar groep 3 \(2028-07-31\)/);
  });

  it('in groep 3: an explicit date is required', () => {
    expect(() => tlvEinddatum({ soort: 'regulier', groep: 3, afgiftedatum: '2026-09-01' }, spow)).toThrow(
      /expliciete einddatum/,
    );
    expect(
      tlvEinddatum({ soort: 'regulier', groep: 3, afgiftedatum: '2026-09-01', einddatum: '2032-07-31' }, spow),
    ).toMatchObject({ datum: '2032-07-31' });
    expect(() =>
      tlvEinddatum({ soort: 'regulier', groep: 3, afgiftedatum: '2026-09-01', einddatum: '2033-07-31' }, spow),
    ).toThrow(/na einde groep 8/);
  });

  it('EMB: end of the school year in which the pupil turns 14 (§1.7.5)', () => {
    expect(tlvEinddatum({ soort: 'emb', schooljaarWaarin14: '2030-2031' }, spow)).toEqual({
      datum: '2031-07-31',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, §1.7.5: een TLV voor een leerling met EMB geldt het hele verblijf op het SO, tot het einde van het schooljaar waarin de leerling 14 wordt (schooljaar 2030-2031)',
    });
    expect(() => tlvEinddatum({ soort: 'emb', schooljaarWaarin14: '2031' }, spow)).toThrow(RangeError);
  });

  it('validates inputs', () => {
    expect(() => tlvEinddatum({ soort: 'regulier', groep: 9, afgiftedatum: '2026-09-01' }, spow)).toThrow(RangeError);
    expect(() =>
      tlvEinddatum(
        { soort: 'regulier', groep: 4, afgiftedatum: '2026-09-01', einddatum: '2026-08-01', afwijkingReden: 'x' },
        spow,
      ),
    ).toThrow(/niet na de afgiftedatum/);
  });

  it('a policy without a duration rule requires an explicit end date', () => {
    expect(() => tlvEinddatum({ soort: 'regulier', groep: 5, afgiftedatum: '2026-09-01' }, wet)).toThrow(/verplicht/);
    expect(
      tlvEinddatum({ soort: 'regulier', groep: 5, afgiftedatum: '2026-09-01', einddatum: '2027-07-31' }, wet).regel,
    ).toMatch(/Wet op het primair onderwijs, artikel 18a/);
  });
});

describe('schooljaarWaarin: the EMB end date from a birth date', () => {
  const emb = (geboortedatum: string) =>
    tlvEinddatum({ soort: 'emb', schooljaarWaarin14: schooljaarWaarin(geboortedatum, 14).label }, spow).datum;

  it('born 31 July turns 14 on the last day of a school year; born 1 August on the first day of the next', () => {
    expect(schooljaarWaarin('2017-07-31', 14)).toMatchObject({ label: '2030-2031', end: '2031-07-31' });
    expect(schooljaarWaarin('2017-08-01', 14)).toMatchObject({ label: '2031-2032', end: '2032-07-31' });
    expect(emb('2017-07-31')).toBe('2031-07-31');
    expect(emb('2017-08-01')).toBe('2032-07-31');
    // mid-year birthdays
    expect(emb('2017-03-15')).toBe('2031-07-31');
    expect(emb('2016-10-03')).toBe('2031-07-31');
  });

  it('a leap-day birth date: 28 February and 1 March lie in the same school year', () => {
    expect(schooljaarWaarin('2012-02-29', 14).label).toBe('2025-2026');
    expect(emb('2012-02-29')).toBe('2026-07-31');
    expect(emb('2016-02-29')).toBe('2030-07-31'); // turns 14 in 2030, a common year
  });

  it('rejects dates that do not exist and impossible ages, in Dutch', () => {
    expect(() => schooljaarWaarin('2017-02-29', 14)).toThrow(/Ongeldige datum/);
    expect(() => schooljaarWaarin('2017-08-01', 14.5)).toThrow(/Ongeldige leeftijd/);
    expect(() => schooljaarWaarin('2017-08-01', -1)).toThrow(RangeError);
  });
});

describe('bezwaar (Awb)', () => {
  it('window: 6 weeks from the day after the decision was sent (6:7, 6:8), moved past feestdagen (Atw)', () => {
    // sent Mon 1 March 2027: the term runs from Tue 2 March through Mon 12 April
    expect(tlvBezwaartermijnEinde('2027-03-01', spow)).toEqual({
      datum: '2027-04-12',
      regel: 'Algemene wet bestuursrecht, artikel 6:7: 6 weken na verzending van het besluit',
    });
    expect(tlvBezwaartermijnEinde('2026-03-02', spow).datum).toBe('2026-04-13');
    // 6 weeks after Mon 2026-03-23 is Mon 2026-05-04 (Bevrijdingsdag is the 5th)
    expect(tlvBezwaartermijnEinde('2026-03-23', spow).datum).toBe('2026-05-04');
    // ends on Koningsdag 2027 (Tue 27 April) → Wed 28 April
    expect(tlvBezwaartermijnEinde('2027-03-16', spow).datum).toBe('2027-04-28');
    // ends on Hemelvaartsdag (Thu 6 May 2027); Fri 7 May is made equal by decree → Mon 10 May
    const hemelvaart = tlvBezwaartermijnEinde('2027-03-25', spow);
    expect(hemelvaart.datum).toBe('2027-05-10');
    expect(hemelvaart.regel).toMatch(
      /verlengd tot de eerstvolgende werkdag \(Algemene termijnenwet art\. 1: Hemelvaartsdag\)/,
    );
  });

  it('classifies a received bezwaar: in time, posted in time (6:9 lid 2), or late but not refused (6:11)', () => {
    const verzonden = '2027-03-01'; // window ends Mon 12 April 2027
    const opTijd = bezwaarOntvangst({ verzonden, ontvangen: '2027-04-12' }, spow);
    expect(opTijd).toMatchObject({ oordeel: 'op-tijd', termijn: { datum: '2027-04-12' } });
    expect(opTijd.regel).toBe(
      'ontvangen op maandag 12 april 2027, binnen de bezwaartermijn tot en met maandag 12 april 2027 (Algemene wet bestuursrecht, artikel 6:9 lid 1)',
    );
    expect(bezwaarOntvangst({ verzonden, ontvangen: '2027-02-26' }, spow)).toMatchObject({ oordeel: 'op-tijd' });

    const telaat = bezwaarOntvangst({ verzonden, ontvangen: '2027-04-13' }, spow);
    expect(telaat.oordeel).toBe('te-laat');
    expect(telaat.regel).toMatch(
      /^ontvangen op dinsdag 13 april 2027, na de bezwaartermijn tot en met maandag 12 april 2027: te laat\./,
    );
    expect(telaat.regel).toMatch(/ter post bezorgd, dan is het toch op tijd \(artikel 6:9 lid 2\)/);
    expect(telaat.regel).toMatch(/niet vanzelf afgewezen.*\(Algemene wet bestuursrecht, artikelen 6:9 en 6:11\)\.$/);

    const perPost = bezwaarOntvangst({ verzonden, ontvangen: '2027-04-19', terPostBezorgd: '2027-04-12' }, spow);
    expect(perPost.oordeel).toBe('op-tijd');
    expect(perPost.regel).toMatch(/artikel 6:9 lid 2\)$/);
    // more than a week after the window: late even when posted in time
    const teLaatPerPost = bezwaarOntvangst({ verzonden, ontvangen: '2027-04-20', terPostBezorgd: '2027-04-12' }, spow);
    expect(teLaatPerPost.oordeel).toBe('te-laat');
    expect(teLaatPerPost.regel).not.toMatch(/toch op tijd/);
    // posted after the window
    expect(bezwaarOntvangst({ verzonden, ontvangen: '2027-04-14', terPostBezorgd: '2027-04-13' }, spow).oordeel).toBe(
      'te-laat',
    );
  });

  it('decision on bezwaar: 12 weeks after the window (7:10 lid 1), from receipt when late; verdaging once ≤ 6 weeks', () => {
    expect(beslisdatumOpBezwaar('2026-04-13', spow).datum).toBe('2026-07-06');
    expect(beslisdatumOpBezwaar('2027-04-12', spow)).toEqual({
      datum: '2027-07-05',
      regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 1: 12 weken na afloop van de bezwaartermijn',
    });
    expect(beslisdatumOpBezwaar('2027-04-12', spow, '2027-04-10').datum).toBe('2027-07-05');
    expect(beslisdatumOpBezwaar('2027-04-12', spow, '2027-04-20')).toEqual({
      datum: '2027-07-13',
      regel:
        'Algemene wet bestuursrecht, artikel 7:10 lid 1: 12 weken na ontvangst van het na de termijn ingediende bezwaar',
    });
    expect(verdaagdeBeslisdatumOpBezwaar('2027-04-12', 6, spow)).toEqual({
      datum: '2027-08-16',
      regel:
        'Algemene wet bestuursrecht, artikel 7:10 lid 1: 12 weken na afloop van de bezwaartermijn, eenmaal verdaagd met 6 weken (Algemene wet bestuursrecht, artikel 7:10 lid 3)',
    });
    expect(() => verdaagdeBeslisdatumOpBezwaar('2027-04-12', 7, spow)).toThrow(
      /Verdaging met 7 weken is niet toegestaan: eenmaal met ten hoogste 6 weken/,
    );
    expect(beroepstermijnEinde('2027-07-05', spow)).toEqual({
      datum: '2027-08-16',
      regel: 'Algemene wet bestuursrecht, artikel 6:7: 6 weken na verzending van de beslissing op bezwaar',
    });
  });

  it('reminders before the decision on bezwaar use the generic reminder function with the policy offsets', () => {
    const beslisdatum = beslisdatumOpBezwaar('2027-04-12', spow); // Mon 5 July 2027
    const dagenVoor = spow.tlv.bezwaar.herinneringenDagenVoor;
    const r = herinneringen(beslisdatum, spow, 'midden', undefined, { naam: 'beslisdatum op bezwaar', dagenVoor });
    // 2 days before is Saturday 3 July: moved to Friday 2 July
    expect(r.map((h) => h.datum)).toEqual(['2027-06-21', '2027-06-28', '2027-07-02']);
  });

  it('the letter names the route and the last day as a Dutch date', () => {
    const tekst = bezwaarclausule('2027-03-01', spow);
    expect(tekst).toContain('uiterlijk op maandag 12 april 2027 (Algemene wet bestuursrecht, artikel 6:7)');
    expect(tekst).toContain('advies aan de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT)');
    expect(tekst).toContain('beslist het bestuur van het samenwerkingsverband binnen 12 weken');
    expect(tekst).toContain('ten hoogste 6 weken worden verdaagd');
    expect(tekst).toContain('beroep open bij de rechtbank');
  });
});

describe('herbeoordelingsPlanning: backwards from the end date', () => {
  it('a TLV ending 31 July 2027 (regio midden): assessment before the summer, evaluation before that', () => {
    const p = herbeoordelingsPlanning('2027-07-31', { regio: 'midden' }, spow);
    // zomervakantie midden 2027: 17 July – 29 August
    expect(p.besluitUiterlijk).toEqual({
      datum: '2027-07-16',
      regel: 'laatste schooldag vóór de einddatum van de TLV (zaterdag 31 juli 2027, zomervakantie regio midden)',
    });
    expect(p.aanvraagUiterlijk.datum).toBe('2027-06-04');
    expect(p.aanvraagUiterlijk.regel).toBe(
      '6 schoolweken vóór vrijdag 16 juli 2027: de beoordeling duurt ten hoogste 6 weken (Ondersteuningsplan SPOW 2020-2024, addendum toelaatbaarheidsverklaring) en loopt niet door in schoolvakanties',
    );
    // 20 school days back, skipping Tweede Pinksterdag, Hemelvaartsdag and Bevrijdingsdag
    expect(p.evaluatieUiterlijk.datum).toBe('2027-05-04');
    expect(p.herinneringen.map((h) => [h.datum, h.soort, h.wekenVoor])).toEqual([
      ['2027-03-12', 'evaluatie', 12],
      ['2027-04-09', 'evaluatie', 8],
      ['2027-05-21', 'aanvraag', 2],
    ]);
    expect(p.herinneringen[2].regel).toBe(
      '2 weken vóór de uiterste aanvraagdatum (standaardinstelling van dit systeem): dien de aanvraag voor herbeoordeling uiterlijk vrijdag 4 juni 2027 in',
    );
    expect(p.melding).toBeUndefined();
    // "a last reminder 6 weeks before a 31 July end is too late": the statutory 6 weeks fit before the summer
    expect(tlvBeslisdatum(p.aanvraagUiterlijk.datum, spow).datum).toBe('2027-07-16');
    const laatste = p.herinneringen[p.herinneringen.length - 1].datum;
    expect(laatste < '2027-06-19').toBe(true);
  });

  it('per region: the summer starts on a different day', () => {
    const plan = (regio: 'noord' | 'zuid') => herbeoordelingsPlanning('2027-07-31', { regio }, spow);
    const noord = plan('noord'); // zomer 10 July – 22 August
    expect([noord.besluitUiterlijk.datum, noord.aanvraagUiterlijk.datum, noord.evaluatieUiterlijk.datum]).toEqual([
      '2027-07-09',
      '2027-05-28',
      '2027-04-20',
    ]);
    const zuid = plan('zuid'); // zomer 24 July – 5 September
    expect([zuid.besluitUiterlijk.datum, zuid.aanvraagUiterlijk.datum, zuid.evaluatieUiterlijk.datum]).toEqual([
      '2027-07-23',
      '2027-06-11',
      '2027-05-13',
    ]);
  });

  it('reminders on non-school days move to the previous school day; the 8-week law term is counted in school weeks', () => {
    const p = herbeoordelingsPlanning('2028-03-15', { regio: 'midden' }, wet);
    expect(p.besluitUiterlijk.datum).toBe('2028-03-14');
    expect(p.aanvraagUiterlijk.datum).toBe('2028-01-11');
    expect(p.evaluatieUiterlijk.datum).toBe('2027-11-30');
    expect(p.herinneringen.map((h) => h.datum)).toEqual(['2027-10-15', '2027-11-16', '2027-12-24']);
    expect(p.herinneringen[0].regel).toMatch(/verschoven naar de vorige schooldag \(herfstvakantie regio midden\)/);
    expect(p.herinneringen[2].regel).toMatch(/verschoven naar de vorige schooldag \(kerstvakantie regio midden\)/);
    for (const h of p.herinneringen) expect([h.datum, isSchoolDay(h.datum, 'midden')]).toEqual([h.datum, true]);
  });

  it("uses the case's copied rooster", () => {
    const rooster = regionaalRooster('midden', '2026-08-01', '2027-09-30');
    const p = herbeoordelingsPlanning('2027-07-31', { regio: 'midden', rooster }, spow);
    expect(p.aanvraagUiterlijk.datum).toBe('2027-06-04');
    expect(p.melding).toBeUndefined();
  });

  it('EMB: the reminder to request the new TLV for the VSO at the SWV VO (seed 001 L1173–1174)', () => {
    const einde = tlvEinddatum({ soort: 'emb', schooljaarWaarin14: schooljaarWaarin('2015-11-20', 14).label }, spow);
    expect(einde.datum).toBe('2030-07-31');
    const p = herbeoordelingsPlanning(einde.datum, { regio: 'midden', emb: true }, spow);
    // zomervakantie midden 2030: 13 July – 25 August; SWV VO term 8 weeks (Awb 4:13), in school weeks
    expect(p.besluitUiterlijk.datum).toBe('2030-07-12');
    expect(p.aanvraagUiterlijk.datum).toBe('2030-05-15'); // skips Hemelvaartsdag 30 May and Tweede Pinksterdag 10 June
    expect(p.aanvraagUiterlijk.regel).toMatch(
      /^8 schoolweken vóór vrijdag 12 juli 2030: .*Algemene wet bestuursrecht, artikel 4:13 lid 2/,
    );
    const vso = p.herinneringen.filter((h) => h.soort === 'aanvraag-vso');
    expect(vso.length).toBeGreaterThan(0);
    expect(vso[0].regel).toContain(
      'vraag de nieuwe toelaatbaarheidsverklaring voor het VSO uiterlijk woensdag 15 mei 2030 aan (Ondersteuningsplan SPOW 2020-2024, §1.7.5: bij de overstap van SO naar VSO moet een nieuwe toelaatbaarheidsverklaring worden aangevraagd bij het samenwerkingsverband VO)',
    );
    expect(p.herinneringen.some((h) => h.soort === 'aanvraag')).toBe(false);
  });

  it('past the copied holiday data: assumes the summer starts on the first Saturday of July and says so', () => {
    const p = herbeoordelingsPlanning('2031-07-31', { regio: 'midden', emb: true }, spow);
    expect(p.besluitUiterlijk.datum).toBe('2031-07-04');
    expect(p.besluitUiterlijk.regel).toMatch(
      /de zomervakantie 2031 is nog niet bekend: aangenomen is dat die op zaterdag 5 juli 2031 begint/,
    );
    expect(p.melding).toMatch(/nog geen officiële schoolvakanties bekend/);
    // the same with a copied calendar that says where its data ends
    const kalender = regionaleKalender('midden', '2029-08-01', '2031-08-31');
    const q = herbeoordelingsPlanning(
      '2031-07-31',
      {
        regio: 'midden',
        rooster: kalender.rooster,
        zonderVakantiegegevensVanaf: kalender.zonderVakantiegegevensVanaf,
        emb: true,
      },
      spow,
    );
    expect(q.besluitUiterlijk.datum).toBe('2031-07-04');
    expect(q.aanvraagUiterlijk).toEqual(p.aanvraagUiterlijk);
    expect(q.melding).toBe(p.melding);
  });
});

describe('eersteSchooldagNaZomervakantie: the day of the yearly TLV inventory (seed 001 L1270–1273)', () => {
  it.each([
    ['noord', 2027, '2027-08-23'],
    ['midden', 2027, '2027-08-30'],
    ['zuid', 2027, '2027-09-06'],
    ['noord', 2028, '2028-08-28'],
    ['midden', 2028, '2028-08-21'],
    ['zuid', 2028, '2028-09-04'],
  ] as const)('%s %i: %s', (regio, jaar, datum) => {
    expect(eersteSchooldagNaZomervakantie(jaar, regio).datum).toBe(datum);
    expect(eersteSchooldagNaZomervakantie(`${jaar}-${jaar + 1}`, regio).datum).toBe(datum);
  });

  it('says which summer it follows; from a copied or own rooster too', () => {
    expect(eersteSchooldagNaZomervakantie(2027, 'midden')).toEqual({
      datum: '2027-08-30',
      regel:
        'eerste schooldag na de zomervakantie regio midden (zaterdag 17 juli 2027 tot en met zondag 29 augustus 2027)',
    });
    const kopie = regionaalRooster('zuid', '2027-01-01', '2027-12-31');
    expect(eersteSchooldagNaZomervakantie(2027, 'zuid', kopie)).toMatchObject({
      datum: '2027-09-06',
      regel: expect.stringMatching(/^eerste schooldag na de zomervakantie regio zuid \(/),
    });
    const eigen = [{ naam: 'zomervakantie', van: '2027-07-17', tot: '2027-08-22' }];
    expect(eersteSchooldagNaZomervakantie('2027-2028', 'midden', eigen)).toMatchObject({
      datum: '2027-08-23',
      regel: expect.stringMatching(/zomervakantie volgens schoolrooster/),
    });
  });

  it('without data for that summer: an estimate, marked as such', () => {
    expect(eersteSchooldagNaZomervakantie(2031, 'noord')).toEqual({
      datum: '2031-09-01',
      regel:
        'geschat: de zomervakantie 2031 regio noord is nog niet bekend; aangenomen is de eerste schooldag vanaf de eerste maandag van september',
      geschat: true,
    });
    expect(() => eersteSchooldagNaZomervakantie('2031', 'noord')).toThrow(/Ongeldig schooljaar/);
  });
});

describe('regionaleKalender: the calendar beyond the copied data', () => {
  it('within the data: the rooster and no notice', () => {
    const k = regionaleKalender('noord', '2026-06-01', '2028-06-01');
    expect(k.zonderVakantiegegevensVanaf).toBeUndefined();
    expect(k.melding).toBeUndefined();
    expect(k.rooster).toEqual(regionaalRooster('noord', '2026-06-01', '2028-06-01'));
  });

  it.each([
    ['noord', '2030-09-02', 'maandag 2 september 2030'],
    ['midden', '2030-08-26', 'maandag 26 augustus 2030'],
    ['zuid', '2030-08-19', 'maandag 19 augustus 2030'],
  ] as const)('%s: no official holidays from the day after the last copied summer (%s)', (regio, vanaf, tekst) => {
    const k = regionaleKalender(regio, '2029-06-01', '2031-06-01');
    expect(k.zonderVakantiegegevensVanaf).toBe(vanaf);
    expect(k.melding).toBe(
      `Voor regio ${regio} zijn vanaf ${tekst} nog geen officiële schoolvakanties bekend: tot die er zijn, telt het product alleen weekenden en feestdagen als vrije dagen.`,
    );
    expect(k.rooster[k.rooster.length - 1]).toMatchObject({ naam: `zomervakantie regio ${regio}` });
  });

  it('a period wholly past the data: an empty rooster, only weekends and feestdagen', () => {
    const k = regionaleKalender('midden', '2031-01-01', '2031-12-31');
    expect(k.rooster).toEqual([]);
    expect(k.zonderVakantiegegevensVanaf).toBe('2031-01-01');
    expect(isSchoolDay('2031-07-15', 'midden', k.rooster)).toBe(true); // a Tuesday, in reality probably summer
    expect(isSchoolDay('2031-05-22', 'midden', k.rooster)).toBe(false); // Hemelvaartsdag
    expect(() => regionaleKalender('midden', '2031-12-31', '2031-01-01')).toThrow(/Ongeldige periode/);
  });
});

describe('teldatum: 1 February (seed 000 L667–669, seed 004 L723), a start shortly after it is flagged', () => {
  it('the next teldatum for a start date', () => {
    expect(teldatumVoor('2027-01-25', spow).datum).toBe('2027-02-01');
    expect(teldatumVoor('2027-02-01', spow).datum).toBe('2027-02-01');
    expect(teldatumVoor('2027-02-08', spow)).toEqual({
      datum: '2028-02-01',
      regel:
        'eerstvolgende teldatum (Wet op het primair onderwijs: de teldatum is 1 februari (vereenvoudiging bekostiging po, sinds 1 januari 2023))',
    });
  });

  it('warns for a start within 4 weeks after the teldatum, not on or before it, and not around 1 October', () => {
    expect(teldatumMelding('2027-02-08', spow)).toEqual({
      teldatum: '2027-02-01',
      melding:
        'De overstap naar het S(B)O is gepland op maandag 8 februari 2027, kort na de teldatum maandag 1 februari 2027. Verwacht wordt dat een overstap rond de teldatum vóór de teldatum plaatsvindt.',
      regel:
        'Ondersteuningsplan SPOW 2020-2024, addendum: vindt de overstap omstreeks de teldatum plaats, dan wordt verwacht dat de scholen de plaatsing vóór de teldatum realiseren; Wet op het primair onderwijs: de teldatum is 1 februari (vereenvoudiging bekostiging po, sinds 1 januari 2023)',
    });
    expect(teldatumMelding('2027-03-01', spow)?.teldatum).toBe('2027-02-01');
    expect(teldatumMelding('2027-03-02', spow)).toBeUndefined();
    expect(teldatumMelding('2027-02-01', spow)).toBeUndefined();
    expect(teldatumMelding('2027-01-25', spow)).toBeUndefined();
    expect(teldatumMelding('2026-10-05', spow)).toBeUndefined();
    expect(teldatumMelding('2027-02-08', wet)?.regel).toMatch(
      /^standaardinstelling van dit systeem; Wet op het primair/,
    );
  });
});
