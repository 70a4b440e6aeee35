/**
 * The impasse API on a real stack (zakenHarness: Temporal dev server in real time, the product's
 * worker, a real SMTP sink, the express app): creating impasses (also late-registered ones via
 * `gemeldOp`, stuck at once), the directeur's view `GET /api/v1/impasses` (order, filters, roles,
 * input checks), and the ladder's actions through the API, including a placement that closes the
 * zorgplicht case the impasse came from. Dates are relative to today; expectations come from the domain.
 */
import request from 'supertest';
import type { Role } from '../../src/auth/actors';
import { getPolicy, impasseServiceniveau, schooldagenTussen, toIsoDate } from '../../src/domain';
import { ZaakType } from '../../src/temporal/searchAttributes';
import { waitFor } from '../helpers/api';
import {
  dagenSinds,
  ids,
  impasseApi,
  impasseMelding,
  middernacht,
  om17,
  IMPASSES,
  RIJ_VELDEN,
  type ImpasseLijst,
  serviceniveau,
  vastgelopenMelding,
  type ImpasseRij,
} from '../helpers/impasseApi';
import { aanmelding, expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const wet = getPolicy('wet');
const sn = serviceniveau;
const DEV_COORDINATOR = { id: 'dev-coordinator', naam: 'Coördinator (dev)', rol: 'coordinator' };
/** Personal data that must never reach the directeur's view. */
const GEHEIM = ['Quirijn', 'Vandersnoek', 'Regenboog', 'Linde'];
const deLinde = { brin: '34CD', naam: 'De Linde' };
const deelnemers = ['ouders', 'huidige-school', 'thuisnabije-scholen'];

describe('impasse API and the directeur view (real dev server, real worker, real SMTP)', () => {
  let h: Harness;
  let api: ReturnType<typeof impasseApi>;

  // B is stuck (melding ≥30 days ago), A stuck longer (an earlier melding) but created after B:
  // the view must not sort stuck cases by when the server noticed them.
  const gemeldB = vastgelopenMelding(30);
  const gemeldA = vastgelopenMelding(45, gemeldB);
  const gemeldO2 = vandaag(-5);
  let A: string; // stuck longest, 34CD
  let B: string; // stuck, 12AB
  let O: string; // melding today, open, 56EF
  let O2: string; // melding 5 days ago, open, nearer deadline than O, 56EF
  let E: string; // started now, escalated to E2 later, 78GH
  const alle = () => [A, B, O, O2, E];

  beforeAll(async () => {
    h = await startZakenHarness('impasses-api');
    api = impasseApi(h);
    B = await api.nieuw({ gemeldOp: gemeldB });
    A = await api.nieuw({ school: { brin: '34CD', naam: 'De Linde', regio: 'midden' }, gemeldOp: gemeldA });
    O = await api.nieuw({ school: { brin: '56EF', naam: 'De Vlinder' }, gemeldOp: vandaag() });
    O2 = await api.nieuw({
      school: { brin: '56EF', naam: 'De Vlinder' },
      gemeldOp: gemeldO2,
      aanleiding: 'thuiszitter',
    });
    E = await api.nieuw({ school: { brin: '78GH', naam: 'Het Kompas', regio: 'noord' }, aanleiding: 'terugplaatsing' });
    // Visibility shows all five, the two stuck ones as stuck.
    await api.lijstTot('?limiet=500', (l) => alle().every((id) => ids(l).includes(id)) && l.aantalVastgelopen === 2);
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });

  describe('POST /api/v1/zaken/impasse', () => {
    it('is 201 on E1 with the service level (10 school days), a Location header, and the view behind it', async () => {
      const res = await api.create(impasseMelding({ school: { brin: '90KL', naam: 'De Sterren' } }));
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      expect(id).toMatch(/^im-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(res.headers.location).toBe(`/api/v1/zaken/${id}`);
      const s = sn(vandaag());
      expect(res.body).toEqual({
        id,
        type: 'impasse',
        status: 'open',
        niveau: 'E1',
        deadlines: [{ soort: 'serviceniveau-E1', datum: s.datum, regel: s.regel, tijdstip: om17(s.datum) }],
      });
      expect(res.body.deadlines[0].regel).toMatch(/10 schooldagen/);
      // Placed right away (once the view shows it), so it does not disturb the view's exact sets below.
      await api.lijstTot('?limiet=500', (l) => ids(l).includes(id));
      expect((await api.act(id, 'plaatsen', { school: deLinde, reden: 'Direct geplaatst op De Linde.' })).status).toBe(
        200,
      );
      await api.lijstTot('?limiet=500', (l) => !ids(l).includes(id));
    });

    it('a melding weeks ago is stuck at once: the view counts from gemeldOp', async () => {
      const v = await api.view(B);
      const s = sn(gemeldB);
      expect(v).toEqual(
        expect.objectContaining({
          id: B,
          type: 'impasse',
          status: 'vastgelopen',
          open: true,
          niveau: 'E1',
          eigenaar: 'coordinator',
          niveauSinds: middernacht(gemeldB),
          gestart: middernacht(gemeldB),
          vastgelopen: { niveau: 'E1', sinds: expect.any(String) },
          school: { brin: '12AB', naam: 'De Regenboog' },
          beleid: 'wet',
          volgendeHerinnering: null,
        }),
      );
      expect(v.deadlines).toEqual([
        { soort: 'serviceniveau-E1', datum: s.datum, regel: s.regel, tijdstip: om17(s.datum) },
      ]);
      expect(v.tijdlijn.map((t: { soort: string }) => t.soort)).toEqual(['gemeld', 'vastgelopen']);
      expect(v.tijdlijn[0]).toEqual(
        expect.objectContaining({ door: DEV_COORDINATOR, reden: 'Geen passende plek gevonden na het onderzoek.' }),
      );
      // An open one: melding today, nothing stuck, a reminder ahead.
      const o = await api.view(O);
      expect(o).toEqual(
        expect.objectContaining({ status: 'open', vastgelopen: null, niveauSinds: middernacht(vandaag()) }),
      );
      expect(o.volgendeHerinnering).toEqual(expect.objectContaining({ deadline: 'serviceniveau-E1' }));
    });

    it('the stuck mark of a late melding dates from its expired service level, not from when the server noticed', async () => {
      // Bug (src/workflows/impasse.ts voerUit): vastgelopen.sinds is Date.now() of the workflow task.
      for (const [id, gemeld] of [
        [A, gemeldA],
        [B, gemeldB],
      ] as const) {
        const v = await api.view(id);
        expect(toIsoDate(Date.parse(v.vastgelopen.sinds))).toBe(sn(gemeld).datum);
      }
    });
  });

  describe('GET /api/v1/impasses', () => {
    let volledig: ImpasseLijst;
    const rij = (id: string) => volledig.impasses.find((r) => r.id === id)!;

    beforeAll(async () => {
      volledig = (await api.lijst('?limiet=500')).body;
    });

    it('rows carry codes and dates only, with the days counted from the melding', async () => {
      expect(ids(volledig).sort()).toEqual([...alle()].sort());
      expect(volledig.aantalVastgelopen).toBe(2);
      for (const r of volledig.impasses) expect(Object.keys(r).sort()).toEqual(RIJ_VELDEN);
      const now = Date.now();
      expect(rij(B)).toEqual({
        id: B,
        school: '12AB',
        niveau: 'E1',
        niveauSinds: middernacht(gemeldB),
        dagenOpNiveau: dagenSinds(gemeldB, now),
        // The service level counts school days: so does the row (the SWV's region, 'wet': midden).
        schooldagenOpNiveau: schooldagenTussen(gemeldB, toIsoDate(now), 'midden'),
        gestart: expect.any(String),
        dagenTotaal: expect.any(Number),
        vastgelopen: true,
        vastgelopenSinds: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        volgendeDeadline: null,
      });
      expect(rij(A)).toEqual(
        expect.objectContaining({
          school: '34CD',
          vastgelopen: true,
          niveauSinds: middernacht(gemeldA),
          dagenOpNiveau: dagenSinds(gemeldA, now),
          volgendeDeadline: null,
        }),
      );
      expect(rij(B).dagenOpNiveau).toBeGreaterThanOrEqual(30);
      expect(rij(A).dagenOpNiveau).toBeGreaterThanOrEqual(45);
      const o = await api.view(O);
      expect(rij(O)).toEqual({
        id: O,
        school: '56EF',
        niveau: 'E1',
        niveauSinds: middernacht(vandaag()),
        dagenOpNiveau: 0,
        schooldagenOpNiveau: 0,
        gestart: o.gestart,
        dagenTotaal: 0,
        vastgelopen: false,
        vastgelopenSinds: null,
        volgendeDeadline: o.deadlines[0].tijdstip,
      });
      expect(rij(O2)).toEqual(
        expect.objectContaining({
          dagenOpNiveau: dagenSinds(gemeldO2, now),
          volgendeDeadline: om17(sn(gemeldO2).datum),
          vastgelopen: false,
        }),
      );
      expect(rij(E)).toEqual(
        expect.objectContaining({ school: '78GH', niveau: 'E1', dagenOpNiveau: 0, dagenTotaal: 0, vastgelopen: false }),
      );
      // No personal data: pupil and school names stay in the case.
      const json = JSON.stringify(volledig);
      for (const s of GEHEIM) expect(json).not.toContain(s);
    });

    it('gestart and dagenTotaal also count from the melding (gemeldOp), like the case view', async () => {
      // Bug (src/readmodels/impasses.ts): gestart/dagenTotaal come from the workflow's startTime.
      const now = Date.now();
      expect(rij(B)).toEqual(
        expect.objectContaining({ gestart: middernacht(gemeldB), dagenTotaal: dagenSinds(gemeldB, now) }),
      );
      expect(rij(A)).toEqual(
        expect.objectContaining({ gestart: middernacht(gemeldA), dagenTotaal: dagenSinds(gemeldA, now) }),
      );
      expect(rij(O2)).toEqual(
        expect.objectContaining({ gestart: middernacht(gemeldO2), dagenTotaal: dagenSinds(gemeldO2, now) }),
      );
    });

    it('most urgent first: the stuck ones first, then the open ones by nearest deadline', async () => {
      const volgorde = ids(volledig);
      expect(new Set(volgorde.slice(0, 2))).toEqual(new Set([A, B]));
      expect(volgorde.slice(2, 3)).toEqual([O2]);
      expect(new Set(volgorde.slice(3))).toEqual(new Set([O, E]));
      const deadlines = volledig.impasses.slice(2).map((r) => r.volgendeDeadline!);
      expect([...deadlines].sort()).toEqual(deadlines);
    });

    it('among the stuck ones, the one stuck longest (earlier melding, created later) comes first', async () => {
      expect(ids(volledig).slice(0, 2)).toEqual([A, B]);
    });

    it('filters on school (case-insensitive BRIN)', async () => {
      for (const school of ['34CD', '34cd']) {
        const res = await api.lijst(`?school=${school}`);
        expect(res.status).toBe(200);
        expect(ids(res.body)).toEqual([A]);
        expect(res.body.aantalVastgelopen).toBe(1);
      }
      const vlinder = await api.lijst('?school=56EF');
      expect(ids(vlinder.body)).toEqual([O2, O]);
      expect(vlinder.body.aantalVastgelopen).toBe(0);
      expect((await api.lijst('?school=99ZZ')).body).toEqual({ impasses: [], aantalVastgelopen: 0 });
    });

    it('filters on vastgelopen=true|false', async () => {
      const ja = await api.lijst('?vastgelopen=true');
      expect(ja.status).toBe(200);
      expect(ids(ja.body).sort()).toEqual([A, B].sort());
      expect(ja.body.aantalVastgelopen).toBe(2);
      expect(ja.body.impasses.every((r: ImpasseRij) => r.vastgelopen && r.vastgelopenSinds)).toBe(true);
      const nee = await api.lijst('?vastgelopen=false');
      expect(ids(nee.body).sort()).toEqual([O, O2, E].sort());
      expect(nee.body.aantalVastgelopen).toBe(0);
      expect(ids((await api.lijst('?vastgelopen=true&school=12ab')).body)).toEqual([B]);
    });

    it('limiet caps the rows, the most urgent kept; aantalVastgelopen still counts all', async () => {
      const een = await api.lijst('?limiet=1');
      expect(een.status).toBe(200);
      expect(een.body.impasses).toHaveLength(1);
      expect(ids(een.body)).toEqual(ids(volledig).slice(0, 1));
      expect(een.body.aantalVastgelopen).toBe(2);
      expect(ids((await api.lijst('?limiet=3')).body)).toEqual(ids(volledig).slice(0, 3));
      expect(ids((await api.lijst('?limiet=2&vastgelopen=false')).body)).toEqual(ids(volledig).slice(2, 4));
    });

    it('filters on niveau: after the coordinator escalates one to E2 (with deelnemers), niveau=E2 finds only it', async () => {
      expect((await api.lijst('?niveau=E2')).body).toEqual({ impasses: [], aantalVastgelopen: 0 });
      const res = await api.act(E, 'escaleren', { naar: 'E2', reden: 'Plaatsingstafel belegd.', deelnemers });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ id: E, niveau: 'E2', eigenaar: 'coordinator', status: 'open', vastgelopen: null }),
      );
      expect(res.body.deadlines[0]).toEqual(
        expect.objectContaining({
          soort: 'serviceniveau-E2',
          datum: impasseServiceniveau(vandaag(), wet, 'noord').datum,
        }),
      );
      expect(res.body.tijdlijn.at(-1)).toEqual(
        expect.objectContaining({
          soort: 'niveau:E2',
          door: DEV_COORDINATOR,
          gegevens: { deelnemers: deelnemers.join(', ') },
        }),
      );
      const e2 = await api.lijstTot('?niveau=E2', (l) => l.impasses.length > 0);
      expect(ids(e2)).toEqual([E]);
      expect(e2.impasses[0]).toEqual(expect.objectContaining({ niveau: 'E2', dagenOpNiveau: 0, vastgelopen: false }));
      expect(Date.parse(e2.impasses[0].niveauSinds)).toBeGreaterThan(Date.now() - 60_000);
      const e1 = await api.lijst('?niveau=E1');
      expect(ids(e1.body).sort()).toEqual([A, B, O, O2].sort());
      expect((await api.lijst('?niveau=E7')).body).toEqual({ impasses: [], aantalVastgelopen: 0 });
    });

    it('directeur, coordinator and bestuur may read it (the DB only its rungs); school and deskundige 403; no token 401', async () => {
      for (const rol of ['directeur', 'coordinator'] as Role[]) {
        const res = await api.lijst('', rol);
        expect(res.status).toBe(200);
        expect(ids(res.body).sort()).toEqual([...alle()].sort());
      }
      // None of these reached E5: not the Dagelijks Bestuur's to know (test/api/inzage.test.ts has those that did).
      expect((await api.lijst('', 'bestuur')).body).toEqual({ impasses: [], aantalVastgelopen: 0 });
      for (const rol of ['school', 'deskundige'] as Role[]) {
        const res = await api.lijst('', rol);
        expectDutchProblem(res, 403);
        expect(res.body.detail).toBe(`De rol ${rol} mag dit niet; toegestaan: directeur, coordinator, bestuur.`);
      }
      expectDutchProblem(await request(h.app).get(IMPASSES), 401);
    });

    it.each([
      ['niveau=E9', 'niveau', /^niveau is E1 … E7$/],
      ['niveau=e9', 'niveau', /^niveau is E1 … E7$/],
      ['niveau=E1&niveau=E2', 'niveau', /^niveau is E1 … E7$/],
      ['school=xx', 'school', /BRIN-code zoals 12AB/],
      ['school=12ABC', 'school', /BRIN-code/],
      ['vastgelopen=ja', 'vastgelopen', /^vastgelopen is 'true' of 'false'$/],
      ['vastgelopen=1', 'vastgelopen', /^vastgelopen is 'true' of 'false'$/],
      ['limiet=0', 'limiet', /Te kort/],
      ['limiet=501', 'limiet', /Te lang/],
      ['limiet=tien', 'limiet', /^moet een getal zijn$/],
      ['limiet=1.5', 'limiet', /^moet een geheel getal zijn$/],
    ])('?%s → 400 problem+json naming %s, in Dutch', async (qs, name, reason) => {
      const res = await api.lijst(`?${qs}`);
      expectDutchProblem(res, 400);
      expect(res.body.title).toBe('Ongeldige invoer');
      expect(res.body.detail).toContain('de query');
      expect(res.body.invalidParams).toEqual(expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]));
      expect(res.body.instance).toBe(IMPASSES);
    });

    it('reports several bad parameters at once', async () => {
      const res = await api.lijst('?niveau=E9&school=xx&vastgelopen=ja&limiet=0');
      expectDutchProblem(res, 400);
      expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'limiet',
        'niveau',
        'school',
        'vastgelopen',
      ]);
    });

    it('an unknown query parameter is ignored (200, same rows)', async () => {
      const res = await api.lijst('?sorteer=naam&foo=bar');
      expect(res.status).toBe(200);
      expect(ids(res.body).sort()).toEqual([...alle()].sort());
    });
  });

  describe('refused creates: 4xx problem+json, Dutch, and no impasse started', () => {
    // Otherwise valid bodies carry BRIN 99ZZ: a wrongly started impasse would show up under it.
    const basis = (extra: Record<string, unknown> = {}) =>
      impasseMelding({ school: { brin: '99ZZ', naam: 'De Regenboog' }, ...extra });
    const zonder = (veld: string) => {
      const b: Record<string, unknown> = basis();
      delete b[veld];
      return b;
    };
    const cases: [string, unknown, string, RegExp][] = [
      ['missing reden', zonder('reden'), 'reden', /^reden ontbreekt$/],
      ['too short reden', basis({ reden: 'ok' }), 'reden', /minstens 3 tekens/],
      ['missing leerling', zonder('leerling'), 'leerling', /^ontbreekt$/],
      ['missing school', zonder('school'), 'school', /^ontbreekt$/],
      ['bad BRIN', basis({ school: { brin: 'ABCD', naam: 'De Regenboog' } }), 'school.brin', /BRIN-code zoals 12AB/],
      [
        'unknown regio',
        basis({ school: { brin: '99ZZ', naam: 'De Regenboog', regio: 'oost' } }),
        'school.regio',
        /Regio moet/,
      ],
      ['gemeldOp in the future', basis({ gemeldOp: vandaag(1) }), 'gemeldOp', /^mag niet na vandaag liggen$/],
      ['gemeldOp more than a year back', basis({ gemeldOp: vandaag(-400) }), 'gemeldOp', /^verwacht een datum tussen/],
      ['gemeldOp in year 50', basis({ gemeldOp: '0050-03-01' }), 'gemeldOp', /bestaat niet in de kalender/],
      ['gemeldOp not in the calendar', basis({ gemeldOp: '2026-02-30' }), 'gemeldOp', /bestaat niet in de kalender/],
      ['gemeldOp in Dutch notation', basis({ gemeldOp: '01-09-2026' }), 'gemeldOp', /formaat JJJJ-MM-DD/],
      [
        'unknown beleid',
        basis({ beleid: 'onbekend' }),
        'beleid',
        /^onbekend beleid 'onbekend'; kies uit wet, wet-vo, spow, sppoh, almere, ppo-nk, vo-groningen-stad$/,
      ],
      ['malformed beleid', basis({ beleid: 'Wet 2026!' }), 'beleid', /./],
      ['unknown aanleiding', basis({ aanleiding: 'ruzie' }), 'aanleiding', /./],
    ];

    it.each(cases)('%s → 400 invalidParams', async (_what, body, name, reason) => {
      const res = await api.create(body);
      expectDutchProblem(res, 400);
      expect(res.body.title).toBe('Ongeldige invoer');
      expect(res.body.invalidParams).toEqual(expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]));
      expect(JSON.stringify(res.body)).not.toContain('Vandersnoek');
    });

    it('malformed JSON → 400 Ongeldige JSON', async () => {
      const res = await request(h.app)
        .post('/api/v1/zaken/impasse')
        .set(api.auth('coordinator'))
        .set('Content-Type', 'application/json')
        .send('{"reden": ');
      expectDutchProblem(res, 400);
      expect(res.body.title).toBe('Ongeldige JSON');
    });

    it('school, directeur, bestuur and deskundige → 403; no token → 401', async () => {
      for (const rol of ['school', 'directeur', 'bestuur', 'deskundige'] as Role[]) {
        const res = await api.create(impasseMelding({ school: { brin: '12AB', naam: 'De Regenboog' } }), rol);
        expectDutchProblem(res, 403);
        expect(res.body.detail).toBe(`De rol ${rol} mag dit niet; toegestaan: coordinator.`);
      }
      expectDutchProblem(await request(h.app).post('/api/v1/zaken/impasse').send(basis()), 401);
    });

    it('started no workflow: nothing under 99ZZ, and the view and the server hold exactly the impasses answered with 201', async () => {
      // A valid control: once the view shows it, an earlier wrong start would show too.
      const controle = await api.nieuw({ school: { brin: '98ZZ', naam: 'Controle' } });
      const lijst = await api.lijstTot('?limiet=500', (l) => ids(l).includes(controle));
      expect(ids(lijst).sort()).toEqual([...alle(), controle].sort());
      expect((await api.lijst('?school=99ZZ')).body).toEqual({ impasses: [], aantalVastgelopen: 0 });
      // Every impasse the server holds (open or placed) was answered with 201.
      const alleImpasses = await waitFor(async () => {
        const n = (await h.client.workflow.count(`${ZaakType.name} = 'impasse'`)).count;
        return n >= api.gemaakt.length ? n : undefined;
      }, 10_000);
      expect(alleImpasses).toBe(api.gemaakt.length);
      expect((await api.act(controle, 'plaatsen', { school: deLinde, reden: 'Controle afgerond.' })).status).toBe(200);
    });
  });

  describe('actions through the API', () => {
    const advies = { school: deLinde, onderbouwing: 'De Linde heeft een kleine groep en ervaring met deze hulpvraag.' };

    it('refuses a skipped rung, the wrong role on the rung, bad bodies and unknown actions, and changes nothing', async () => {
      const voor = await api.view(O);
      const skip = await api.act(O, 'escaleren', { naar: 'E3', reden: 'Meteen naar de directeur.', advies });
      expectDutchProblem(skip, 409);
      expect(skip.body.detail).toMatch(/volgende trede/);
      expect(skip.body.detail).toBe('Escaleren kan alleen naar de volgende trede: van E1 naar E2, niet naar E3.');

      // Issue 3: a wrong role is 403; here the workflow knows the rung's owner.
      const rol = await api.act(
        O,
        'escaleren',
        { naar: 'E2', reden: 'Plaatsingstafel belegd.', deelnemers },
        'directeur',
      );
      expectDutchProblem(rol, 403);
      expect(rol.body.detail).toBe(
        'Op E1 (Melding bij het samenwerkingsverband) handelt de rol coordinator, niet directeur.',
      );
      // The DB does not learn of an impasse below its rungs: 404, not the rung's owner.
      const bestuur = await api.act(O, 'plaatsen', { school: deLinde, reden: 'Het bestuur plaatst.' }, 'bestuur');
      expectDutchProblem(bestuur, 404);
      expect(bestuur.body.detail).toBe('Deze zaak bestaat niet.');
      const vroeg = await api.act(
        O,
        'bindend-besluit',
        { adviesDerde: 'Advies: De Linde past het best.', school: deLinde, reden: 'Te vroeg.' },
        'directeur',
      );
      expectDutchProblem(vroeg, 409);
      expect(vroeg.body.detail).toMatch(/volgt op E6/);

      // Which rung needs what depends on the case's route: the workflow says it (409), and changes nothing.
      const zonderDeelnemers = await api.act(O, 'escaleren', { naar: 'E2', reden: 'Plaatsingstafel belegd.' });
      expectDutchProblem(zonderDeelnemers, 409);
      expect(zonderDeelnemers.body.detail).toBe(
        'Leg de deelnemers van de plaatsingstafel vast (deelnemers), met de ouders.',
      );
      const slecht: [string, unknown, string, RegExp][] = [
        [
          'escaleren',
          { naar: 'E2', reden: 'Plaatsingstafel belegd.', deelnemers: [] },
          'deelnemers',
          /leg de deelnemers van de plaatsingstafel vast/,
        ],
        ['escaleren', { naar: 'E9', reden: 'Ver weg.' }, 'naar', /naar is de volgende trede/],
        ['escaleren', { naar: 'E2', deelnemers }, 'reden', /^reden ontbreekt$/],
        ['plaatsen', { reden: 'Geplaatst.' }, 'school', /^ontbreekt$/],
        ['vastleggen', { soort: 'roddel', tekst: 'Iets.' }, 'soort', /./],
        ['ouders-reactie', { akkoord: 'ja', reden: 'Akkoord.' }, 'akkoord', /akkoord: true of false/],
      ];
      for (const [actie, body, name, reason] of slecht) {
        const res = await api.act(O, actie, body);
        try {
          expectDutchProblem(res, 400);
          expect(res.body.invalidParams).toEqual(
            expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]),
          );
        } catch (err) {
          throw new Error(`${actie} ${JSON.stringify(body)}: ${(err as Error).message}`);
        }
      }
      const onbekend = await api.act(O, 'verlengen', { weken: 2, reden: 'Meer tijd.' });
      expectDutchProblem(onbekend, 404);
      expect(onbekend.body.detail).toBe(
        "Onbekende actie 'verlengen' voor een impasse-zaak; kies uit escaleren, vastleggen, bindend-besluit, ouders-reactie, plaatsen, aanwijzen, leerling-thuis, stoppen.",
      );
      expect(await api.view(O)).toEqual(voor);
    });

    it('a refused placement names the allowed role once ("coordinator", not "coordinator of coordinator")', async () => {
      const res = await api.act(O, 'plaatsen', { school: deLinde, reden: 'De directeur plaatst.' }, 'directeur');
      expectDutchProblem(res, 403);
      expect(res.body.detail).toBe(
        'Op E1 (Melding bij het samenwerkingsverband) handelt de rol coordinator, niet directeur.',
      );
    });

    it('school → 403 on actions (another school → 404), deskundige 404; no token → 401', async () => {
      const voor = await api.view(B);
      const body = { naar: 'E2', reden: 'Plaatsingstafel belegd.', deelnemers };
      // B is the dev school's own BRIN (12AB): it finds the case but may not act on an impasse.
      const school = await api.act(B, 'escaleren', body, 'school');
      expectDutchProblem(school, 403);
      expect(school.body.detail).toBe('De rol school mag dit niet; toegestaan: coordinator, directeur, bestuur.');
      // A deskundige reads no impasse: 404 (need to know).
      const deskundige = await api.act(B, 'plaatsen', { school: deLinde, reden: 'Plaatsen.' }, 'deskundige');
      expectDutchProblem(deskundige, 404);
      const ander = await api.act(A, 'escaleren', body, 'school');
      expectDutchProblem(ander, 404);
      expect(ander.body.detail).toBe('Deze zaak bestaat niet.');
      expectDutchProblem(await request(h.app).post(`/api/v1/zaken/${B}/acties/escaleren`).send(body), 401);
      expect(await api.view(B)).toEqual(voor);
    });

    it('a placement by the coordinator → 200; the impasse leaves the view; every later action → 409 "beëindigd"', async () => {
      const P = await api.nieuw({ school: { brin: '90KL', naam: 'De Sterren' } });
      await api.lijstTot('?limiet=500', (l) => ids(l).includes(P));
      const res = await api.act(P, 'plaatsen', { school: deLinde, reden: 'De Linde plaatst vrijwillig.' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: P, status: 'geplaatst', open: false, niveau: 'E1' }));
      expect(res.body.uitkomst).toEqual({
        geplaatst: true,
        school: deLinde,
        niveau: 'E1',
        reden: 'De Linde plaatst vrijwillig.',
        door: DEV_COORDINATOR,
        op: expect.any(String),
      });
      const acties: [string, unknown, Role][] = [
        ['plaatsen', { school: deLinde, reden: 'Nog eens.' }, 'coordinator'],
        ['escaleren', { naar: 'E2', reden: 'Plaatsingstafel belegd.', deelnemers }, 'coordinator'],
        ['vastleggen', { soort: 'ondersteuningsaanbod', tekst: 'Aanbod.' }, 'directeur'],
      ];
      // Straight after (the workflow may still be sending its mail) and once it has completed.
      for (const [actie, body, rol] of acties) {
        const r = await api.act(P, actie, body, rol);
        expectDutchProblem(r, 409);
        expect(r.body.detail).toMatch(/^De impasse is beëindigd: geplaatst op De Linde/);
      }
      expect(await h.client.workflow.getHandle(P).result()).toEqual(
        expect.objectContaining({ geplaatst: true, school: deLinde }),
      );
      for (const [actie, body, rol] of acties) {
        const r = await api.act(P, actie, body, rol);
        expectDutchProblem(r, 409);
        expect(r.body.detail).toMatch(
          /^De impasse is beëindigd: geplaatst op De Linde \(\d{4}-\d{2}-\d{2}\)\. Er kan geen stap meer worden gezet\.$/,
        );
      }
      expect((await api.view(P)).status).toBe('geplaatst');
      await api.lijstTot('?limiet=500', (l) => !ids(l).includes(P));
    });

    it('a stop by the coordinator → 200 "gestopt"; the impasse leaves the view; every later action → 409 "gestopt"', async () => {
      const S = await api.nieuw({
        school: { brin: '90KL', naam: 'De Sterren', email: 'ib@sterren.example' },
        ouders: [{ email: 'ouder.stop@example.org' }],
      });
      await api.lijstTot('?limiet=500', (l) => ids(l).includes(S));
      const directeur = await api.act(S, 'stoppen', { reden: 'Gezin verhuisd.' }, 'directeur');
      expectDutchProblem(directeur, 403);
      const res = await api.act(S, 'stoppen', { reden: 'Het gezin is verhuisd naar Groningen.' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: S, status: 'gestopt', open: false }));
      expect(res.body.uitkomst).toEqual(
        expect.objectContaining({ geplaatst: false, niveau: 'E1', reden: 'Het gezin is verhuisd naar Groningen.' }),
      );
      await h.client.workflow.getHandle(S).result();
      const later = await api.act(S, 'plaatsen', { school: deLinde, reden: 'Toch nog.' });
      expectDutchProblem(later, 409);
      expect(later.body.detail).toMatch(
        /^De impasse is gestopt \(\d{4}-\d{2}-\d{2}\)\. Er kan geen stap meer worden gezet\.$/,
      );
      await api.lijstTot('?limiet=500', (l) => !ids(l).includes(S));
    });

    it('a placed impasse leaves the view at once, even while its placement mail is still pending (worker down)', async () => {
      const Q = await api.nieuw({ school: { brin: '91KL', naam: 'De Sterren' } });
      await api.lijstTot('?limiet=500', (l) => ids(l).includes(Q));
      const res = await api.act(Q, 'plaatsen', { school: deLinde, reden: 'De Linde plaatst vrijwillig.' });
      expect(res.status).toBe(200);
      // No worker: the placement mail is not sent, so the workflow cannot finish yet.
      await h.stopWorker();
      try {
        const lopend = (await h.client.workflow.getHandle(Q).describe()).status.name === 'RUNNING';
        const lijst = await api
          .lijstTot('?limiet=500', (l) => !ids(l).includes(Q), 'directeur', 8_000)
          .catch(() => undefined);
        expect({ lopend, inDeLijst: lijst === undefined }).toEqual({ lopend, inDeLijst: false });
        expect(ids((await api.lijst('?school=91KL')).body)).toEqual([]);
      } finally {
        await h.startWorker();
      }
      await h.client.workflow.getHandle(Q).result();
    });

    it('an impasse reported on a zorgplicht case: its child shows in the view, and its placement closes the zorgplicht case', async () => {
      const zp = await request(h.app)
        .post('/api/v1/zaken/zorgplicht')
        .set(api.auth('coordinator'))
        .send(
          aanmelding({ school: { brin: '24XY', naam: 'De Wilgen', email: 'directie@wilgen.example', regio: 'zuid' } }),
        );
      expect(zp.status).toBe(201);
      const zpId = zp.body.id as string;
      const gemeld = await api.act(zpId, 'impasse-melden', { reden: 'Geen passende plek binnen de school.' });
      expect(gemeld.status).toBe(200);
      expect(gemeld.body.status).toBe('impasse');
      const kindId = `${zpId}-impasse`;
      const zpView = await waitFor(async () => {
        const v = await api.view(zpId);
        return v.impasse?.zaakId ? v : undefined;
      }, 15_000);
      expect(zpView.impasse).toEqual({
        reden: 'Geen passende plek binnen de school.',
        door: DEV_COORDINATOR,
        op: expect.any(String),
        zaakId: kindId,
      });

      const kind = await api.view(kindId, 'directeur');
      expect(kind).toEqual(
        expect.objectContaining({
          id: kindId,
          type: 'impasse',
          status: 'open',
          niveau: 'E1',
          zorgplichtZaak: zpId,
          school: { brin: '24XY', naam: 'De Wilgen' },
        }),
      );
      const lijst = await api.lijstTot('?limiet=500', (l) => ids(l).includes(kindId));
      expect(lijst.impasses.find((r) => r.id === kindId)).toEqual(
        expect.objectContaining({
          school: '24XY',
          niveau: 'E1',
          vastgelopen: false,
          volgendeDeadline: kind.deadlines[0].tijdstip,
        }),
      );
      expect(ids((await api.lijst('?school=24XY')).body)).toEqual([kindId]);

      // A ladder step on the zorgplicht case's id says where it is taken; a code typed in lower case counts.
      const verkeerd = await api.act(zpId, 'escaleren', { naar: 'e2', reden: 'Plaatsingstafel belegd.', deelnemers });
      expectDutchProblem(verkeerd, 404);
      expect(verkeerd.body.detail).toMatch(
        new RegExp(`'escaleren' is een stap van de impasse: zet die in de impasse-zaak ${kindId}\\.$`),
      );
      const e2 = await api.act(kindId, 'escaleren', { naar: 'e2', reden: 'Plaatsingstafel belegd.', deelnemers });
      expect(e2.status).toBe(200);
      expect(e2.body.niveau).toBe('E2');
      expect(ids(await api.lijstTot('?niveau=e2&school=24xy', (l) => ids(l).includes(kindId)))).toEqual([kindId]);

      const plaats = await api.act(kindId, 'plaatsen', {
        school: deLinde,
        reden: 'De Linde plaatst na de plaatsingstafel.',
      });
      expect(plaats.status).toBe(200);
      expect(plaats.body.status).toBe('geplaatst');
      const dicht = await waitFor(async () => {
        const v = await api.view(zpId);
        return v.status === 'elders-toegelaten' ? v : undefined;
      }, 15_000);
      expect(dicht).toEqual(
        expect.objectContaining({
          status: 'elders-toegelaten',
          open: false,
          besluit: expect.objectContaining({
            uitkomst: 'elders-toegelaten',
            details: { toelatendeSchool: 'De Linde', impasseNiveau: 'E2' },
          }),
        }),
      );
      await api.lijstTot('?limiet=500', (l) => !ids(l).includes(kindId));
      const dubbel = await api.act(kindId, 'plaatsen', { school: deLinde, reden: 'Nog eens.' });
      expectDutchProblem(dubbel, 409);
      expect(dubbel.body.detail).toMatch(/beëindigd/);
    });
  });
});
