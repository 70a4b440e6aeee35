/**
 * The TLV through the API on a real stack (zakenHarness: dev server, the product's worker, SMTP):
 * the contract of issue 12 (`POST /api/v1/zaken/tlv` → 201 `tlv-<uuid>` with its
 * `beoordelingstermijn`; `beoordelen` by the 1st deskundige, `besluiten` by a 2nd; `einddatum` and
 * `bezwaartermijn` once granted; the list by `eindeVoor`), who may do and read what, and bad input.
 */
import request from 'supertest';
import { getPolicy, tlvBeslisdatum, tlvBezwaartermijnEinde, toIsoDate } from '../../src/domain';
import { apiClient } from '../helpers/apiClient';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { aanmelding, expectDutchProblem, startZakenHarness, type Harness } from '../helpers/zakenHarness';

const TWEEDE = 'test-deskundige-2-0123456789abcdef';
let h: Harness;
const api = apiClient(() => h);
const tweede = { Authorization: `Bearer ${TWEEDE}` };

const aanvraag = (overrides: Record<string, unknown> = {}) => tlvAanvraag('12AB', overrides);
const toekennen = tlvToekennen;
const beoordeling = tlvBeoordeling;

beforeAll(async () => {
  h = await startZakenHarness('tlv-api', [
    { token: TWEEDE, id: 'dev-deskundige-2', naam: 'Tweede deskundige (test)', rol: 'deskundige', brins: [] },
  ]);
}, 120_000);
afterAll(() => h?.teardown());

