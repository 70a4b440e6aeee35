import {
  getPolicy,
  parsePolicy,
  policies,
  policySchema,
  spowPolicyInput,
  sppohTlvBezwaar,
  wetPolicyInput,
} from '../../src/domain';

describe('shipped policies', () => {
  it('has the law (PO and VO) and the five samenwerkingsverbanden of the seeds, all valid', () => {
    expect(Object.keys(policies).sort()).toEqual([
      'almere',
      'ppo-nk',
      'spow',
      'sppoh',
      'vo-groningen-stad',
      'wet',
      'wet-vo',
    ]);
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
    expect(wet.tlv.bezwaar.termijnWeken).toMatchObject({ waarde: 6, regel: 'Algemene wet bestuursrecht, artikel 6:7' });
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

  it('the TLV bezwaar route (Awb) as data: LBT advice, the board decides in 12 weeks (+ 6 once), then beroep', () => {
    for (const code of ['wet', 'spow']) {
      const b = getPolicy(code).tlv.bezwaar;
      expect(b.termijnWeken).toMatchObject({ waarde: 6, regel: 'Algemene wet bestuursrecht, artikel 6:7' });
      expect(b.teLaat.regel).toBe('Algemene wet bestuursrecht, artikelen 6:9 en 6:11');
      expect(b.indieners.waarde).toEqual(['ouders', 'schoolbestuur']);
      expect(b.advies).toMatchObject({
        door: 'Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT)',
        regel: 'Wet op het primair onderwijs, artikel 18a; Algemene wet bestuursrecht, artikel 7:13',
      });
      expect(b.beslissing).toMatchObject({
        door: 'het bestuur van het samenwerkingsverband',
        regel: 'Algemene wet bestuursrecht, artikelen 6:4 en 7:11',
      });
      expect(b.beslistermijnWeken).toMatchObject({
        waarde: 12,
        regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 1',
      });
      expect(b.verdagingMaxWeken).toMatchObject({ waarde: 6, regel: 'Algemene wet bestuursrecht, artikel 7:10 lid 3' });
      expect(b.herinneringenDagenVoor).toMatchObject({
        waarde: [14, 7, 2],
        regel: 'standaardinstelling van dit systeem',
      });
      expect(b.beroep).toMatchObject({
        regel: 'Algemene wet bestuursrecht, artikelen 8:1 en 8:7',
        termijnWeken: { waarde: 6, regel: 'Algemene wet bestuursrecht, artikel 6:7' },
      });
    }
    expect(getPolicy('spow').tlv.bezwaar.beslissing.toelichting).toMatch(/geen eigen bezwaarprocedure/);
  });

  it("SPPOH's route (seed 000 L298) fits the same shape: the directeur decides on behalf of the board", () => {
    const r = parsePolicy({
      ...wetPolicyInput,
      code: 'sppoh',
      tlv: { ...wetPolicyInput.tlv, bezwaar: sppohTlvBezwaar },
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const b = r.policy.tlv.bezwaar;
    expect(b.advies.door).toBe('landelijke adviescommissie bezwaar TLV (LBT)');
    expect(b.beslissing).toMatchObject({
      door: 'de directeur van het samenwerkingsverband, namens het bestuur',
      regel: 'Ondersteuningsplan SPPOH 2021–2025 (hoofdlijnennotitie), §2.6.2 Bezwaar en beroep',
    });
    expect(b.beroep.door).toBe('de rechtbank Den Haag');
    expect(b.beslistermijnWeken.waarde).toBe(12);
  });

  it('herbeoordeling offsets and the teldatum: product defaults and law, marked as such', () => {
    for (const code of ['wet', 'spow']) {
      const { herbeoordeling, teldatum } = getPolicy(code).tlv;
      expect(herbeoordeling.evaluatieWekenVoorAanvraag).toMatchObject({
        waarde: 4,
        regel: 'standaardinstelling van dit systeem',
      });
      expect(herbeoordeling.herinneringenWekenVoorAanvraag).toMatchObject({
        waarde: [12, 8, 2],
        regel: 'standaardinstelling van dit systeem',
      });
      expect(herbeoordeling.emb.beslistermijnVsoWeken).toMatchObject({
        waarde: 8,
        regel: 'Algemene wet bestuursrecht, artikel 4:13 lid 2',
      });
      expect(teldatum.datum.waarde).toBe('02-01');
      expect(teldatum.datum.regel).toMatch(/^Wet op het primair onderwijs: de teldatum is 1 februari/);
      expect(teldatum.waarschuwingWekenNa.waarde).toBe(4);
    }
    const spow = getPolicy('spow').tlv;
    expect(spow.herbeoordeling.emb.aanvraagVso.regel).toMatch(
      /^Ondersteuningsplan SPOW 2020-2024, §1\.7\.5: bij de overstap van SO naar VSO/,
    );
    expect(spow.teldatum.waarschuwingWekenNa.regel).toMatch(
      /^Ondersteuningsplan SPOW 2020-2024, addendum: vindt de overstap omstreeks de teldatum plaats/,
    );
    expect(spow.teldatum.waarschuwingWekenNa.toelichting).toMatch(/standaardinstelling van dit systeem/);
    expect(getPolicy('wet').tlv.teldatum.waarschuwingWekenNa.regel).toBe('standaardinstelling van dit systeem');
  });

  it('getPolicy rejects unknown codes in Dutch', () => {
    expect(() => getPolicy('haaglanden')).toThrow(/Onbekend beleid 'haaglanden'/);
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

  it('rejects a TLV section without its bezwaar route or with a teldatum that does not exist', () => {
    const input = geldig();
    delete input.tlv.bezwaar.beslissing;
    input.tlv.bezwaar.verdagingMaxWeken.waarde = 0;
    input.tlv.teldatum.datum.waarde = '02-30';
    input.tlv.herbeoordeling.herinneringenWekenVoorAanvraag.waarde = [];
    const r = parsePolicy(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const tekst = r.errors.join('\n');
    expect(tekst).toContain('tlv.bezwaar.beslissing');
    expect(tekst).toContain('tlv.bezwaar.verdagingMaxWeken.waarde: tlv.bezwaar.verdagingMaxWeken: minimaal 1 week');
    expect(tekst).toContain(
      "tlv.teldatum.datum.waarde: tlv.teldatum.datum: verwacht een bestaande maand en dag als 'MM-DD'",
    );
    expect(tekst).toContain(
      'tlv.herbeoordeling.herinneringenWekenVoorAanvraag.waarde: tlv.herbeoordeling.herinneringenWekenVoorAanvraag: minimaal één herinnering',
    );
  });

  it('rejects herbeoordeling reminders that all fall before the internal evaluation', () => {
    const input = geldig();
    input.tlv.herbeoordeling.herinneringenWekenVoorAanvraag.waarde = [12, 8, 4];
    const r = parsePolicy(input);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.errors).toEqual([
        'tlv.herbeoordeling.herinneringenWekenVoorAanvraag: tlv.herbeoordeling.herinneringenWekenVoorAanvraag: minstens één herinnering valt na de interne evaluatie (minder weken vóór de aanvraag dan evaluatieWekenVoorAanvraag)',
      ]);
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
