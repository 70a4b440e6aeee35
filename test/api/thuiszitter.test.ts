/**
 * The thuiszitter through the API on a real stack (issue 16 item 5): `POST /api/v1/zaken/thuiszitter`
 * → 201 `{ id: "tz-<uuid>", type: "thuiszitter", … }` for a coordinator or the pupil's own school;
 * bad input 400, another school's pupil 403; the plan van aanpak, the SWV-only vrijstelling and the
 * closing through the actions; the directeur reads a case past its target date without the child.
 */
import request from 'supertest';
import { addMonths } from '../../src/domain';
import { apiClient } from '../helpers/apiClient';
import { waitFor } from '../helpers/api';
import { aanmelding, expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const TZ_ID = /^tz-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;
const api = apiClient(() => h);

const melding = (overrides: Record<string, unknown> = {}) => ({
  leerling: { naam: 'Quirijn Vandersnoek' },
  school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'midden' },
  ouders: [{ naam: 'Fenna Vandersnoek', email: 'fenna@ouders.example' }],
  beleid: 'spow',
  sinds: vandaag(-7),
  reden: 'De leerling komt sinds vorige week niet meer op school.',
  redenGroep: 'geen-passend-aanbod',
  ...overrides,
});

beforeAll(async () => {
  h = await startZakenHarness('thuiszitter');
}, 120_000);
afterAll(async () => {
  await h?.teardown();
});

describe('POST /api/v1/zaken/thuiszitter', () => {
  it("201 for the pupil's own school: tz-<uuid>, dreigend, counted as a thuiszitter 4 weeks after the first day, a target 3 months after it", async () => {
    const res = await api.create('thuiszitter', melding(), 'school');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'thuiszitter',
      status: 'dreigend',
      verzuim: 'relatief',
      sinds: vandaag(-7),
    });
    expect(res.body.id).toMatch(TZ_ID);
    expect(res.headers.location).toBe(`/api/v1/zaken/${res.body.id}`);
    expect(res.body.deadlines[0]).toMatchObject({ soort: 'thuiszitter-vanaf', datum: vandaag(21) });
    expect(res.body.streefdatum.datum).toBe(addMonths(vandaag(-7), 3));
  });

  it('403 for a school reporting a pupil of another school, or a pupil enrolled nowhere; 400 for bad input, naming the field in Dutch', async () => {
    expectDutchProblem(
      await api.create('thuiszitter', melding({ school: { brin: '99ZZ', naam: 'Elders', regio: 'midden' } }), 'school'),
      403,
    );
    expectDutchProblem(await api.create('thuiszitter', melding({ school: undefined }), 'school'), 403);
    for (const [body, veld] of [
      [melding({ sinds: vandaag(1) }), 'sinds'],
      [melding({ redenGroep: 'verveling' }), 'redenGroep'],
      [melding({ reden: '' }), 'reden'],
    ] as const) {
      const res = await api.create('thuiszitter', body);
      expectDutchProblem(res, 400);
      expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(veld);
    }
  });

  it('the same Idempotency-Key twice is the same case', async () => {
    const eerst = await request(h.app)
      .post('/api/v1/zaken/thuiszitter')
      .set(api.auth('coordinator'))
      .set('Idempotency-Key', 'thuiszitter-melding-1')
      .send(melding());
    const nogmaals = await request(h.app)
      .post('/api/v1/zaken/thuiszitter')
      .set(api.auth('coordinator'))
      .set('Idempotency-Key', 'thuiszitter-melding-1')
      .send(melding());
    expect(eerst.status).toBe(201);
    expect(nogmaals.body.id).toBe(eerst.body.id);
  });
});

