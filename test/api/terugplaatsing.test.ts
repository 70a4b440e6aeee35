/**
 * The terugplaatsing through the API on a real stack (zakenHarness: dev server, the product's worker,
 * SMTP): the contract of issue 13 item 5. `POST /api/v1/zaken/terugplaatsing` → 201 `tp-<uuid>` with
 * the checklist and the next step; sub-steps with the action `stap`, the parents' consent with
 * `toestemming` (sharing the GD/OPP without it: 409 naming 'toestemming', and every other missing
 * prerequisite); the receiving school reads and acts once found (2.3), only on its own steps; the
 * list per school and per step; `stoppen`; the OpenAPI document. Bad input and wrong roles.
 */
import request from 'supertest';
import { stappen } from '../../src/shared/terugplaatsingStappen';
import { waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import {
  DERDE_BRIN,
  DERDE_TOKEN,
  ONTVANGEND_BRIN,
  ONTVANGEND_TOKEN,
  SBO_BRIN,
  SBO_TOKEN,
  deLinde,
  deVlinder,
  stap12,
  stap13,
  stap25,
  stap31,
  stap32,
  terugplaatsingStart,
  terugplaatsingTokens,
  toestemmingVoor,
} from '../helpers/terugplaatsingApi';
import { expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TP_ID = new RegExp(`^tp-${UUID}$`);

let h: Harness;
const api = apiClient(() => h);

/** Requests with one of the test's own school tokens. */
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const als = (token: string) => ({
  create: (body: unknown, key?: string) => {
    const r = request(h.app).post('/api/v1/zaken/terugplaatsing').set(bearer(token));
    return (key ? r.set('Idempotency-Key', key) : r).send(body as object);
  },
  get: (id: string) => request(h.app).get(`/api/v1/zaken/${id}`).set(bearer(token)),
  act: (id: string, actie: string, body: unknown) =>
    request(h.app)
      .post(`/api/v1/zaken/${id}/acties/${actie}`)
      .set(bearer(token))
      .send(body as object),
  list: (pad: string) => request(h.app).get(pad).set(bearer(token)),
});
const sbo = als(SBO_TOKEN);
const ontvangend = als(ONTVANGEND_TOKEN);
const derde = als(DERDE_TOKEN);

type Regel = {
  stap: string;
  status: string;
  door?: { id: string };
  op?: string;
  reden?: string;
  scholen?: { brin: string }[];
};
const regel = (view: { checklist: Regel[] }, s: string) => view.checklist.find((r) => r.stap === s)!;
const ids = (res: request.Response): string[] => res.body.zaken.map((z: { id: string }) => z.id);
const namen = (res: request.Response): string[] => res.body.invalidParams.map((p: { name: string }) => p.name);

/** Polls a list until `ok` holds (visibility is eventually consistent); the last answer otherwise. */
async function lijstTot(
  pad: string,
  ok: (ids: string[]) => boolean,
  doe: (pad: string) => request.Test | Promise<request.Response> = (p) => api.list(p),
): Promise<request.Response> {
  let laatste: request.Response | undefined;
  try {
    return await waitFor(
      async () => {
        laatste = await doe(pad);
        return laatste.status === 200 && ok(ids(laatste)) ? laatste : undefined;
      },
      15_000,
      250,
    );
  } catch {
    return laatste!;
  }
}

beforeAll(async () => {
  h = await startZakenHarness('terugplaatsing-api', terugplaatsingTokens);
}, 120_000);
afterAll(() => h?.teardown());

describe('POST /api/v1/zaken/terugplaatsing', () => {
  it('201 for the S(B)O school: tp-<uuid>, status signalering, the 18-row checklist with 1.1 done, next 1.2, Location', async () => {
    const res = await sbo.create(terugplaatsingStart());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(TP_ID),
      type: 'terugplaatsing',
      status: 'signalering',
      checklist: expect.any(Array),
      volgendeStap: { stap: '1.2', omschrijving: expect.any(String), wie: 'verwijzende school' },
      deadlines: expect.any(Array),
    });
    expect(res.headers.location).toBe(`/api/v1/zaken/${res.body.id}`);
    expect(res.body.checklist.map((r: Regel) => r.stap)).toEqual([...stappen]);
    expect(res.body.checklist).toHaveLength(18);
    expect(res.body.checklist[0]).toMatchObject({
      stap: '1.1',
      status: 'gedaan',
      omschrijving: expect.any(String),
      door: { id: 'tp-ib-11sb' },
      op: expect.any(String),
      reden: expect.stringMatching(/leerdoelen/),
    });
    for (const r of res.body.checklist.slice(1)) expect(['open', 'nvt']).toContain(r.status);
    expect(regel(res.body, '1.2').status).toBe('open');
    // The optional steps say so: an open one is an option not taken.
    expect(res.body.checklist.filter((r: { optioneel?: boolean }) => r.optioneel).map((r: Regel) => r.stap)).toEqual([
      '1.4',
      '1.5',
      '1.6',
      '2.5',
    ]);
    // The case behind it reads as the S(B)O school's own.
    const v = await sbo.get(res.body.id);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      id: res.body.id,
      type: 'terugplaatsing',
      status: 'signalering',
      open: true,
      school: { brin: SBO_BRIN },
    });
  });

  it('201 for a coordinator; 403 for a school of another BRIN and for directeur, deskundige, bestuur', async () => {
    const res = await api.create('terugplaatsing', terugplaatsingStart());
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(TP_ID);
    expect(regel(res.body, '1.1').door).toMatchObject({ id: 'dev-coordinator' });
    // The dev school token is 12AB's; the body names 11SB.
    expectDutchProblem(await api.create('terugplaatsing', terugplaatsingStart(), 'school'), 403);
    expectDutchProblem(await ontvangend.create(terugplaatsingStart()), 403);
    for (const rol of ['directeur', 'deskundige', 'bestuur'] as const)
      expectDutchProblem(await api.create('terugplaatsing', terugplaatsingStart(), rol), 403);
  });

  it('bad input is a 400 naming the field in Dutch, and nothing starts', async () => {
    const alle = '/api/v1/zaken?type=terugplaatsing&limiet=200';
    const voor = await lijstTot(alle, (l) => api.gemaakt.every((id) => l.includes(id)));
    expect(voor.status).toBe(200);

    const zonderOuders = terugplaatsingStart();
    delete (zonderOuders as Record<string, unknown>).ouders;
    const zonderSignaal = terugplaatsingStart();
    delete (zonderSignaal as Record<string, unknown>).signaal;
    const gevallen: [string, unknown, string][] = [
      ['zonder ouders', zonderOuders, 'ouders'],
      ['lege ouders', terugplaatsingStart({ ouders: [] }), 'ouders'],
      [
        'slechte BRIN',
        terugplaatsingStart({ school: { ...terugplaatsingStart().school, brin: 'XYZ' } }),
        'school.brin',
      ],
      ['zonder signaal', zonderSignaal, 'signaal'],
      ['onbekend beleid', terugplaatsingStart({ beleid: 'onbekend' }), 'beleid'],
      ['signalering in de toekomst', terugplaatsingStart({ gesignaleerdOp: vandaag(3) }), 'gesignaleerdOp'],
    ];
    for (const [wat, body, veld] of gevallen) {
      for (const res of [await api.create('terugplaatsing', body), await sbo.create(body)]) {
        expectDutchProblem(res, 400);
        expect({ wat, namen: namen(res) }).toEqual({ wat, namen: expect.arrayContaining([veld]) });
      }
    }

    // A valid one after them: once the list shows it, it shows nothing else new.
    const goed = await sbo.create(terugplaatsingStart());
    expect(goed.status).toBe(201);
    const na = await lijstTot(alle, (l) => l.includes(goed.body.id));
    expect(
      ids(na)
        .filter((id) => id !== goed.body.id)
        .sort(),
    ).toEqual(ids(voor).sort());
  });

  it('the same Idempotency-Key twice is the same case', async () => {
    const key = `tp-idem-${Date.now()}`;
    const a = await sbo.create(terugplaatsingStart(), key);
    const b = await sbo.create(terugplaatsingStart(), key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toMatch(TP_ID);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.location).toBe(`/api/v1/zaken/${a.body.id}`);
    // Another key: another case.
    const c = await sbo.create(terugplaatsingStart(), `${key}-2`);
    expect(c.status).toBe(201);
    expect(c.body.id).not.toBe(a.body.id);
  });
});

