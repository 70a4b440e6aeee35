import { getPolicy, parsePolicy, policies, policySchema, spowPolicyInput, wetPolicyInput } from '../../src/domain';

describe('shipped policies', () => {
  it('has wet and spow, both valid', () => {
    expect(Object.keys(policies).sort()).toEqual(['spow', 'wet']);
    expect(policySchema.safeParse(wetPolicyInput).success).toBe(true);
    expect(policySchema.safeParse(spowPolicyInput).success).toBe(true);
  });

  it('wet carries the law defaults with their articles', () => {
    const wet = getPolicy('wet');
    expect(wet.zorgplicht.beslistermijnWeken).toMatchObject({
      waarde: 6,
      regel: 'Wet op het primair onderwijs, artikel 40 lid 4',
    });
    expect(wet.zorgplicht.verlengingMaxWeken.waarde).toBe(4);
    expect(wet.zorgplicht.tijdelijkePlaatsingNaWeken.waarde).toBe(10);
    expect(wet.zorgplicht.herinneringenDagenVoor).toMatchObject({
      waarde: [14, 7, 2],
      regel: 'standaardinstelling van dit systeem',
    });
    expect(wet.tlv.bezwaartermijnWeken).toMatchObject({ waarde: 6, regel: 'Algemene wet bestuursrecht, artikel 6:7' });
    expect(wet.tlv.duur.soort).toBe('expliciet');
    expect(wet.impasse.ladder).toEqual([]);
    expect(wet.tijden).toEqual({ herinnering: '08:00', deadline: '17:00', tijdzone: 'Europe/Amsterdam' });
  });

  it('rule texts are plain Dutch for coordinators and parents: no seed references, no product jargon', () => {
    // Every text a date's rule is made of: `regel` fields and the TLV duration rules.
    const duur = new Set(['vanafGroep4', 'totGroep3', 'inGroep3', 'afwijking', 'emb']);
    const regels = (v: unknown): string[] =>
      !v || typeof v !== 'object'
        ? []
        : Object.entries(v).flatMap(([k, x]) =>
            typeof x === 'string' ? (k === 'regel' || duur.has(k) ? [x] : []) : regels(x),
          );
    for (const code of ['wet', 'spow']) {
      const teksten = regels(getPolicy(code));
      expect(teksten.length).toBeGreaterThan(8);
      for (const t of teksten) expect(t).not.toMatch(/seed|productstandaard|\bL\d{2,4}\b/);
    }
  });

  it('spow differs where seed 001 says so', () => {
    const spow = getPolicy('spow');
    expect(spow.regio).toBe('midden');
    expect(spow.tlv.beslistermijnWeken).toMatchObject({
      waarde: 6,
      regel: 'Ondersteuningsplan SPOW 2020-2024, addendum toelaatbaarheidsverklaring',
    });
    expect(spow.tlv.duur.soort).toBe('groepsafhankelijk');
    expect(spow.impasse.ladder.map((t) => t.code)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
    for (const t of spow.impasse.ladder)
      expect(t.regel).toBe('Ondersteuningsplan SPOW 2020-2024, §1.2 Zorgplicht bij impasses');
    expect(spow.impasse.serviceniveauSchooldagen.toelichting).toMatch(/seed 001 L817–852 noemt geen termijnen/i);
    // zorgplicht terms are the law's: the seed gives none
    expect(spow.zorgplicht.beslistermijnWeken.waarde).toBe(6);
    expect(spow.zorgplicht.beslistermijnWeken.regel).toBe('Wet op het primair onderwijs, artikel 40 lid 4');
  });

  it('getPolicy rejects unknown codes in Dutch', () => {
    expect(() => getPolicy('sppoh')).toThrow(/Onbekend beleid 'sppoh'/);
    expect(() => getPolicy('toString')).toThrow(RangeError);
  });
});

describe('parsePolicy', () => {
  const geldig = () => JSON.parse(JSON.stringify(wetPolicyInput));

  it('applies defaults for tijden and ladder', () => {
    const input = geldig();
    delete input.tijden;
    delete input.impasse.ladder;
    const r = parsePolicy({ ...input, code: 'eigen-swv' });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.policy.tijden.herinnering).toBe('08:00');
      expect(r.policy.tijden.deadline).toBe('17:00');
      expect(r.policy.impasse.ladder).toEqual([]);
    }
  });

  it('rejects bad input with readable Dutch errors and paths', () => {
    const input = geldig();
    input.code = 'SPOW Westland';
    input.regio = 'oost';
    input.tijden.herinnering = '8 uur';
    input.zorgplicht.beslistermijnWeken.waarde = 6.5;
    input.zorgplicht.verlengingMaxWeken.regel = '';
    input.zorgplicht.herinneringenDagenVoor.waarde = [14, -1];
    delete input.impasse.serviceniveauSchooldagen;
    const r = parsePolicy(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const tekst = r.errors.join('\n');
    expect(tekst).toContain('code: code mag alleen kleine letters, cijfers en streepjes bevatten');
    expect(tekst).toContain("regio: Regio moet 'noord', 'midden' of 'zuid' zijn");
    expect(tekst).toContain('tijden.herinnering: Ongeldige tijd');
    expect(tekst).toContain(
      'zorgplicht.beslistermijnWeken.waarde: zorgplicht.beslistermijnWeken: verwacht een geheel aantal weken',
    );
    expect(tekst).toContain('zorgplicht.verlengingMaxWeken.regel: regel mag niet leeg zijn');
    expect(tekst).toContain(
      'zorgplicht.herinneringenDagenVoor.waarde.1: zorgplicht.herinneringenDagenVoor: minimaal 1 dag van tevoren',
    );
    expect(tekst).toContain('impasse.serviceniveauSchooldagen');
    expect(r.error.issues.length).toBe(r.errors.length);
  });

  it('rejects non-objects', () => {
    const r = parsePolicy('spow');
    expect(r.success).toBe(false);
    expect(parsePolicy(null).success).toBe(false);
  });

  it('rejects a ladder rung without a rule', () => {
    const input = JSON.parse(JSON.stringify(spowPolicyInput));
    input.impasse.ladder[0].regel = ' ';
    const r = parsePolicy(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.errors[0]).toMatch(/^impasse\.ladder\.0\.regel: regel mag niet leeg zijn/);
  });
});