describe('POST /api/v1/zaken/tlv', () => {
  it('201 with a tlv-<uuid> id, status in-beoordeling and the beoordelingstermijn (6 weeks, SPOW)', async () => {
    const res = await api.create('tlv', aanvraag());
    expect(res.status).toBe(201);
    const termijn = tlvBeslisdatum(toIsoDate(Date.now()), getPolicy('spow'));
    expect(res.body).toEqual({
      id: expect.stringMatching(/^tlv-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      type: 'tlv',
      status: 'in-beoordeling',
      deadlines: [
        { soort: 'beoordelingstermijn', datum: termijn.datum, regel: termijn.regel, tijdstip: expect.any(String) },
      ],
    });
  });

  it('a school applies for its own pupils only, and cannot set the coordinator mailbox', async () => {
    expect((await api.create('tlv', aanvraag(), 'school')).status).toBe(201);
    expectDutchProblem(
      await api.create('tlv', aanvraag({ school: { ...aanvraag().school, brin: '99ZZ' } }), 'school'),
      403,
    );
    expectDutchProblem(await api.create('tlv', aanvraag({ coordinatorEmail: 'x@swv.example' }), 'school'), 403);
    for (const rol of ['directeur', 'deskundige', 'bestuur'] as const)
      expectDutchProblem(await api.create('tlv', aanvraag(), rol), 403);
  });

  it('bad input is a 400 naming the field in Dutch', async () => {
    const zonderHia = aanvraag();
    delete (zonderHia.aanvraag as Record<string, unknown>).hia;
    const res = await api.create('tlv', zonderHia);
    expectDutchProblem(res, 400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain('aanvraag.hia');
    const emb = await api.create('tlv', aanvraag({ aanvraag: { ...aanvraag().aanvraag, soort: 'so', emb: true } }));
    expectDutchProblem(emb, 400);
    expect(emb.body.invalidParams).toEqual([{ name: 'leerling.geboortedatum', reason: 'verplicht bij aanvraag.emb' }]);
    expectDutchProblem(await api.create('tlv', aanvraag({ leerling: { naam: 'X', groep: 9 } })), 400);
  });
});

describe('assessment by two deskundigen, and who reads what', () => {
  let id: string;
  beforeAll(async () => {
    id = (await api.create('tlv', aanvraag())).body.id;
  });

  it('any deskundige reads an aanvraag waiting for one; the directeur and the DB do not', async () => {
    expect((await api.get(id, 'deskundige')).status).toBe(200);
    expect((await request(h.app).get(`/api/v1/zaken/${id}`).set(tweede)).status).toBe(200);
    expectDutchProblem(await api.get(id, 'directeur'), 404);
    expectDutchProblem(await api.get(id, 'bestuur'), 404);
  });

  it('the 1st assesses, the same person cannot also decide (409), a 2nd decides: einddatum and bezwaartermijn', async () => {
    expectDutchProblem(await api.act(id, 'besluiten', toekennen, 'deskundige'), 409);
    expectDutchProblem(await api.act(id, 'beoordelen', beoordeling, 'coordinator'), 403);
    expect((await api.act(id, 'beoordelen', beoordeling, 'deskundige')).status).toBe(200);
    const zelf = await api.act(id, 'besluiten', toekennen, 'deskundige');
    expectDutchProblem(zelf, 409);
    expect(zelf.body.detail).toMatch(/Twee deskundigen/);
    const res = await request(h.app).post(`/api/v1/zaken/${id}/acties/besluiten`).set(tweede).send(toekennen);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('toegekend');
    const bezwaar = tlvBezwaartermijnEinde(toIsoDate(Date.now()), getPolicy('spow'));
    expect(res.body.deadlines.map((d: { soort: string; datum: string }) => [d.soort, d.datum])).toEqual([
      ['einddatum', res.body.tlv.einddatum],
      ['bezwaartermijn', bezwaar.datum],
    ]);
    expect(res.body.tlv.einddatumRegel).toMatch(/einde van groep 8/);
  });

  it('once decided, the two who acted read it and no other deskundige; the school reads it without the advice', async () => {
    expect((await api.get(id, 'deskundige')).status).toBe(200);
    expect((await request(h.app).get(`/api/v1/zaken/${id}`).set(tweede)).status).toBe(200);
    const school = await api.get(id, 'school');
    expect(school.status).toBe(200);
    expect(school.body.beoordeling).toBeUndefined();
    // Nor in the timeline: the fact stays, the advice and its reasons go.
    expect(JSON.stringify(school.body.tijdlijn)).not.toMatch(/toekennen|HIA en OPP tonen/);
    expect(school.body.tijdlijn.map((i: { soort: string }) => i.soort)).toContain('beoordeeld');
    expect(school.body.besluit.uitkomst).toBe('toegekend');
    expect((await api.get(id)).body.beoordeling.advies).toBe('toekennen');
  });

  it('GET /api/v1/zaken?type=tlv&eindeVoor= lists TLVs ending before a date', async () => {
    const eind = (await api.get(id)).body.tlv.einddatum as string;
    const na = await api.list(
      `/api/v1/zaken?type=tlv&eindeVoor=${toIsoDate(Date.parse(`${eind}T12:00:00Z`) + 86_400_000)}`,
    );
    expect(na.status).toBe(200);
    expect(na.body.zaken.map((z: { id: string }) => z.id)).toContain(id);
    const voor = await api.list(`/api/v1/zaken?type=tlv&eindeVoor=${eind}`);
    expect(voor.body.zaken.map((z: { id: string }) => z.id)).not.toContain(id);
    expectDutchProblem(await api.list('/api/v1/zaken?type=tlv&eindeVoor=morgen'), 400);
  });
});

describe('from a zorgplicht case (issue 12: besluiten tlv-aangevraagd keeps the case open)', () => {
  it('answers open: true and tlv: { zaakId }; the school completes the aanvraag (an EMB one with the birth date)', async () => {
    const zp = (await api.create('zorgplicht', aanmelding({ beleid: 'spow' }), 'school')).body.id;
    const res = await api.act(
      zp,
      'besluiten',
      { uitkomst: 'tlv-aangevraagd', reden: 'HIA: SO past best', soort: 'so' },
      'school',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      open: true,
      status: 'tlv-aangevraagd',
      tlv: { zaakId: expect.stringMatching(/^tlv-/) },
    });
    const tlvId: string = res.body.tlv.zaakId;

    // The TLV case is the school's own (its BRIN): it reads it and completes it.
    let tlv = await api.get(tlvId, 'school');
    for (let i = 0; tlv.status === 404 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tlv = await api.get(tlvId, 'school');
    }
    expect(tlv.body).toMatchObject({
      status: 'aanvraag-onvolledig',
      zorgplichtZaak: zp,
      aanvraag: { compleet: false },
    });

    const aanvulling = {
      leerling: { groep: 3 },
      aanvraag: { ...aanvraag().aanvraag, soort: 'so', emb: true },
    };
    // EMB without the birth date: the workflow refuses with the reason, nothing changes.
    const zonder = await api.act(tlvId, 'aanvraag-aanvullen', aanvulling, 'school');
    expectDutchProblem(zonder, 409);
    expect(zonder.body.detail).toMatch(/geboortedatum/);
    // Not yet in the deskundigen's queue: for them the case does not exist.
    expectDutchProblem(await api.act(tlvId, 'aanvraag-aanvullen', aanvulling, 'deskundige'), 404);
    expectDutchProblem(await api.act(tlvId, 'aanvraag-aanvullen', { leerling: { groep: 9 } }, 'school'), 400);

    const klaar = await api.act(
      tlvId,
      'aanvraag-aanvullen',
      { ...aanvulling, leerling: { groep: 3, geboortedatum: '2019-03-02' } },
      'school',
    );
    expect(klaar.status).toBe(200);
    const termijn = tlvBeslisdatum(toIsoDate(Date.now()), getPolicy('spow'));
    expect(klaar.body).toMatchObject({
      status: 'in-beoordeling',
      aanvraag: { compleet: true, emb: true, soort: 'so' },
      deadlines: [{ soort: 'beoordelingstermijn', datum: termijn.datum }],
    });
    // The birth date never reaches the case.
    expect(JSON.stringify(klaar.body)).not.toContain('2019-03-02');
    expect((await api.get(zp, 'school')).body).toMatchObject({ open: true, tlv: { zaakId: tlvId } });
  });
});
