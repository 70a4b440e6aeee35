/**
 * Forms from the registry's schemas and the posted form back into the API's body (src/werkbak/formulier.ts):
 * every action and start of every process yields forms, and a filled-in form is a body its own
 * schema accepts; what the user left alone (an optional group with a default) stays out.
 */
import { processen } from '../../src/processen';
import { bodyUit, formulieren, label } from '../../src/werkbak/formulier';

const zorgplicht = processen.find((p) => p.type === 'zorgplicht')!;
const impasse = processen.find((p) => p.type === 'impasse')!;
const terugplaatsing = processen.find((p) => p.type === 'terugplaatsing')!;

it('makes a form per variant for every start and action of every process', () => {
  for (const p of processen) {
    expect(formulieren(p.start.schema).length).toBeGreaterThan(0);
    for (const a of Object.values(p.acties)) expect(formulieren(a.schema).length).toBeGreaterThan(0);
  }
  // The terugplaatsing's steps: a union of unions (done or skipped), flattened into one form each.
  const stappen = formulieren(terugplaatsing.acties.stap.schema);
  expect(stappen.map((f) => f.titel)).toContain('Stap 1.4 · overgeslagen');
  expect(stappen.map((f) => f.titel)).toContain('Stap 2.2');
  expect(formulieren(impasse.acties.escaleren.schema).map((f) => f.titel)).toEqual([
    'Naar E2',
    'Naar E3',
    'Naar E4',
    'Naar E5',
    'Naar E6',
  ]);
  expect(label('toelatendeSchool')).toBe('Toelatende school');
  expect(label('bestuurNietInDb')).toBe('Bestuur niet in DB');
});

it('turns a filled-in start form into a body the schema accepts, rows and optional groups left empty dropped', () => {
  const [form] = formulieren(zorgplicht.start.schema);
  const body = bodyUit(form, {
    'leerling.naam': 'Sanne',
    'school.brin': '12ab',
    'school.naam': 'De Regenboog',
    'school.email': 'directie@regenboog.example',
    'school.regio': 'midden',
    'ouders.0.naam': 'Fenna',
    'ouders.0.email': 'fenna@ouders.example',
    'ouders.1.naam': '',
    'ouders.1.email': '',
    beleid: 'wet',
    aanmelddatum: '2026-11-20',
  });
  expect(body).toEqual({
    leerling: { naam: 'Sanne' },
    school: { brin: '12ab', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
    ouders: [{ naam: 'Fenna', email: 'fenna@ouders.example' }],
    beleid: 'wet',
    aanmelddatum: '2026-11-20',
  });
  expect(zorgplicht.start.schema.safeParse(body).success).toBe(true);
});

it('leaves out an optional group whose fields show only their defaults (tlv-aangevraagd without the TLV block)', () => {
  const forms = formulieren(zorgplicht.acties.besluiten.schema);
  const tlv = forms.find((f) => f.titel === 'Uitkomst tlv-aangevraagd')!;
  const body = bodyUit(tlv, {
    reden: 'de school kan niet bieden wat nodig is',
    'tlv.aanvraag.emb': 'nee',
    soort: 'so',
  });
  expect(body).toEqual({ uitkomst: 'tlv-aangevraagd', reden: 'de school kan niet bieden wat nodig is', soort: 'so' });
  expect(zorgplicht.acties.besluiten.schema.safeParse(body).success).toBe(true);
});

it('reads numbers, yes/no, checkboxes and one-per-line lists as their types', () => {
  const e2 = formulieren(impasse.acties.escaleren.schema)[0];
  const body = bodyUit(e2, { reden: 'geen plek', deelnemers: ['ouders', 'huidige-school'] });
  expect(body).toEqual({ naar: 'E2', reden: 'geen plek', deelnemers: ['ouders', 'huidige-school'] });
  const [verlengen] = formulieren(zorgplicht.acties.verlengen.schema);
  expect(bodyUit(verlengen, { weken: '4', reden: 'onderzoek' })).toEqual({ weken: 4, reden: 'onderzoek' });
  const [reactie] = formulieren(impasse.acties['ouders-reactie'].schema);
  expect(bodyUit(reactie, { akkoord: 'nee', reden: 'te ver weg' })).toEqual({ akkoord: false, reden: 'te ver weg' });
});

it('asks an optional yes (nergensIngeschreven) with a checkbox: sent only when ticked, never a fixed value', () => {
  const [form] = formulieren(impasse.acties['leerling-thuis'].schema);
  expect(form.titel).toBeUndefined();
  expect(form.velden.find((v) => v.naam === 'nergensIngeschreven')).toMatchObject({ soort: 'vink', verplicht: false });
  const basis = { sinds: '2027-01-11', reden: 'Hij zit thuis.' };
  const nergens = bodyUit(form, { ...basis, nergensIngeschreven: 'ja' });
  expect(nergens).toEqual({ ...basis, nergensIngeschreven: true });
  expect(impasse.acties['leerling-thuis'].schema.safeParse(nergens).success).toBe(true);
  const ergens = bodyUit(form, { ...basis, 'ingeschrevenOp.brin': '12AB', 'ingeschrevenOp.naam': 'De Regenboog' });
  expect(ergens).toEqual({ ...basis, ingeschrevenOp: { brin: '12AB', naam: 'De Regenboog' } });
  expect(impasse.acties['leerling-thuis'].schema.safeParse(ergens).success).toBe(true);
  // Stopping a terugplaatsing: the group left alone stays out.
  const [stoppen] = formulieren(terugplaatsing.acties.stoppen.schema);
  expect(bodyUit(stoppen, { reden: 'De ouders zien ervan af.' })).toEqual({ reden: 'De ouders zien ervan af.' });
});