describe('the actions and who reads the case', () => {
  it('the school agrees a step of the plan van aanpak, only the SWV records a vrijstelling, the school closes it with the return', async () => {
    const id = (await api.create('thuiszitter', melding(), 'school')).body.id as string;
    const afspraak = await api.act(
      id,
      'afspraak',
      { wie: 'school', wat: 'Een aangepast rooster', uiterlijk: vandaag(7) },
      'school',
    );
    expect(afspraak.status).toBe(200);
    expect(afspraak.body.afspraken).toEqual([
      expect.objectContaining({ nummer: 1, wie: 'school', uiterlijk: vandaag(7) }),
    ]);
    const vrijstelling = { van: vandaag(), tot: vandaag(30), swvBetrokken: true, reden: 'Zorg gaat voor.' };
    expectDutchProblem(await api.act(id, 'vrijstelling', vrijstelling, 'school'), 403);
    const zonderSwv = await api.act(id, 'vrijstelling', { ...vrijstelling, swvBetrokken: false });
    expectDutchProblem(zonderSwv, 400);
    const klaar = await api.act(
      id,
      'afsluiten',
      { uitkomst: 'terug-volledig', datum: vandaag(), reden: 'De leerling is terug in de klas.' },
      'school',
    );
    expect(klaar.status).toBe(200);
    expect(klaar.body).toMatchObject({ status: 'teruggekeerd', open: false, uitkomst: { dagenThuis: 7 } });
    const daarna = await api.act(id, 'afspraak', { wie: 'swv', wat: 'Nog iets', uiterlijk: vandaag(7) });
    expectDutchProblem(daarna, 409);
  });

  it('past its target date the directeur reads the case, without the child; before it not at all', async () => {
    const vers = (await api.create('thuiszitter', melding(), 'school')).body.id as string;
    expectDutchProblem(await api.get(vers, 'directeur'), 404);
    // Enrolled nowhere, at home for four months: a thuiszitter at once, its target passed.
    const oud = await api.create('thuiszitter', melding({ school: undefined, sinds: vandaag(-120) }));
    expect(oud.status).toBe(201);
    expect(oud.body).toMatchObject({ verzuim: 'absoluut', thuiszitterSinds: vandaag(-120) });
    const gezien = await waitFor(
      async () => {
        const r = await api.get(oud.body.id, 'directeur');
        return r.status === 200 ? r : undefined;
      },
      15_000,
      200,
    );
    expect(gezien.body).toMatchObject({ status: 'streefdatum-verstreken', verzuim: 'absoluut' });
    expect(JSON.stringify(gezien.body)).not.toMatch(/Quirijn|Vandersnoek|ouders\.example/);
  });

  it('the OpenAPI document lists the start and the actions', async () => {
    const doc = (await request(h.app).get('/openapi.json')).body;
    expect(doc.paths['/api/v1/zaken/thuiszitter']?.post).toBeDefined();
    for (const actie of ['afwezigheid', 'afspraak', 'afspraak-gedaan', 'vrijstelling', 'afsluiten'])
      expect(doc.paths[`/api/v1/zaken/{id}/acties/${actie}`]?.post.summary).toContain('thuiszitter:');
  });
});

