import fs from 'node:fs';
import { render, TEMPLATE_DIR } from '../src/mail/templates';
import { sjablonen, type Ontvanger } from '../src/shared/bericht';

const rollen: Ontvanger['rol'][] = [
  'school',
  'coordinator',
  'ouders',
  'directeur',
  'bestuur',
  'deskundige',
  'schoolbestuur',
  'leerplicht',
];
const gegevens = {
  leerling: 'Sanne',
  school: 'De Regenboog',
  aanmelddatum: 'maandag 15 juni 2026',
  beslisdatum: 'maandag 27 juli 2026',
  beslisregel: 'Wet op het primair onderwijs, artikel 40 lid 4',
  plaatsingsdatum: 'maandag 24 augustus 2026',
  plaatsingsregel: 'Wet op het primair onderwijs, artikel 40 lid 4',
  zaakId: 'zp-1',
  deadlinedatum: 'maandag 27 juli 2026',
  verwacht: 'een besluit',
  regel: 'standaardinstelling van dit systeem',
  weken: '4',
  reden: 'onderzoek',
  niveau: 'E2',
  niveauOmschrijving: 'Plaatsingstafel',
  niveauSinds: 'maandag 14 december 2026',
  serviceniveauDatum: 'maandag 11 januari 2027',
  serviceniveauRegel: 'standaardinstelling van dit systeem',
  plaatsingsschool: 'De Linde',
  aantal: '1',
  datum: 'maandag 30 november 2026',
  wat: 'verlenging-ouders',
  zaken: [
    {
      id: 'imp-1',
      school: '12AB',
      niveau: 'E3',
      niveauSinds: '2026-11-02',
      dagenOpNiveau: 25,
      schooldagenOpNiveau: 17,
      vastgelopenSinds: '2026-11-16',
    },
  ],
};

describe('mail templates (templates/mail/*.txt)', () => {
  it('exist for every notification kind, and nothing else lies there', () => {
    expect(
      fs
        .readdirSync(TEMPLATE_DIR)
        .map((f) => f.replace(/\.txt$/, ''))
        .sort(),
    ).toEqual([...sjablonen].sort());
  });

  it.each(sjablonen.flatMap((s) => rollen.map((r) => [s, r] as const)))(
    '%s for %s renders a Dutch subject and a complete text',
    (sjabloon, rol) => {
      const { onderwerp, tekst } = render(sjabloon, rol, gegevens);
      expect(onderwerp.length).toBeGreaterThan(10);
      for (const t of [onderwerp, tekst]) {
        expect(t).not.toMatch(/\{\{|\}\}|\btrue\b|undefined/);
      }
      expect(tekst).toMatch(/Met vriendelijke groet/);
      // A role only sees its own greeting.
      const groeten = tekst.match(/^Beste [^\n,]+,/gm) ?? [];
      expect(groeten.length).toBeLessThanOrEqual(1);
    },
  );

  it('addresses each role in its own words', () => {
    expect(render('tijdelijk-geplaatst', 'ouders', gegevens).tekst).toMatch(/^Beste ouder of verzorger,/);
    expect(render('tijdelijk-geplaatst', 'school', gegevens).tekst).toMatch(/^Beste school,/);
    expect(render('tijdelijk-geplaatst', 'ouders', gegevens).tekst).not.toContain('zaak zp-1');
  });
});

describe('TLV letters', () => {
  it('the late-assessment notice names the pupil to the coordinator, not to the directeur (need to know)', () => {
    const d = { ...gegevens, beoordelingstermijn: 'maandag 25 januari 2027', beoordelingstermijnRegel: 'x' };
    expect(render('tlv-te-laat', 'coordinator', d).tekst).toContain('Sanne');
    const directeur = render('tlv-te-laat', 'directeur', d);
    expect(directeur.tekst).not.toContain('Sanne');
    expect(directeur.tekst).toContain('zaak zp-1');
  });
});
