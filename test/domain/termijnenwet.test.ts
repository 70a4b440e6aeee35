import {
  eindeWettelijkeTermijn,
  geenTermijndag,
  getPolicy,
  verlengdeBeslisdatum,
  verwachteGelijkstelling,
  zorgplichtBeslisdatum,
} from '../../src/domain';

const wet = getPolicy('wet');

describe('Algemene termijnenwet', () => {
  it('Goede Vrijdag 2027 ends no term: aanmelding 12-02-2027 → 6 weeks end on Tuesday 30-03-2027', () => {
    const d = zorgplichtBeslisdatum('2027-02-12', wet);
    expect(d).toEqual({
      datum: '2027-03-30',
      regel: expect.stringContaining(
        'verlengd tot de eerstvolgende werkdag (Algemene termijnenwet art. 1: Goede Vrijdag)',
      ),
    });
    expect(geenTermijndag('2027-03-26')).toBe('Goede Vrijdag');
    expect(geenTermijndag('2027-03-29')).toBe('Tweede Paasdag');
  });

  it('counts the days of the published decrees (art. 3 lid 3), with the decree in the rule', () => {
    // Hemelvaartsdag 6 May 2027; Friday 7 May made equal: a term ending on Thursday runs to Monday 10 May.
    expect(eindeWettelijkeTermijn('2027-05-06')).toEqual({ datum: '2027-05-10', verschoven: 'Hemelvaartsdag' });
    expect(geenTermijndag('2027-05-07')).toBe(
      'de vrijdag na Hemelvaartsdag, gelijkgesteld bij Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag',
    );
    const d = zorgplichtBeslisdatum('2027-03-26', wet); // 6 weeks: Friday 7 May 2027
    expect(d.datum).toBe('2027-05-10');
    expect(d.regel).toContain('de vrijdag na Hemelvaartsdag, gelijkgesteld bij Besluit gelijkstelling');
    expect(geenTermijndag('2026-01-02')).toMatch(/^de vrijdag na Nieuwjaarsdag/);
    expect(geenTermijndag('2028-04-28')).toMatch(/^de vrijdag na Koningsdag/);
    // Not every bridge day: Monday 26 April 2027 (Koningsdag on Tuesday) is in no decree.
    expect(geenTermijndag('2027-04-26')).toBeUndefined();
  });

  it('says that a year without a published decree may still move the date', () => {
    // Hemelvaartsdag 2029 is Thursday 10 May: Friday 11 May is likely, not yet decreed.
    expect(verwachteGelijkstelling('2029-05-11')).toBe('de vrijdag na Hemelvaartsdag');
    expect(verwachteGelijkstelling('2028-05-26')).toBeUndefined(); // decreed, not expected
    expect(eindeWettelijkeTermijn('2029-05-10')).toEqual({
      datum: '2029-05-11',
      verschoven: 'Hemelvaartsdag',
      onzeker: 'de vrijdag na Hemelvaartsdag',
    });
    const d = zorgplichtBeslisdatum('2029-03-30', wet); // 6 weeks: Friday 11 May 2029
    expect(d.datum).toBe('2029-05-11');
    expect(d.regel).toContain('voor 2029 is nog geen besluit gelijkstelling van feestdagen gepubliceerd');
  });

  it('keeps the old calculation for cases started before the correction (replay)', () => {
    const oud = { ...wet, rekenwijze: 'voor-2026-12' as const };
    expect(zorgplichtBeslisdatum('2027-02-12', oud).datum).toBe('2027-03-26');
    expect(eindeWettelijkeTermijn('2027-05-06', 'voor-2026-12')).toEqual({
      datum: '2027-05-07',
      verschoven: 'Hemelvaartsdag',
    });
    expect(verlengdeBeslisdatum('2027-02-12', 4, oud).datum).toBe(verlengdeBeslisdatum('2027-02-12', 4, wet).datum);
  });
});
