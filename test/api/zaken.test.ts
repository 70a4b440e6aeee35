/**
 * The zaken API on a real stack: a Temporal dev server (real time), the product's worker (real
 * workflows and activities, Outbox to a real SMTP sink), a client with the encrypting data converter
 * and the express app. Dates are relative to today; the expected deadlines come from the domain.
 */
import type { Role } from '../../src/auth/actors';
import request from 'supertest';
import {
  addDays,
  getPolicy,
  herinneringen,
  termijnVerstreken,
  tijdelijkePlaatsingsdatum,
  toInstant,
  verlengdeBeslisdatum,
  zorgplichtBeslisdatum,
} from '../../src/domain';
import { SchoolBrin } from '../../src/temporal/searchAttributes';
import { apiClient } from '../helpers/apiClient';
import { waitFor } from '../helpers/api';
import { aanmelding, expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const CREATE = '/api/v1/zaken/zorgplicht';
const ONBEKEND_ID = 'zp-00000000-0000-0000-0000-000000000000';
const DEV_COORDINATOR = { id: 'dev-coordinator', naam: 'Coördinator (dev)', rol: 'coordinator' };
const DEV_SCHOOL = { id: 'dev-school', naam: 'School 12AB (dev)', rol: 'school' };
const wet = getPolicy('wet');
/** When a term is over: the end of its last day. */
const eindeDag = (datum: string) => new Date(termijnVerstreken(datum, getPolicy('wet'))).toISOString();
const LIJST_VELDEN = ['beleid', 'gesloten', 'gestart', 'id', 'open', 'school', 'status', 'type', 'volgendeDeadline'];
/** What must never reach a log or the case list: the pupil, the parents, the BSN-like number. */
const GEHEIM = ['Quirijn', 'Vandersnoek', 'ouders.example', '999990019'];

type Body = Record<string, unknown>;
interface Rij {
  id: string;
  type: string;
  status: string;
  school?: string;
  beleid?: string;
  volgendeDeadline: string | null;
  gestart: string;
  open: boolean;
}

describe('zaken API (real dev server, real worker, real SMTP)', () => {
  let h: Harness;
  const api = apiClient(() => h);
  const { auth, gemaakt, get, act } = api;
  const create = (body: unknown, rol: Role = 'coordinator') => api.create('zorgplicht', body, rol);
  const list = (qs: string, rol: Role = 'coordinator') => api.list(`/api/v1/zaken${qs}`, rol);
  /** The list is eventually consistent (visibility): poll until the predicate holds. */
  const listUntil = (qs: string, rol: Role, ok: (zaken: Rij[]) => boolean) =>
    waitFor(
      async () => {
        const res = await list(qs, rol);
        expect(res.status).toBe(200);
        return ok(res.body.zaken) ? (res.body as { zaken: Rij[]; meer: boolean }) : undefined;
      },
      15_000,
      250,
    );
  const ids = (zaken: Rij[]) => zaken.map((z) => z.id);
  const view = async (id: string, rol: Role = 'coordinator') => {
    const res = await get(id, rol);
    expect(res.status).toBe(200);
    return res.body;
  };
  async function nieuweZaak(overrides: Body = {}, rol: Role = 'coordinator'): Promise<string> {
    const res = await create(aanmelding(overrides), rol);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    h = await startZakenHarness('zaken-api');
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });

  describe('POST /api/v1/zaken/zorgplicht', () => {
    const aanmelddatum = vandaag(-10);
    let id: string;

    it('is 201 with the two deadlines and their rules, and a Location header', async () => {
      const res = await create(aanmelding({ aanmelddatum }));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      id = res.body.id;
      expect(id).toMatch(/^zp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(res.headers.location).toBe(`/api/v1/zaken/${id}`);
      const beslis = zorgplichtBeslisdatum(aanmelddatum, wet);
      const plaatsing = tijdelijkePlaatsingsdatum(aanmelddatum, wet);
      expect(res.body).toEqual({
        id,
        type: 'zorgplicht',
        status: 'in-onderzoek',
        deadlines: [
          { soort: 'beslistermijn', datum: beslis.datum, regel: beslis.regel, tijdstip: eindeDag(beslis.datum) },
          {
            soort: 'tijdelijke-plaatsing',
            datum: plaatsing.datum,
            regel: plaatsing.regel,
            tijdstip: eindeDag(plaatsing.datum),
          },
        ],
      });
      expect(res.body.deadlines[0].regel).toMatch(
        /Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding/,
      );
      expect(res.body.deadlines[1].regel).toMatch(/10 weken na aanmelding/);
      // The Location is where the case is.
      expect((await request(h.app).get(res.headers.location).set(auth('coordinator'))).status).toBe(200);
    });

    it('GET returns the case view with the tijdlijn entry "aangemeld" by the dev coordinator', async () => {
      const v = await view(id);
      expect(v).toEqual(
        expect.objectContaining({
          id,
          type: 'zorgplicht',
          status: 'in-onderzoek',
          open: true,
          beleid: 'wet',
          aanmelddatum,
          school: { brin: '12AB', naam: 'De Regenboog' },
          termijnOverschreden: false,
          tijdelijkGeplaatst: false,
        }),
      );
      expect(v.deadlines.map((d: { soort: string }) => d.soort)).toEqual(['beslistermijn', 'tijdelijke-plaatsing']);
      expect(v.volgendeHerinnering).toEqual(
        expect.objectContaining({
          deadline: 'beslistermijn',
          datum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          regel: expect.stringContaining('voor beslisdatum'),
        }),
      );
      expect(v.volgendeHerinnering.datum > vandaag()).toBe(true);
      const aangemeld = v.tijdlijn.find((t: { soort: string }) => t.soort === 'aangemeld');
      expect(aangemeld).toEqual(
        expect.objectContaining({
          soort: 'aangemeld',
          door: DEV_COORDINATOR,
          omschrijving: expect.stringContaining('Schriftelijke aanmelding'),
        }),
      );
      expect(v.tijdlijn[0].soort).toBe('aangemeld');
      // Its school reads it; a case in research is not the directeur's, the DB's or a deskundige's to know.
      expect((await get(id, 'school')).status).toBe(200);
      for (const rol of ['directeur', 'deskundige', 'bestuur'] as Role[]) expectDutchProblem(await get(id, rol), 404);
      // The bsn-like extra field was not taken over.
      expect(JSON.stringify(v)).not.toContain('999990019');
    });

    it('a school creates a case for its own BRIN (written in lower case) and is recorded as the actor', async () => {
      const res = await create(
        aanmelding({ school: { brin: '12ab', naam: 'De Regenboog', email: 'directie@regenboog.example' } }),
        'school',
      );
      expect(res.status).toBe(201);
      const v = await view(res.body.id, 'school');
      expect(v.school.brin).toBe('12AB');
      expect(v.tijdlijn[0]).toEqual(expect.objectContaining({ soort: 'aangemeld', door: DEV_SCHOOL }));
    });

    it('takes the policy code: spow', async () => {
      const res = await create(aanmelding({ beleid: 'spow' }));
      expect(res.status).toBe(201);
      expect((await view(res.body.id)).beleid).toBe('spow');
    });
  });

  describe('refused creates: 4xx problem+json, Dutch, and no case started', () => {
    // Otherwise valid bodies carry BRIN 99ZZ: a wrongly started case would show up under it.
    const BRIN = '99ZZ';
    const basis = () =>
      aanmelding({
        school: { brin: BRIN, naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
      });
    const met = (mutate: (b: ReturnType<typeof basis> & Body) => void) => {
      const b = basis() as ReturnType<typeof basis> & Body;
      mutate(b);
      return b;
    };
    const cases: [string, Body, string, RegExp][] = [
      ['missing leerling', met((b) => delete (b as Body).leerling), 'leerling', /^ontbreekt$/],
      [
        'leerling is a string',
        met((b) => ((b as Body).leerling = 'Quirijn Vandersnoek')),
        'leerling',
        /^moet een object met velden zijn$/,
      ],
      ['missing leerling.naam', met((b) => ((b as Body).leerling = {})), 'leerling.naam', /^ontbreekt$/],
      ['blank leerling.naam', met((b) => (b.leerling.naam = '   ')), 'leerling.naam', /naam van de leerling ontbreekt/],
      ['leerling.naam a number', met((b) => ((b.leerling as Body).naam = 42)), 'leerling.naam', /^moet tekst zijn$/],
      ['extra-long leerling.naam', met((b) => (b.leerling.naam = 'Q'.repeat(201))), 'leerling.naam', /Te lang/],
      [
        'impossible geboortedatum 2019-02-29',
        met((b) => (b.leerling.geboortedatum = '2019-02-29')),
        'leerling.geboortedatum',
        /bestaat niet in de kalender/,
      ],
      [
        'a child not yet 3 on the aanmelddatum (WPO art. 40)',
        met((b) => (b.leerling.geboortedatum = addDays(b.aanmelddatum as string, -3 * 365))),
        'leerling.geboortedatum',
        /jonger dan 3 jaar/,
      ],
      ['missing school', met((b) => delete (b as Body).school), 'school', /^ontbreekt$/],
      ['bad BRIN', met((b) => (b.school.brin = 'ABCD')), 'school.brin', /BRIN-code zoals 12AB/],
      ['BRIN a number', met((b) => ((b.school as Body).brin = 1234)), 'school.brin', /^moet tekst zijn$/],
      [
        'bad school e-mail',
        met((b) => (b.school.email = 'directie-at-regenboog')),
        'school.email',
        /geen geldig e-mailadres/,
      ],
      [
        'unknown regio',
        met((b) => (b.school.regio = 'oost')),
        'school.regio',
        /Regio moet 'noord', 'midden' of 'zuid' zijn/,
      ],
      ['no parents', met((b) => (b.ouders = [])), 'ouders', /minstens één ouder of verzorger/],
      [
        'five parents',
        met(
          (b) =>
            (b.ouders = Array.from({ length: 5 }, (_, i) => ({ naam: `Ouder ${i}`, email: `o${i}@ouders.example` }))),
        ),
        'ouders',
        /Te lang/,
      ],
      [
        'parents not a list',
        met((b) => ((b as Body).ouders = { naam: 'Fenna', email: 'fenna@ouders.example' })),
        'ouders',
        /^moet een lijst zijn$/,
      ],
      [
        'bad parent e-mail',
        met((b) => (b.ouders[0].email = 'fenna.vandersnoek@')),
        'ouders.0.email',
        /geen geldig e-mailadres/,
      ],
      ['missing aanmelddatum', met((b) => delete (b as Body).aanmelddatum), 'aanmelddatum', /Datum ontbreekt/],
      [
        'impossible aanmelddatum 2026-02-30',
        met((b) => (b.aanmelddatum = '2026-02-30')),
        'aanmelddatum',
        /Deze datum bestaat niet in de kalender/,
      ],
      [
        'aanmelddatum in Dutch notation',
        met((b) => (b.aanmelddatum = '30-01-2026')),
        'aanmelddatum',
        /gebruik het formaat JJJJ-MM-DD/,
      ],
      [
        'aanmelddatum a number',
        met((b) => ((b as Body).aanmelddatum = 20260101)),
        'aanmelddatum',
        /Datum ontbreekt of is geen tekst/,
      ],
      [
        'unknown beleid',
        met((b) => (b.beleid = 'onbekend')),
        'beleid',
        /onbekend beleid 'onbekend'; kies uit wet, wet-vo, spow, sppoh, almere, ppo-nk, vo-groningen-stad/,
      ],
      ['malformed beleid', met((b) => (b.beleid = 'Wet 2026!')), 'beleid', /beleid is een code zoals "spow"/],
      [
        'bad coordinatorEmail',
        met((b) => ((b as Body).coordinatorEmail = 'coordinator')),
        'coordinatorEmail',
        /geen geldig e-mailadres/,
      ],
      [
        'ingeschrevenElders without a name',
        met((b) => ((b as Body).ingeschrevenElders = { brin: '56EF', naam: '' })),
        'ingeschrevenElders.naam',
        /naam van de school ontbreekt/,
      ],
    ];

    it.each(cases)('%s → 400 invalidParams', async (_what, body, name, reason) => {
      const res = await create(body);
      expectDutchProblem(res, 400);
      expect(res.body.title).toBe('Ongeldige invoer');
      expect(res.body.invalidParams).toEqual(expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]));
      // The whole problem names fields, never echoes the pupil's data.
      expect(JSON.stringify(res.body)).not.toContain('Vandersnoek');
    });

    it('reports several invalid fields at once', async () => {
      const res = await create(
        met((b) => {
          b.school.brin = 'xx';
          b.aanmelddatum = '2026-02-30';
          b.ouders[0].email = 'geen-adres';
        }),
      );
      expectDutchProblem(res, 400);
      expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
        'aanmelddatum',
        'ouders.0.email',
        'school.brin',
      ]);
    });

    it.each([
      ['malformed JSON', '{"leerling": {"naam": "Quirijn Vandersnoek"', 'Ongeldige JSON'],
      ['a JSON string', '"Quirijn Vandersnoek"', 'Ongeldige JSON'],
      ['JSON null', 'null', 'Ongeldige JSON'],
    ])('%s → 400 problem', async (_what, raw, title) => {
      const res = await request(h.app)
        .post(CREATE)
        .set(auth('coordinator'))
        .set('Content-Type', 'application/json')
        .send(raw);
      expectDutchProblem(res, 400);
      expect(res.body.title).toBe(title);
      expect(JSON.stringify(res.body)).not.toContain('Vandersnoek');
    });

    it.each([
      ['a JSON array', [basis()]],
      ['a JSON number', 42],
    ])('%s as body → 400 on the body as a whole', async (_what, body) => {
      const res = await request(h.app)
        .post(CREATE)
        .set(auth('coordinator'))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expectDutchProblem(res, 400);
      expect(res.body.title).toMatch(/Ongeldige (invoer|JSON)/);
    });

    it('no body, or a body that is not JSON → 400 on the body', async () => {
      const none = await request(h.app).post(CREATE).set(auth('coordinator'));
      expectDutchProblem(none, 400);
      expect(none.body.invalidParams).toEqual([
        { name: 'de body', reason: expect.stringMatching(/^(ontbreekt|moet een object met velden zijn)$/) },
      ]);
      const text = await request(h.app)
        .post(CREATE)
        .set(auth('coordinator'))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(basis()));
      expectDutchProblem(text, 400);
    });

    it('a body over the limit → 413', async () => {
      const res = await create(met((b) => (b.leerling.naam = 'Q'.repeat(300 * 1024))));
      expectDutchProblem(res, 413);
    });

    it('without a token → 401; directeur, deskundige and bestuur → 403', async () => {
      expectDutchProblem(await request(h.app).post(CREATE).send(basis()), 401);
      for (const rol of ['directeur', 'deskundige', 'bestuur'] as Role[]) {
        const res = await create(basis(), rol);
        expectDutchProblem(res, 403);
        expect(res.body.detail).toContain(`De rol ${rol} mag dit niet`);
      }
    });

    it('a school creating a case for another BRIN → 403', async () => {
      const res = await create(basis(), 'school');
      expectDutchProblem(res, 403);
      expect(res.body.detail).toContain('12AB');
      const other = await create(
        aanmelding({ school: { brin: '34CD', naam: 'De Linde', email: 'directie@linde.example' } }),
        'school',
      );
      expectDutchProblem(other, 403);
    });

    it('started no workflow: nothing under BRIN 99ZZ, and the server holds exactly the cases answered with 201', async () => {
      // A valid control case: once visibility shows it, earlier (wrong) starts would show too.
      const controle = await nieuweZaak();
      await listUntil('?limiet=200', 'coordinator', (z) => ids(z).includes(controle));
      await waitFor(async () => ((await h.client.workflow.count()).count >= gemaakt.length ? true : undefined), 10_000);
      await new Promise((r) => setTimeout(r, 500));
      expect((await h.client.workflow.count()).count).toBe(gemaakt.length);
      const lijst = await list('?limiet=200');
      expect(ids(lijst.body.zaken).sort()).toEqual([...gemaakt].sort());
      const onder99 = await h.client.workflow.count(`${SchoolBrin.name} = '${BRIN}'`);
      expect(onder99.count).toBe(0);
      expect((await list(`?school=${BRIN}`)).body).toEqual({ zaken: [], meer: false, volgendePagina: null });
    });
  });

  describe('GET /api/v1/zaken/:id refused', () => {
    it.each(['abc', 'zp-niet-goed', `${ONBEKEND_ID}0`, 'ZP-00000000-0000-0000-0000-000000000000'])(
      'malformed id %s → 400 on the id',
      async (id) => {
        const res = await get(id);
        expectDutchProblem(res, 400);
        expect(res.body.invalidParams).toEqual([{ name: 'id', reason: 'onbekend zaak-id' }]);
      },
    );

    it('an unknown, well-formed id → 404', async () => {
      const res = await get(ONBEKEND_ID);
      expectDutchProblem(res, 404);
      expect(res.body.detail).toBe('Deze zaak bestaat niet.');
      expect(res.body.instance).toBe(`/api/v1/zaken/${ONBEKEND_ID}`);
    });

    it('without a token → 401', async () => {
      expectDutchProblem(await request(h.app).get(`/api/v1/zaken/${ONBEKEND_ID}`), 401);
    });
  });

  describe('POST /api/v1/zaken/:id/acties/:actie', () => {
    const aanmelddatum = vandaag(-10);
    let id: string;
    let voor: unknown;
    const reden = 'Wij wachten op het onderwijskundig rapport.';

    beforeAll(async () => {
      id = await nieuweZaak({ aanmelddatum });
    });

    /** The case as GET shows it must not have changed. */
    const ongewijzigd = async () => expect(await view(id)).toEqual(voor);

    it('refuses bad bodies with 400 (Dutch, naming the field) and changes nothing', async () => {
      voor = await view(id);
      const slecht: [string, unknown, string, RegExp][] = [
        ['verlengen', {}, 'weken', /weken: verwacht een getal/],
        ['verlengen', { weken: 'vier', reden }, 'weken', /weken: verwacht een getal/],
        ['verlengen', { weken: 2.5, reden }, 'weken', /weken: een geheel aantal/],
        ['verlengen', { weken: 0, reden }, 'weken', /Te kort/],
        ['verlengen', { weken: 53, reden }, 'weken', /Te lang/],
        ['verlengen', { weken: 2 }, 'reden', /reden ontbreekt/],
        ['verlengen', { weken: 2, reden: 'ok' }, 'reden', /geef een reden \(minstens 3 tekens\)/],
        ['verlengen', { weken: 2, reden: 'x'.repeat(2001) }, 'reden', /reden is te lang \(maximaal 2000 tekens\)/],
        ['verlengen', [{ weken: 2, reden }], 'de body', /^moet een object met velden zijn$/],
        ['besluiten', {}, 'uitkomst', /uitkomst is een van: toegelaten, elders-toegelaten/],
        ['besluiten', { uitkomst: 'goedgekeurd', reden }, 'uitkomst', /uitkomst is een van/],
        ['besluiten', { uitkomst: 'toegelaten' }, 'reden', /reden ontbreekt/],
        ['besluiten', { uitkomst: 'elders-toegelaten', reden }, 'toelatendeSchool', /^ontbreekt$/],
        [
          'besluiten',
          { uitkomst: 'geen-zorgplicht', reden, grond: 'te druk' },
          'grond',
          /grond is 'vol', 'grondslag' of 'cluster-1-2'/,
        ],
        ['besluiten', { uitkomst: 'tlv-aangevraagd', reden, soort: 'vo' }, 'soort', /Ongeldige optie/],
        ['impasse-melden', {}, 'reden', /reden ontbreekt/],
        ['impasse-melden', { reden: 'x'.repeat(5000) }, 'reden', /reden is te lang/],
        ['elders-ingeschreven', { reden }, 'school', /^ontbreekt$/],
        ['elders-ingeschreven', { school: { brin: 'nope', naam: 'OBS De Linde' } }, 'school.brin', /BRIN-code/],
      ];
      for (const [actie, body, name, reason] of slecht) {
        const res = await act(id, actie, body);
        try {
          expectDutchProblem(res, 400);
          expect(res.body.invalidParams).toEqual(
            expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]),
          );
        } catch (err) {
          throw new Error(`${actie} ${JSON.stringify(body).slice(0, 80)}: ${(err as Error).message}`);
        }
      }
      await ongewijzigd();
    });

    it('malformed JSON, a JSON string or no body → 400 and no change', async () => {
      for (const raw of ['{"weken": 2, "reden": ', '"verlengen"']) {
        const res = await request(h.app)
          .post(`/api/v1/zaken/${id}/acties/verlengen`)
          .set(auth('coordinator'))
          .set('Content-Type', 'application/json')
          .send(raw);
        expectDutchProblem(res, 400);
        expect(res.body.title).toBe('Ongeldige JSON');
      }
      const none = await request(h.app).post(`/api/v1/zaken/${id}/acties/impasse-melden`).set(auth('coordinator'));
      expectDutchProblem(none, 400);
      expect(none.body.invalidParams).toEqual([{ name: 'reden', reason: 'reden ontbreekt' }]);
      await ongewijzigd();
    });

    it.each(['goedkeuren', 'status', 'constructor', '__proto__', 'VERLENGEN'])(
      'an unknown action %s → 404 and no change',
      async (actie) => {
        const res = await act(id, actie, { weken: 2, reden });
        expectDutchProblem(res, 404);
        expect(res.body.detail).toMatch(/Onbekende actie|Er is geen route/);
        if (res.body.detail.startsWith('Onbekende actie'))
          expect(res.body.detail).toContain(
            'kies uit verlengen, besluiten, impasse-melden, oudergesprek, informatie-vragen, informatie-ontvangen, elders-ingeschreven',
          );
        await ongewijzigd();
      },
    );

    it('an unknown case → 404; a malformed id → 400', async () => {
      const onbekend = await act(ONBEKEND_ID, 'verlengen', { weken: 2, reden });
      expectDutchProblem(onbekend, 404);
      expect(onbekend.body.detail).toBe('Deze zaak bestaat niet.');
      // Also when the role or the body would be refused: an unknown case is unknown first.
      expectDutchProblem(await act(ONBEKEND_ID, 'verlengen', { weken: 2, reden }, 'deskundige'), 404);
      expectDutchProblem(await act(ONBEKEND_ID, 'verlengen', { weken: 'twee' }), 404);
      const kapot = await act('zp-123', 'verlengen', { weken: 2, reden });
      expectDutchProblem(kapot, 400);
      expect(kapot.body.invalidParams).toEqual([{ name: 'id', reason: 'onbekend zaak-id' }]);
      await ongewijzigd();
    });

    it('directeur, deskundige and bestuur → 404 (a case in research is not theirs to know) and no change; no token → 401', async () => {
      for (const rol of ['directeur', 'deskundige', 'bestuur'] as Role[]) {
        const res = await act(id, 'verlengen', { weken: 2, reden }, rol);
        expectDutchProblem(res, 404);
        expect(res.body.detail).toBe('Deze zaak bestaat niet.');
      }
      expectDutchProblem(
        await request(h.app).post(`/api/v1/zaken/${id}/acties/verlengen`).send({ weken: 2, reden }),
        401,
      );
      await ongewijzigd();
    });

    it('verlengen by more than 4 weeks → 409 with the rule, and no change', async () => {
      const res = await act(id, 'verlengen', { weken: 5, reden });
      expectDutchProblem(res, 409);
      expect(res.body.title).toBe('Stap nu niet toegestaan');
      expect(res.body.detail).toBe(
        'Verlengen kan met ten hoogste 4 weken (Wet op het primair onderwijs, artikel 40 lid 4).',
      );
      await ongewijzigd();
    });

    it('verlengen by the coordinator without a mandate → 409 naming the bevoegd gezag, and no change', async () => {
      const res = await act(id, 'verlengen', { weken: 3, reden });
      expectDutchProblem(res, 409);
      expect(res.body.detail).toBe(
        'Het bevoegd gezag van de school beslist: leg vast op wiens mandaat de coördinator dit doet (mandaat).',
      );
      await ongewijzigd();
    });

    it('an action retried with its Idempotency-Key is taken once and answers the first result again', async () => {
      const zaak = await nieuweZaak();
      const gesprek = { datum: vandaag(), wie: 'IB De Regenboog', verslag: 'Mogelijkheden besproken met de ouders.' };
      const stap = (key: string) =>
        request(h.app)
          .post(`/api/v1/zaken/${zaak}/acties/oudergesprek`)
          .set(auth('school'))
          .set('Idempotency-Key', key)
          .send(gesprek);
      const eerste = await stap('gesprek-0001');
      const opnieuw = await stap('gesprek-0001');
      expect([eerste.status, opnieuw.status]).toEqual([200, 200]);
      expect(opnieuw.body.oudergesprekken).toHaveLength(1);
      expect(opnieuw.body).toEqual(eerste.body);
      // Another key is another step.
      expect((await stap('gesprek-0002')).body.oudergesprekken).toHaveLength(2);
      const kapot = await stap('kort');
      expectDutchProblem(kapot, 400);
      expect((await view(zaak)).oudergesprekken).toHaveLength(2);
    });

    it('verlengen → 200 with the new status view, the new beslisdatum and a tijdlijn entry', async () => {
      const mandaat = 'de directeur van De Regenboog';
      const res = await act(id, 'verlengen', { weken: 3, reden: `  ${reden}  `, mandaat });
      expect(res.status).toBe(200);
      const nieuw = verlengdeBeslisdatum(aanmelddatum, 3, wet);
      expect(res.body).toEqual(expect.objectContaining({ id, status: 'verlengd', open: true }));
      expect(res.body.deadlines[0]).toEqual({
        soort: 'beslistermijn',
        datum: nieuw.datum,
        regel: nieuw.regel,
        tijdstip: eindeDag(nieuw.datum),
      });
      expect(res.body.verlenging).toEqual({ weken: 3, reden, door: DEV_COORDINATOR, op: expect.any(String), mandaat });
      expect(res.body.tijdlijn.at(-1)).toEqual(
        expect.objectContaining({
          soort: 'verlengd',
          door: DEV_COORDINATOR,
          reden,
          omschrijving: expect.stringMatching(/\(namens de directeur van De Regenboog\)$/),
        }),
      );
      expect(await view(id)).toEqual(res.body);
      voor = res.body;
    });

    it('a second verlengen → 409 "al verlengd", and no change', async () => {
      const res = await act(id, 'verlengen', { weken: 1, reden }, 'school');
      expectDutchProblem(res, 409);
      expect(res.body.detail).toMatch(
        /^De beslistermijn is al verlengd \(op \d{4}-\d{2}-\d{2}\); de wet staat één verlenging toe\.$/,
      );
      await ongewijzigd();
    });

    it('the school acts on its own case: impasse-melden, then a second one is 409', async () => {
      const res = await act(id, 'impasse-melden', { reden: 'Geen passende plek binnen de school.' }, 'school');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('impasse');
      expect(res.body.impasse).toEqual({
        reden: 'Geen passende plek binnen de school.',
        door: DEV_SCHOOL,
        op: expect.any(String),
      });
      // The impasse process starts as a child right after: take the state once it has.
      const gestart = await waitFor(async () => {
        const v = await request(h.app)
          .get(`/api/v1/zaken/${id}`)
          .set('Authorization', `Bearer ${h.tokenOf('coordinator')}`);
        return v.body.impasse?.zaakId ? (v.body as { impasse: { zaakId: string } }) : undefined;
      }, 10_000);
      expect(gestart.impasse.zaakId).toBe(`${id}-impasse`);
      voor = gestart;
      const again = await act(id, 'impasse-melden', { reden: 'Nog steeds geen plek.' }, 'school');
      expectDutchProblem(again, 409);
      expect(again.body.detail).toMatch(/al een impasse gemeld/);
      await ongewijzigd();
    });

    it('elders-ingeschreven: a school may not switch off the temporary placement (403); the coordinator → 200', async () => {
      const school = await act(id, 'elders-ingeschreven', { school: { brin: '56ef', naam: 'OBS De Linde' } }, 'school');
      expectDutchProblem(school, 403);
      expect(school.body.detail).toMatch(/wel: coordinator/);
      const res = await act(id, 'elders-ingeschreven', { school: { brin: '56ef', naam: 'OBS De Linde' } });
      expect(res.status).toBe(200);
      expect(res.body.ingeschrevenElders).toEqual({ brin: '56EF', naam: 'OBS De Linde' });
      expect(res.body.tijdlijn.at(-1).soort).toBe('elders-ingeschreven');
    });

    it('besluiten toegelaten → 200 and closes the case; every action after it → 409 "gesloten", no change', async () => {
      const res = await act(id, 'besluiten', { uitkomst: 'toegelaten', reden: 'Passende plek gevonden.' }, 'school');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ status: 'toegelaten', open: false }));
      expect(res.body.besluit).toEqual({
        uitkomst: 'toegelaten',
        reden: 'Passende plek gevonden.',
        door: DEV_SCHOOL,
        op: expect.any(String),
        details: {},
      });
      // Straight after (the workflow may still be finishing) and once it has completed.
      const acties: [string, Body][] = [
        ['verlengen', { weken: 1, reden }],
        ['besluiten', { uitkomst: 'ingetrokken', reden }],
        ['impasse-melden', { reden }],
        ['elders-ingeschreven', { school: { naam: 'OBS De Linde' } }],
      ];
      for (const [actie, body] of acties) {
        const r = await act(id, actie, body);
        expectDutchProblem(r, 409);
        expect(r.body.detail).toMatch(/gesloten/);
      }
      await h.client.workflow.getHandle(id).result();
      voor = await view(id);
      for (const [actie, body] of acties) {
        const r = await act(id, actie, body, 'school');
        expectDutchProblem(r, 409);
        expect(r.body.detail).toMatch(
          /^De zaak is gesloten: toegelaten op \d{4}-\d{2}-\d{2}\. Er kan geen stap meer worden gezet\.$/,
        );
      }
      await ongewijzigd();
      expect((voor as { status: string }).status).toBe('toegelaten');
    });

    it('verlengen on a case whose deadlines passed (registered 12 weeks late) → 409', async () => {
      const laat = await nieuweZaak({ aanmelddatum: vandaag(-84) });
      const geplaatst = await waitFor(async () => {
        const v = await view(laat);
        return v.status === 'tijdelijk-geplaatst' ? v : undefined;
      }, 20_000);
      const res = await act(laat, 'verlengen', { weken: 2, reden });
      expectDutchProblem(res, 409);
      expect(res.body.detail).toMatch(/tijdelijk geplaatst|vóór de beslisdatum/);
      expect(await view(laat)).toEqual(geplaatst);
    });
  });

  describe('school scope (dev school token: BRIN 12AB)', () => {
    let eigen: string;
    let ander: string;

    beforeAll(async () => {
      eigen = await nieuweZaak({}, 'school');
      ander = await nieuweZaak({ school: { brin: '34CD', naam: 'De Linde', email: 'directie@linde.example' } });
    });

    it("another school's case is 404 on GET and on every action, and does not change", async () => {
      const voor = await view(ander);
      expectDutchProblem(await get(ander, 'school'), 404);
      for (const [actie, body] of [
        ['verlengen', { weken: 2, reden: 'Meer tijd nodig.' }],
        ['besluiten', { uitkomst: 'ingetrokken', reden: 'Ingetrokken.' }],
        ['impasse-melden', { reden: 'Geen plek.' }],
        ['elders-ingeschreven', { school: { naam: 'OBS De Linde' } }],
      ] as const) {
        const res = await act(ander, actie, body, 'school');
        expectDutchProblem(res, 404);
        expect(res.body.detail).toBe('Deze zaak bestaat niet.');
      }
      expect(await view(ander)).toEqual(voor);
      expect((await get(eigen, 'school')).status).toBe(200);
    });

    it('a list filter on another BRIN is 403', async () => {
      for (const school of ['34CD', '34cd']) {
        const res = await list(`?school=${school}`, 'school');
        expectDutchProblem(res, 403);
        expect(res.body.detail).toContain('12AB');
      }
      expect((await list('?school=12AB', 'school')).status).toBe(200);
    });

    it('an unfiltered list by a school returns only its own cases', async () => {
      await listUntil('?limiet=200', 'coordinator', (z) => ids(z).includes(ander) && ids(z).includes(eigen));
      const res = await listUntil('?limiet=200', 'school', (z) => ids(z).includes(eigen));
      expect(res.zaken.length).toBeGreaterThan(1);
      expect(ids(res.zaken)).not.toContain(ander);
      for (const z of res.zaken) expect(z.school).toBe('12AB');
      const alle = await list('?limiet=200');
      expect(alle.body.zaken.some((z: Rij) => z.school === '34CD')).toBe(true);
    });
  });

  describe('GET /api/v1/zaken', () => {
    let dichtbij: string;
    let ver: string;
    let dichtbijDeadline: string;
    let verDeadline: string;

    beforeAll(async () => {
      dichtbij = await nieuweZaak({ aanmelddatum: vandaag(-10) });
      ver = await nieuweZaak({ aanmelddatum: vandaag() });
      dichtbijDeadline = zorgplichtBeslisdatum(vandaag(-10), wet).datum;
      verDeadline = zorgplichtBeslisdatum(vandaag(), wet).datum;
      await listUntil('?limiet=200', 'coordinator', (z) => ids(z).includes(dichtbij) && ids(z).includes(ver));
    });

    it.each([
      ['status=foo', 'status', /Ongeldige optie/],
      ['status=in-onderzoek&status=verlengd', 'status', /Ongeldige optie/],
      ['type=geen-proces', 'type', /Ongeldige (optie|invoer)/],
      ['school=xx', 'school', /BRIN-code zoals 12AB/],
      ['school=12ABC', 'school', /BRIN-code/],
      ['deadlineVoor=2026-13-01', 'deadlineVoor', /bestaat niet in de kalender/],
      ['deadlineVoor=2026-02-30', 'deadlineVoor', /bestaat niet in de kalender/],
      ['deadlineVoor=morgen', 'deadlineVoor', /formaat JJJJ-MM-DD/],
      ['limiet=0', 'limiet', /Te kort/],
      ['limiet=201', 'limiet', /Te lang/],
      ['limiet=1.5', 'limiet', /^moet een geheel getal zijn$/],
      ['limiet=tien', 'limiet', /^moet een getal zijn$/],
    ])('?%s → 400 naming %s', async (qs, name, reason) => {
      const res = await list(`?${qs}`);
      expectDutchProblem(res, 400);
      expect(res.body.detail).toContain('de query');
      expect(res.body.invalidParams).toEqual(expect.arrayContaining([{ name, reason: expect.stringMatching(reason) }]));
      expect(res.body.instance).toBe('/api/v1/zaken');
    });

    it('without a token → 401; every read role may list', async () => {
      expectDutchProblem(await request(h.app).get('/api/v1/zaken'), 401);
      for (const rol of ['coordinator', 'school', 'directeur', 'deskundige', 'bestuur'] as Role[])
        expect((await list('', rol)).status).toBe(200);
    });

    it('rows carry codes, statuses and dates only: no personal data', async () => {
      const res = await list('?limiet=200');
      expect(res.status).toBe(200);
      const row = res.body.zaken.find((z: Rij) => z.id === dichtbij);
      expect(Object.keys(row).sort()).toEqual(LIJST_VELDEN);
      expect(row).toEqual({
        id: dichtbij,
        type: 'zorgplicht',
        status: 'in-onderzoek',
        school: '12AB',
        beleid: 'wet',
        volgendeDeadline: eindeDag(dichtbijDeadline),
        gestart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        gesloten: null,
        open: true,
      });
      const json = JSON.stringify(res.body);
      for (const s of [...GEHEIM, 'De Regenboog', 'regenboog.example', '@']) expect(json).not.toContain(s);
    });

    it('filters on open or closed; a closed row says when it closed', async () => {
      const open = await list('?open=true&limiet=200');
      expect(open.status).toBe(200);
      expect(open.body.zaken.length).toBeGreaterThan(0);
      expect(open.body.zaken.every((z: Rij & { gesloten: string | null }) => z.open && z.gesloten === null)).toBe(true);
      const dicht = await list('?open=false&limiet=200');
      expect(dicht.status).toBe(200);
      for (const z of dicht.body.zaken as (Rij & { gesloten: string | null })[]) {
        expect(z.open).toBe(false);
        expect(z.gesloten! >= z.gestart).toBe(true);
      }
      expectDutchProblem(await list('?open=ja'), 400);
    });

    it('filters on type', async () => {
      const res = await listUntil('?type=zorgplicht&limiet=200', 'coordinator', (z) => ids(z).includes(dichtbij));
      for (const z of res.zaken) expect(z.type).toBe('zorgplicht');
    });

    it('filters on status: a case decided toegelaten is found under that status, not under in-onderzoek', async () => {
      const besluit = await act(ver, 'besluiten', { uitkomst: 'toegelaten', reden: 'Direct toegelaten.' }, 'school');
      expect(besluit.status).toBe(200);
      const res = await listUntil('?status=toegelaten&limiet=200', 'coordinator', (z) => ids(z).includes(ver));
      for (const z of res.zaken) expect(z.status).toBe('toegelaten');
      expect(res.zaken.find((z) => z.id === ver)).toEqual(expect.objectContaining({ volgendeDeadline: null }));
      const open = await listUntil('?status=in-onderzoek&limiet=200', 'coordinator', (z) => !ids(z).includes(ver));
      expect(ids(open.zaken)).toContain(dichtbij);
      for (const z of open.zaken) expect(z.status).toBe('in-onderzoek');
    });

    it('filters on school (BRIN), case-insensitively', async () => {
      const res = await listUntil('?school=34cd&limiet=200', 'coordinator', (z) => z.length > 0);
      for (const z of res.zaken) expect(z.school).toBe('34CD');
      const eigen = await list('?school=12AB&limiet=200');
      expect(ids(eigen.body.zaken)).toContain(dichtbij);
      expect(eigen.body.zaken.every((z: Rij) => z.school === '12AB')).toBe(true);
    });

    it('filters on deadlineVoor: a case is found with a date after its next deadline, not with that date itself', async () => {
      expect(addDays(dichtbijDeadline, 1) <= verDeadline).toBe(true);
      const na = await list(`?deadlineVoor=${addDays(dichtbijDeadline, 1)}&limiet=200`);
      expect(na.status).toBe(200);
      expect(ids(na.body.zaken)).toContain(dichtbij);
      for (const z of na.body.zaken as Rij[]) {
        expect(z.volgendeDeadline).not.toBeNull();
        expect(z.volgendeDeadline! <= new Date(toInstant(addDays(dichtbijDeadline, 1), '00:00')).toISOString()).toBe(
          true,
        );
      }
      const op = await list(`?deadlineVoor=${dichtbijDeadline}&limiet=200`);
      expect(ids(op.body.zaken)).not.toContain(dichtbij);
      // A case far ahead is not found with the near date; closed cases have no next deadline.
      const verZaak = await nieuweZaak({ aanmelddatum: vandaag() });
      await listUntil(`?deadlineVoor=${addDays(verDeadline, 1)}&limiet=200`, 'coordinator', (z) =>
        ids(z).includes(verZaak),
      );
      expect(ids((await list(`?deadlineVoor=${addDays(dichtbijDeadline, 1)}&limiet=200`)).body.zaken)).not.toContain(
        verZaak,
      );
    });

    it('limiet caps the rows and meer says there are more', async () => {
      const alle = await list('?limiet=200');
      expect(alle.body.meer).toBe(false);
      expect(alle.body.zaken.length).toBeGreaterThan(3);
      const twee = await list('?limiet=2');
      expect(twee.status).toBe(200);
      expect(twee.body.zaken).toHaveLength(2);
      expect(twee.body.meer).toBe(true);
      const precies = await list(`?limiet=${alle.body.zaken.length}`);
      expect(precies.body.zaken).toHaveLength(alle.body.zaken.length);
      expect(precies.body.meer).toBe(false);
      // Default limit 50.
      expect((await list('')).body.zaken.length).toBe(Math.min(50, alle.body.zaken.length));
    });

    it('pages through the list with volgendePagina: every row once, in order; a foreign page is 400', async () => {
      const alle = (await list('?limiet=200')).body as { zaken: Rij[]; volgendePagina: string | null };
      expect(alle.volgendePagina).toBeNull();
      const gezien: string[] = [];
      let pagina: string | null = null;
      let paginas = 0;
      do {
        const res = await list(`?limiet=2${pagina ? `&pagina=${pagina}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.zaken.length).toBeLessThanOrEqual(2);
        gezien.push(...ids(res.body.zaken));
        pagina = res.body.volgendePagina;
        expect(res.body.meer).toBe(pagina !== null);
        paginas++;
      } while (pagina && paginas < 100);
      expect(gezien).toEqual(ids(alle.zaken));
      expectDutchProblem(await list('?pagina=bm9vaXQtZWVuLXBhZ2luYQ'), 400);
      // A page of one list is no page of another (other filters).
      const eerste = await list('?limiet=1');
      if (eerste.body.volgendePagina)
        expectDutchProblem(await list(`?limiet=1&type=impasse&pagina=${eerste.body.volgendePagina}`), 400);
      expectDutchProblem(await list('?pagina=niet%20geldig'), 400);
    });
  });

  describe('no personal data outside the case itself', () => {
    it('the API log has one JSON line per request and none of the personal data', async () => {
      await new Promise((r) => setTimeout(r, 50));
      expect(h.apiLog.length).toBeGreaterThan(50);
      const all = h.apiLog.join('');
      for (const s of [...GEHEIM, 'regenboog.example', 'Fenna']) expect(all).not.toContain(s);
      for (const t of h.tokenFile.tokens) expect(all).not.toContain(t.token);
      for (const line of h.apiLog)
        expect(JSON.parse(line)).toEqual(expect.objectContaining({ msg: expect.any(String) }));
    });

    it("the worker's Runtime log has none of the personal data", () => {
      // DEBUG level, core logs forwarded: it does see the cases' workflow tasks and activities.
      const all = h.workerLog.join('\n');
      expect(all).toContain('zp-');
      expect(all).toContain('stuurBerichten');
      for (const s of [...GEHEIM, 'regenboog.example', 'Fenna', 'De Regenboog']) expect(all).not.toContain(s);
    });

    it('the workflow history on the server holds the case encrypted (no pupil name in the raw payloads)', async () => {
      const id = await nieuweZaak();
      const raw = await h.client.workflowService.getWorkflowExecutionHistory({
        namespace: h.config.namespace,
        execution: { workflowId: id },
      });
      const bytes: string[] = [];
      const walk = (v: unknown): void => {
        if (v instanceof Uint8Array) bytes.push(Buffer.from(v).toString('latin1'));
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(raw.history);
      const dump = bytes.join('\n');
      expect(dump).toContain('binary/encrypted');
      for (const s of GEHEIM) expect(dump).not.toContain(s);
    });
  });

  describe('create: who sets what, which dates, and retries with an Idempotency-Key', () => {
    const post = (body: object, rol: Role = 'coordinator', headers: Record<string, string> = {}) =>
      request(h.app)
        .post('/api/v1/zaken/zorgplicht')
        .set({ ...auth(rol), ...headers })
        .send(body);

    it('a school cannot set the coordinator mailbox (403), the coordinator can', async () => {
      expectDutchProblem(await post(aanmelding({ coordinatorEmail: 'school@regenboog.example' }), 'school'), 403);
      expect((await post(aanmelding({ coordinatorEmail: 'oa@swv.example' }))).status).toBe(201);
    });

    it('an aanmelddatum in the future or more than a year back is a 400 naming the field', async () => {
      for (const aanmelddatum of [vandaag(1), vandaag(-400)]) {
        const res = await post(aanmelding({ aanmelddatum }));
        expectDutchProblem(res, 400);
        expect(res.body.invalidParams).toEqual([
          { name: 'aanmelddatum', reason: expect.stringMatching(/verwacht een datum tussen/) },
        ]);
      }
    });

    it('the same Idempotency-Key twice gives the same case, started once; a bad key is a 400', async () => {
      const key = `aanmelding-${Date.now()}`;
      const eerste = await post(aanmelding(), 'coordinator', { 'Idempotency-Key': key });
      const tweede = await post(aanmelding(), 'coordinator', { 'Idempotency-Key': key });
      expect(eerste.status).toBe(201);
      expect(tweede.status).toBe(201);
      expect(tweede.body.id).toBe(eerste.body.id);
      expect(eerste.body.id).toMatch(/^zp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const runs = await h.client.workflow.count(`WorkflowId = '${eerste.body.id}'`);
      expect(runs.count).toBe(1);
      // Another actor with the same key gets its own case.
      const ander = await post(aanmelding(), 'school', { 'Idempotency-Key': key });
      expect(ander.body.id).not.toBe(eerste.body.id);
      expectDutchProblem(await post(aanmelding(), 'coordinator', { 'Idempotency-Key': 'kort' }), 400);
    });
  });

  describe("create with the school's own rooster", () => {
    it('counts the reminders with it; a rooster entry that ends before it starts is a 400', async () => {
      const rooster = [{ naam: 'studieweken', van: vandaag(15), tot: vandaag(36) }];
      const fout = await request(h.app)
        .post('/api/v1/zaken/zorgplicht')
        .set(auth('coordinator'))
        .send(
          aanmelding({
            aanmelddatum: vandaag(),
            school: { ...aanmelding().school, rooster: [{ naam: 'studieweek', van: vandaag(40), tot: vandaag(20) }] },
          }),
        );
      expectDutchProblem(fout, 400);
      expect(fout.body.invalidParams[0].name).toBe('school.rooster.0.tot');

      const res = await request(h.app)
        .post('/api/v1/zaken/zorgplicht')
        .set(auth('coordinator'))
        .send(aanmelding({ aanmelddatum: vandaag(), school: { ...aanmelding().school, rooster } }));
      expect(res.status).toBe(201);
      const zaak = await request(h.app).get(`/api/v1/zaken/${res.body.id}`).set(auth('coordinator'));
      // The 14- and 7-day reminders fall in the school's own weeks off: they move before them.
      const wet = getPolicy('wet');
      const beslis = zorgplichtBeslisdatum(vandaag(), wet);
      const eigen = herinneringen(beslis, wet, 'midden', rooster)[0];
      expect(zaak.body.volgendeHerinnering.datum).toBe(eigen.datum);
      expect(eigen.datum < vandaag(15)).toBe(true);
      expect(herinneringen(beslis, wet, 'midden')[0].datum).not.toBe(eigen.datum);
    });
  });
});