describe('the steps, the consent gate and the receiving school', () => {
  let id: string;
  beforeAll(async () => {
    const res = await sbo.create(terugplaatsingStart());
    expect(res.status).toBe(201);
    id = res.body.id;
  });

  it('invalid stap bodies are 400 with Dutch messages', async () => {
    const gevallen: [unknown, string][] = [
      [{ stap: '9.9' }, 'stap'],
      [{ stap: '4.3' }, 'stap'],
      [{ stap: '2.1' }, 'school'],
      [{ stap: '1.4', overgeslagen: true }, 'reden'],
    ];
    for (const [body, veld] of gevallen) {
      const res = await sbo.act(id, 'stap', body);
      expectDutchProblem(res, 400);
      expect({ body, namen: namen(res) }).toEqual({ body, namen: expect.arrayContaining([veld]) });
    }
    const onbekend = await sbo.act(id, 'stap', { stap: '9.9' });
    expect(onbekend.body.invalidParams[0].reason).toMatch(/stap is een van/);
    expect(onbekend.body.invalidParams[0].reason).not.toMatch(/4\.3,/);
  });

  it('before 2.3 the receiving school and a third school do not see the case (404)', async () => {
    expectDutchProblem(await ontvangend.get(id), 404);
    expectDutchProblem(await derde.get(id), 404);
    expectDutchProblem(await ontvangend.act(id, 'stap', stap25()), 404);
  });

  it('1.2, 1.3, 2.1; 2.2 without consent is 409 naming toestemming; with neither contact nor consent it names both', async () => {
    expect((await sbo.act(id, 'stap', stap12)).status).toBe(200);
    expect((await sbo.act(id, 'stap', stap13())).status).toBe(200);
    const contact = await sbo.act(id, 'stap', { stap: '2.1', school: { brin: deLinde.brin, naam: deLinde.naam } });
    expect(contact.status).toBe(200);
    expect(contact.body.status).toBe('verkenning');
    expect(regel(contact.body, '2.1').status).toBe('gedaan');

    const voor = (await sbo.get(id)).body;
    expect(regel(voor, '2.2').status).toBe('open');

    const zonderToestemming = await sbo.act(id, 'stap', { stap: '2.2', school: deLinde });
    expectDutchProblem(zonderToestemming, 409);
    expect(zonderToestemming.body.detail).toMatch(/toestemming/);
    expect(zonderToestemming.body.detail).not.toMatch(/stap 2\.1/);

    const niets = await sbo.act(id, 'stap', { stap: '2.2', school: deVlinder });
    expectDutchProblem(niets, 409);
    expect(niets.body.detail).toMatch(/stap 2\.1/);
    expect(niets.body.detail).toMatch(/toestemming/);
    // The coordinator is refused the same way.
    expectDutchProblem(await api.act(id, 'stap', { stap: '2.2', school: deLinde }), 409);

    // The refusals changed nothing.
    const na = (await sbo.get(id)).body;
    expect(na.checklist).toEqual(voor.checklist);
    expect(na.tijdlijn).toEqual(voor.tijdlijn);
    expect(na.toestemmingen).toEqual([]);

    const t = await sbo.act(id, 'toestemming', toestemmingVoor(deLinde));
    expect(t.status).toBe(200);
    expect(t.body.toestemmingen).toEqual([
      expect.objectContaining({ school: expect.objectContaining({ brin: ONTVANGEND_BRIN }), schriftelijk: true }),
    ]);
    const gedeeld = await sbo.act(id, 'stap', { stap: '2.2', school: deLinde });
    expect(gedeeld.status).toBe(200);
    expect(regel(gedeeld.body, '2.2').status).toBe('gedaan');
    expect(regel((await sbo.get(id)).body, '2.2')).toMatchObject({
      status: 'gedaan',
      door: { id: 'tp-ib-11sb' },
      op: expect.any(String),
    });
    // Consent for De Linde is not consent for De Vlinder: still refused, still naming both.
    const nogSteeds = await sbo.act(id, 'stap', { stap: '2.2', school: deVlinder });
    expectDutchProblem(nogSteeds, 409);
    expect(nogSteeds.body.detail).toMatch(/toestemming/);
  });

  it('after 2.3 the receiving school reads the case (betrokkenScholen) and the lists find it by school and step', async () => {
    // Another candidate school, approached with the parents' consent: not the receiving school's business.
    const deSterren = { brin: DERDE_BRIN, naam: 'De Sterren' };
    expect((await sbo.act(id, 'stap', { stap: '2.1', school: deSterren })).status).toBe(200);
    expect((await sbo.act(id, 'toestemming', toestemmingVoor(deSterren))).status).toBe(200);
    const gevonden = await sbo.act(id, 'stap', { stap: '2.3', school: deLinde });
    expect(gevonden.status).toBe(200);
    expect(gevonden.body.volgendeStap).toMatchObject({ stap: '2.6' });

    const v = await ontvangend.get(id);
    expect(v.status).toBe(200);
    expect(v.body.betrokkenScholen).toContain(ONTVANGEND_BRIN);
    expect(v.body.ontvangendeSchool).toMatchObject({ brin: ONTVANGEND_BRIN, naam: 'De Linde' });
    // Only its own part: its consent and contact, not De Sterren's (need to know).
    expect(v.body.toestemmingen.map((t: { school: { brin: string } }) => t.school.brin)).toEqual([ONTVANGEND_BRIN]);
    expect(regel(v.body, '2.1').scholen!.map((x: { brin: string }) => x.brin)).toEqual([ONTVANGEND_BRIN]);
    expect(JSON.stringify(v.body)).not.toContain('De Sterren');
    const eigenZicht = (await sbo.get(id)).body;
    expect(regel(eigenZicht, '2.1').scholen!.map((x: { brin: string }) => x.brin)).toEqual([
      ONTVANGEND_BRIN,
      DERDE_BRIN,
    ]);
    expect(eigenZicht.toestemmingen).toHaveLength(2);
    // A third school still does not.
    expectDutchProblem(await derde.get(id), 404);

    const eigen = await lijstTot('/api/v1/zaken?type=terugplaatsing', (l) => l.includes(id), ontvangend.list);
    expect(eigen.status).toBe(200);
    expect(ids(eigen)).toEqual([id]);

    // Per step: the one the case waits for (2.6, the parents' visit; the optional 2.5 is not "next").
    const wacht: string = v.body.volgendeStap.stap;
    expect(wacht).toBe('2.6');
    const volgende = await lijstTot(`/api/v1/zaken?type=terugplaatsing&stap=${wacht}`, (l) => l.includes(id));
    expect(ids(volgende)).toContain(id);
    const stap12lijst = await api.list('/api/v1/zaken?type=terugplaatsing&stap=1.2');
    expect(stap12lijst.status).toBe(200);
    expect(ids(stap12lijst)).not.toContain(id);
    const perSchool = await lijstTot(`/api/v1/zaken?school=${ONTVANGEND_BRIN}`, (l) => l.includes(id));
    expect(ids(perSchool)).toEqual([id]);
    // The receiving school may filter on its own BRIN too.
    expect(ids(await ontvangend.list(`/api/v1/zaken?school=${ONTVANGEND_BRIN}`))).toEqual([id]);
    expectDutchProblem(await api.list('/api/v1/zaken?stap=twee'), 400);

    const leeg = await derde.list('/api/v1/zaken?type=terugplaatsing');
    expect(leeg.status).toBe(200);
    expect(leeg.body.zaken).toEqual([]);
  });

  it('the receiving school records 2.5 and 3.2, not stap 1.x, 2.1 or the consent; the S(B)O school not 3.2', async () => {
    const observatie = await ontvangend.act(id, 'stap', stap25());
    expect(observatie.status).toBe(200);
    expect(regel(observatie.body, '2.5')).toMatchObject({ status: 'gedaan', door: { id: 'tp-ib-22ba' } });

    for (const body of [
      { stap: '1.4', overgeslagen: true, reden: 'de OA zat al bij de OPP-bespreking' },
      { stap: '1.6', wensen: 'de leerling wil naar de school van haar broer' },
      { stap: '2.1', school: deVlinder },
    ])
      expectDutchProblem(await ontvangend.act(id, 'stap', body), 403);
    expectDutchProblem(await ontvangend.act(id, 'toestemming', toestemmingVoor(deVlinder)), 403);
    // A third school acting learns nothing: 404.
    expectDutchProblem(await derde.act(id, 'stap', stap25()), 404);

    expect((await sbo.act(id, 'stap', { stap: '2.6', datum: vandaag() })).status).toBe(200);
    expect((await sbo.act(id, 'stap', stap31())).status).toBe(200);
    const doorSbo = await sbo.act(id, 'stap', stap32);
    expectDutchProblem(doorSbo, 403);
    expect(regel((await sbo.get(id)).body, '3.2').status).toBe('open');

    const plan = await ontvangend.act(id, 'stap', stap32);
    expect(plan.status).toBe(200);
    expect(regel(plan.body, '3.2')).toMatchObject({ status: 'gedaan', door: { id: 'tp-ib-22ba' } });
    expect(plan.body.volgendeStap).toMatchObject({ stap: '3.3', wie: 'ontvangende school' });
  });

  it('stoppen without a place: the SWV says the pupil is at home, and a thuiszitter case opens that the S(B)O school reads (issue 16)', async () => {
    const tp = (await sbo.create(terugplaatsingStart())).body.id as string;
    const thuis = {
      sinds: vandaag(),
      reden: 'De TLV is verlopen en geen school neemt de leerling aan.',
      ingeschrevenOp: { brin: SBO_BRIN, naam: 'SBO De Wissel' },
    };
    expectDutchProblem(await sbo.act(tp, 'stoppen', { reden: 'geen plek', leerlingThuis: thuis }), 403);
    const vaag = await api.act(tp, 'stoppen', {
      reden: 'geen plek',
      leerlingThuis: { sinds: vandaag(), reden: 'thuis' },
    });
    expectDutchProblem(vaag, 400);
    expect(namen(vaag)).toContain('leerlingThuis.ingeschrevenOp');
    const gestopt = await api.act(tp, 'stoppen', { reden: 'Geen plek gevonden.', leerlingThuis: thuis });
    expect(gestopt.status).toBe(200);
    expect(gestopt.body).toMatchObject({ status: 'gestopt', thuiszitter: { zaakId: `${tp}-thuiszitter` } });
    const kind = await waitFor(
      async () => {
        const r = await sbo.get(`${tp}-thuiszitter`);
        return r.status === 200 ? r : undefined;
      },
      15_000,
      200,
    );
    expect(kind.body).toMatchObject({ type: 'thuiszitter', status: 'dreigend', school: { brin: SBO_BRIN } });
    // Which case opened it is the SWV's: the school reads that it was opened automatically, not by which.
    expect(kind.body.aanleiding).toBeUndefined();
    expect((await api.get(`${tp}-thuiszitter`)).body.aanleiding).toMatchObject({ zaakId: tp });
  });

  it('stoppen → 200 gestopt; a further step is 409 with the closed-case reason', async () => {
    // The receiving school does not stop the traject (it decides at the evaluation).
    expectDutchProblem(await ontvangend.act(id, 'stoppen', { reden: 'de school ziet er toch van af' }), 403);
    expectDutchProblem(await sbo.act(id, 'stoppen', {}), 400);
    const gestopt = await sbo.act(id, 'stoppen', { reden: 'de ouders kiezen er toch voor op het SBO te blijven' });
    expect(gestopt.status).toBe(200);
    expect(gestopt.body).toMatchObject({ status: 'gestopt', open: false });
    const verder = await ontvangend.act(id, 'stap', {
      stap: '3.3',
      besluit: 'positief',
      reden: 'de school kan de ondersteuning bieden',
    });
    expectDutchProblem(verder, 409);
    expect(verder.body.detail).toMatch(/gestopt/);
    expect(verder.body.detail).toMatch(/geen stap meer/);
    const ook = await sbo.act(id, 'toestemming', toestemmingVoor(deVlinder));
    expectDutchProblem(ook, 409);
    expect(ook.body.detail).toMatch(/gestopt/);
    expect((await sbo.get(id)).body).toMatchObject({ status: 'gestopt', uitkomst: { uitkomst: 'gestopt' } });
  });
});