describe('opened automatically through the API (issue 16 item 2)', () => {
  it('a zorgplicht case withdrawn with no other enrolment opens zp-…-thuiszitter, which the SWV reads and the refusing school does not', async () => {
    const zp = await api.create('zorgplicht', aanmelding({ beleid: 'spow' }));
    expect(zp.status).toBe(201);
    const dicht = await api.act(zp.body.id, 'besluiten', {
      uitkomst: 'ingetrokken',
      reden: 'De ouders trekken de aanmelding in.',
    });
    expect(dicht.status).toBe(200);
    const kindId = `${zp.body.id}-thuiszitter`;
    expect(dicht.body.thuiszitter).toEqual({ zaakId: kindId });
    const kind = await waitFor(
      async () => {
        const r = await api.get(kindId);
        return r.status === 200 ? r : undefined;
      },
      15_000,
      200,
    );
    expect(kind.body).toMatchObject({
      type: 'thuiszitter',
      status: 'thuiszitter',
      verzuim: 'absoluut',
      sinds: vandaag(),
      aanleiding: { zaakId: zp.body.id },
    });
    // Not its pupil (it is enrolled nowhere): the school that refused does not read the case.
    expectDutchProblem(await api.get(kindId, 'school'), 404);
    // A thuiszitter's step on the zorgplicht case says where it is taken, only where that case exists.
    const afspraak = { wie: 'swv', wat: 'Huisbezoek', uiterlijk: vandaag(7) };
    const hier = await api.act(zp.body.id, 'afspraak', afspraak);
    expectDutchProblem(hier, 404);
    expect(hier.body.detail).toMatch(
      new RegExp(`'afspraak' is een stap van de thuiszitter: zet die in de thuiszitter-zaak ${kindId}\\.$`),
    );

    // The parents say where the child stays enrolled: no case.
    const elders = await api.create('zorgplicht', aanmelding({ beleid: 'spow' }));
    const blijft = await api.act(elders.body.id, 'besluiten', {
      uitkomst: 'ingetrokken',
      reden: 'De ouders kiezen voor de huidige school.',
      ingeschrevenOp: { brin: '44DD', naam: 'De Eik' },
    });
    expect(blijft.status).toBe(200);
    expect(blijft.body.thuiszitter).toBeUndefined();
    expectDutchProblem(await api.get(`${elders.body.id}-thuiszitter`), 404);
    const nergens = await api.act(elders.body.id, 'afspraak', afspraak);
    expectDutchProblem(nergens, 404);
    expect(nergens.body.detail).toMatch(
      /'afspraak' is een stap van de thuiszitter; deze zaak heeft \(nog\) geen thuiszitter-zaak die u kunt inzien\.$/,
    );
  });

  it('a child of four (from its birth date) is not a thuiszitter when the aanmelding is withdrawn', async () => {
    const vier = `${Number(vandaag().slice(0, 4)) - 4}${vandaag().slice(4)}`;
    const zp = await api.create(
      'zorgplicht',
      aanmelding({ beleid: 'spow', leerling: { naam: 'Quirijn Vandersnoek', geboortedatum: vier } }),
    );
    expect(zp.status).toBe(201);
    const dicht = await api.act(zp.body.id, 'besluiten', { uitkomst: 'ingetrokken', reden: 'Nog een jaar thuis.' });
    expect(dicht.body.thuiszitter).toBeUndefined();
    expect(dicht.body.tijdlijn.at(-1).soort).toBe('nog-niet-leerplichtig');
  });

  it('a report weeks after the first day is answered as a thuiszitter at once', async () => {
    const res = await api.create('thuiszitter', melding({ sinds: vandaag(-40) }), 'school');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'thuiszitter', thuiszitterSinds: vandaag(-12) });
  });
});

describe('GET /api/v1/rapportages/thuiszitters (issue 16 item 6)', () => {
  const pad = (extra = '') =>
    `/api/v1/rapportages/thuiszitters?beleid=spow&van=${vandaag(-30)}&tot=${vandaag()}${extra}`;

  it('counts the period by duration band, status, reason group and outcome, the cases by id only; as CSV too, without names', async () => {
    const id = (await api.create('thuiszitter', melding({ sinds: vandaag(-40) }))).body.id as string;
    const json = await waitFor(
      async () => {
        const r = await api.list(pad(), 'directeur');
        return r.body.zaken?.some((z: { zaakId: string }) => z.zaakId === id) ? r : undefined;
      },
      15_000,
      250,
    );
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.body).toMatchObject({ beleid: 'spow', van: vandaag(-30), tot: vandaag() });
    expect(json.body.zaken.find((z: { zaakId: string }) => z.zaakId === id)).toMatchObject({
      sinds: vandaag(-40),
      thuiszitterSinds: vandaag(-12),
      status: 'thuiszitter',
      duurband: '4-weken-tot-3-maanden',
    });
    expect(json.body.perDuurband['4-weken-tot-3-maanden']).toBeGreaterThanOrEqual(1);

    const csv = await request(h.app).get(pad()).set(api.auth('coordinator')).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe(
      'zaakId,sinds,thuiszitterSinds,verzuim,redenGroep,status,dagen,duurband,uitkomst,einddatum',
    );
    expect(csv.text).toContain(id);
    const ookCsv = await api.list(pad('&formaat=csv'));
    expect(ookCsv.text).toBe(csv.text);
    // No personal data: the test pupils' and parents' names appear in neither.
    for (const naam of ['Quirijn', 'Vandersnoek', 'Fenna', 'ouders.example'])
      for (const tekst of [csv.text, JSON.stringify(json.body)]) expect(tekst).not.toContain(naam);
  });

  it('400 for a period that does not make sense, 403 for a school', async () => {
    const omgekeerd = await api.list(
      `/api/v1/rapportages/thuiszitters?beleid=spow&van=${vandaag()}&tot=${vandaag(-1)}`,
    );
    expectDutchProblem(omgekeerd, 400);
    expectDutchProblem(await api.list(pad('&formaat=xml')), 400);
    expectDutchProblem(await api.list(pad(), 'school'), 403);
  });
});