describe("VO Groningen Stad's phases VSO → VO through the API (issue 15 item 6)", () => {
  it('a vso-vo case takes phases, not steps; the VO school reads it once it is the school of preference, and decides at F4', async () => {
    const res = await sbo.create(
      terugplaatsingStart({
        school: { brin: SBO_BRIN, naam: 'VSO De Brug', email: 'zorg@debrug.example', regio: 'noord' },
        beleid: 'vo-groningen-stad',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.checklist.map((r: Regel) => r.stap)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    expect(res.body.volgendeStap).toMatchObject({ stap: 'F1', wie: 'verwijzende school' });
    const id = res.body.id as string;

    const stap = await sbo.act(id, 'stap', stap12);
    expectDutchProblem(stap, 409);
    expect(stap.body.detail).toMatch(/volgt de fasen VSO → VO van vo-groningen-stad/);
    expectDutchProblem(await sbo.act(id, 'fase', { fase: 'F7' }), 400);
    const f1 = await sbo.act(id, 'fase', {
      fase: 'F1',
      datum: vandaag(),
      kansrijk: true,
      verslag: 'De uitstroombestemming havo is haalbaar in het regulier vo.',
    });
    expect(f1.status).toBe(200);
    expectDutchProblem(await ontvangend.get(id), 404);
    expect((await sbo.act(id, 'toestemming', toestemmingVoor(deLinde))).status).toBe(200);
    const f2 = await sbo.act(id, 'fase', {
      fase: 'F2',
      datum: vandaag(),
      school: deLinde,
      verslag: 'Eerste voorkeur.',
    });
    expect(f2.status).toBe(200);

    // The list finds it by the phase it waits for.
    const lijst = await lijstTot('/api/v1/zaken?type=terugplaatsing&stap=F3', (l) => l.includes(id));
    expect(ids(lijst)).toContain(id);
    // The VO school reads its own part: not the VSO's notes of F1.
    const gelezen = await ontvangend.get(id);
    expect(gelezen.status).toBe(200);
    expect(regel(gelezen.body, 'F1')).toMatchObject({ status: 'gedaan' });
    expect(regel(gelezen.body, 'F1')).not.toHaveProperty('reden');
    expect(JSON.stringify(gelezen.body)).not.toContain('havo is haalbaar');
    const f3 = await ontvangend.act(id, 'fase', {
      fase: 'F3',
      datum: vandaag(),
      deelnemers: ['VSO De Brug', 'De Linde'],
      vaardigheden: 'zelfstandig werken in een grote klas',
      ondersteuning: 'een mentor en begeleiding',
    });
    expect(f3.status).toBe(200);
    expectDutchProblem(await sbo.act(id, 'fase', { fase: 'F4', besluit: 'positief', reden: 'Wij willen door.' }), 403);
    const f4 = await ontvangend.act(id, 'fase', {
      fase: 'F4',
      besluit: 'positief',
      reden: 'Wij bieden de ondersteuning.',
    });
    expect(f4.status).toBe(200);
    expect(f4.body).toMatchObject({ status: 'besluitvorming', volgendeStap: { stap: 'F5', wie: 'beide scholen' } });
  });
});

describe('the OpenAPI document', () => {
  it('lists POST /api/v1/zaken/terugplaatsing and the actions stap, toestemming and stoppen', async () => {
    const doc = (await request(h.app).get('/openapi.json')).body;
    const start = doc.paths['/api/v1/zaken/terugplaatsing']?.post;
    expect(start).toBeDefined();
    expect(start.requestBody.content['application/json'].schema.properties).toEqual(
      expect.objectContaining({
        leerling: expect.anything(),
        school: expect.anything(),
        ouders: expect.anything(),
        beleid: expect.anything(),
        signaal: expect.anything(),
      }),
    );
    expect(start.responses['201']).toBeDefined();
    for (const actie of ['stap', 'fase', 'toestemming', 'stoppen']) {
      const op = doc.paths[`/api/v1/zaken/{id}/acties/${actie}`]?.post;
      expect({ actie, op: op !== undefined }).toEqual({ actie, op: true });
      expect(op.summary).toContain('terugplaatsing:');
      expect(op.requestBody.content['application/json'].schema).toBeDefined();
    }
    expect(
      doc.paths['/api/v1/zaken/{id}/acties/toestemming'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('gegevenDoor');
  });
});

describe('GET /api/v1/rapportages/terugplaatsingen (stap 5, the yearly evaluation)', () => {
  it('counts the school year’s cases per step reached, outcome and duration, by case id only, no names', async () => {
    // One more case that ends at once: not wenselijk after the internal check.
    const res = await api.create('terugplaatsing', terugplaatsingStart({ leerling: { naam: 'Rapport Testkind' } }));
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect((await api.act(id, 'stap', { stap: '1.2', wenselijk: false, toelichting: 'nog niet' })).status).toBe(200);

    const r = await api.list('/api/v1/rapportages/terugplaatsingen?beleid=spow');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ beleid: 'spow', schooljaar: expect.stringMatching(/^\d{4}-\d{4}$/) });
    expect(r.body.aantal).toBeGreaterThanOrEqual(2);
    expect(r.body.uitkomsten.nietWenselijk).toBeGreaterThanOrEqual(1);
    expect(r.body.uitkomsten.gestopt).toBeGreaterThanOrEqual(1);
    expect(r.body.bereikt[0]).toEqual({ stap: '1.1', aantal: r.body.aantal });
    expect(r.body.bereikt.find((b: { stap: string }) => b.stap === '2.2').aantal).toBeGreaterThanOrEqual(1);
    expect(r.body.doorlooptijdDagen).toMatchObject({ aantal: expect.any(Number), kortste: 0 });
    const rij = r.body.zaken.find((z: { zaakId: string }) => z.zaakId === id);
    expect(rij).toMatchObject({ uitkomst: 'niet-wenselijk', verstePunt: '1.2', status: 'niet-wenselijk', dagen: 0 });
    // No personal data: pupils, parents and schools' people are not in it.
    const tekst = JSON.stringify(r.body);
    for (const naam of ['Sanne', 'Rapport Testkind', 'Fenna', 'ouders.example', 'dewissel.example'])
      expect(tekst).not.toContain(naam);

    // The directeur reads it too; a school does not; the parameters are checked.
    expect((await api.list('/api/v1/rapportages/terugplaatsingen?beleid=spow', 'directeur')).status).toBe(200);
    expectDutchProblem(await api.list('/api/v1/rapportages/terugplaatsingen?beleid=spow', 'school'), 403);
    expectDutchProblem(await api.list('/api/v1/rapportages/terugplaatsingen?schooljaar=2026-2028'), 400);
    expectDutchProblem(await api.list('/api/v1/rapportages/terugplaatsingen?beleid=onbekend'), 400);
    // A school year without cases: zero, not an error.
    const leeg = await api.list('/api/v1/rapportages/terugplaatsingen?beleid=spow&schooljaar=2019-2020');
    expect(leeg.body).toMatchObject({ aantal: 0, zaken: [], doorlooptijdDagen: { mediaan: null } });
  });
});
