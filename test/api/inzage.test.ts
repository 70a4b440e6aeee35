/**
 * The authorisation matrix (issue 11 item 6, need to know): every role × every route of the OpenAPI
 * document × own and other cases, on a real stack (zakenHarness). A few cases are made once, on the
 * rungs and in the statuses the rules in src/auth/inzage.ts tell apart; then hundreds of requests
 * probe them. A route the matrix does not know fails the test, as does a process without a case here.
 */
import request from 'supertest';
import { roles, type Role } from '../../src/auth/actors';
import { internVan, lijstFilter, magLezen, magLezenVolgensIndex, zichtVoor } from '../../src/auth/inzage';
import { processen, type ProcesDefinitie } from '../../src/processen';
import { Register } from '../../src/api/processen';
import { waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { impasseMelding, IMPASSES } from '../helpers/impasseApi';
import { stap12, stap13, terugplaatsingStart, toestemmingVoor } from '../helpers/terugplaatsingApi';
import { aanmelding, expectDutchProblem, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const register = new Register(processen);
const deLinde = { brin: '34CD', naam: 'De Linde' };
/** Texts of the SWV's internal work: a school's answer must not hold them. */
const INTERN = {
  e2: 'INTERN-E2 de plaatsingstafel is belegd.',
  e3: 'INTERN-E3 geen vrijwillige plek gevonden.',
  advies: 'INTERN-ADVIES De Linde heeft een kleine groep en ervaring met deze hulpvraag.',
  e4: 'INTERN-E4 gesprek met de directeur van De Linde.',
  notitie: 'INTERN-NOTITIE ondersteuning van het SWV aangeboden.',
};
/** Personal data a stuck case shows the directeur without. */
const PERSOONLIJK = ['Quirijn', 'Vandersnoek', 'ouders.example'];

type Zaak =
  | 'zpEigen'
  | 'zpAnder'
  | 'zpLaat'
  | 'zpImpasse'
  | 'imEigen'
  | 'imDb'
  | 'imDbDicht'
  | 'imE7'
  | 'imE7ZonderDb'
  | 'tlvOpen'
  | 'tlvEigen'
  | 'tlvAnder'
  | 'tlvSppoh'
  | 'tpEigen'
  | 'tpBetrokken'
  | 'tzEigen'
  | 'tzAnder'
  | 'tzLaat';
/** Who reads which case: the rules of src/auth/inzage.ts, written out. */
const LEZERS: Record<Zaak, Role[]> = {
  zpEigen: ['coordinator', 'school'], // 12AB, in research
  zpAnder: ['coordinator'], // 34CD, in research
  zpLaat: ['coordinator', 'directeur'], // 34CD, placed by law after 10 weeks: stuck
  zpImpasse: ['coordinator', 'school', 'directeur'], // 12AB, an impasse reported
  imEigen: ['coordinator', 'school', 'directeur'], // its impasse, on E4 (12AB)
  imDb: ['coordinator', 'directeur', 'bestuur'], // 34CD, on E5
  imDbDicht: ['coordinator', 'directeur', 'bestuur'], // 56EF, placed by the DB on E5: closed
  imE7: ['coordinator', 'directeur', 'bestuur'], // 56EF, E7 after the DB's binding decision
  imE7ZonderDb: ['coordinator', 'directeur'], // 78GH, E7 after the parents refused the advice on E3
  tlvOpen: ['coordinator', 'school', 'deskundige'], // 12AB, assessed by another deskundige, not decided: the pool
  tlvEigen: ['coordinator', 'deskundige'], // 34CD, assessed by the probed deskundige, granted by another
  tlvAnder: ['coordinator'], // 34CD, assessed and granted by two other deskundigen
  tlvSppoh: ['coordinator', 'school', 'deskundige', 'directeur'], // 12AB under SPPOH: the directeur decides (seed 000 L469)
  tpEigen: ['coordinator', 'school'], // a terugplaatsing of 12AB (the S(B)O school)
  tpBetrokken: ['coordinator', 'school'], // a terugplaatsing of 34CD whose receiving school is 12AB
  tzEigen: ['coordinator', 'school'], // a pupil of 12AB at home for a week
  tzAnder: ['coordinator'], // a pupil of 34CD at home for a week
  tzLaat: ['coordinator', 'directeur'], // enrolled nowhere, at home for four months: past the target date
};
/** Two deskundigen besides the probed one (dev-deskundige): two decide on a TLV. */
const D2 = 'inzage-deskundige-2-0123456789abcdef';
const D3 = 'inzage-deskundige-3-0123456789abcdef';
const OPEN_IMPASSES: Zaak[] = ['imEigen', 'imDb', 'imE7', 'imE7ZonderDb'];
/** Who may use a route at all (its `roles`): the others get 403 whatever the case. */
const ROUTE_ROLLEN: Record<string, Role[]> = {
  impasses: ['coordinator', 'directeur', 'bestuur'],
  rapportage: ['coordinator', 'directeur'],
  beleid: [...roles],
  zaakbeleid: ['coordinator'],
};
/** A body each action's schema accepts and the workflow refuses on every case here (409): no probe changes a case. */
const GEWEIGERD: Record<string, unknown> = {
  escaleren: { naar: 'E2', reden: 'Nog eens naar de plaatsingstafel.', deelnemers: ['ouders'] },
  verlengen: { weken: 52, reden: 'Een jaar langer.' },
  // Assessed or decided already; a start before the aanvraag; a bezwaar from the future; no bezwaar open.
  beoordelen: { advies: 'afwijzen', onderbouwing: 'Nog een beoordeling van dezelfde aanvraag.' },
  bezwaar: { ontvangen: vandaag(5), indiener: 'ouders', reden: 'Een bezwaar uit de toekomst.' },
  'bezwaar-beslissen': { uitkomst: 'ongegrond', reden: 'Er is geen bezwaar om op te beslissen.' },
  // The thuiszitter: the reason it has already, a day in the past, an agreement it lacks, a vrijstelling ending today, a return tomorrow.
  afwezigheid: { redenGroep: 'geen-passend-aanbod', reden: 'Dezelfde reden.', vanaf: vandaag() },
  afspraak: { wie: 'school', wat: 'Iets dat al voorbij is', uiterlijk: vandaag(-1) },
  'afspraak-gedaan': { nummer: 99, reden: 'Bestaat niet.' },
  vrijstelling: { van: vandaag(), tot: vandaag(), swvBetrokken: true, reden: 'Geen periode.' },
  afsluiten: { uitkomst: 'aanbod-elders', datum: vandaag(1), reden: 'Morgen pas.' },
  // Only an automatically opened thuiszitter is dismissed.
  afwijzen: { reden: 'Geen thuiszitter.' },
};
/** Where an action name is shared (`besluiten`), the body for one process's cases. */
const GEWEIGERD_IN: Record<string, Record<string, unknown>> = {
  tlv: { besluiten: { ...tlvToekennen, startdatum: '2020-01-06' } },
  // The start (4.1) before a positive decision: refused for either school and the coordinator.
  terugplaatsing: { stap: { stap: '4.1', startdatum: vandaag() } },
};
/** A valid start per process, for a school's own BRIN or another's. */
const START: Record<string, (brin: string) => unknown> = {
  zorgplicht: (brin) => aanmelding({ school: { brin, naam: 'School', email: 'directie@school.example' } }),
  impasse: (brin) => impasseMelding({ school: { brin, naam: 'School' } }),
  tlv: (brin) => tlvAanvraag(brin),
  terugplaatsing: (brin) =>
    terugplaatsingStart({ school: { brin, naam: 'SBO', email: 'ib@sbo.example', regio: 'midden' } }),
  thuiszitter: (brin) => ({
    leerling: { naam: 'Quirijn Vandersnoek' },
    school: { brin, naam: 'School', email: 'directie@school.example', regio: 'midden' },
    ouders: [{ naam: 'Fenna Vandersnoek', email: 'fenna@ouders.example' }],
    sinds: vandaag(-7),
    reden: 'De leerling komt niet meer op school.',
    redenGroep: 'geen-passend-aanbod',
  }),
};

/** Runs `fn` over `items`, `n` at a time. */
async function parallel<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  const rij = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = rij.shift(); item !== undefined; item = rij.shift()) await fn(item);
    }),
  );
}

describe('authorisation matrix: every role × route × own and other case (real dev server, real worker)', () => {
  let h: Harness;
  const api = apiClient(() => h);
  const id = {} as Record<Zaak, string>;
  let geprobeerd = 0;
  const fouten: string[] = [];
  const probe = async (wat: string, res: request.Response, status: number) => {
    geprobeerd++;
    // Every route, every answer: no cache keeps children's data, no sniffing, no framing (issue 11 item 5).
    const kop = res.headers;
    if (
      kop['cache-control'] !== 'no-store' ||
      kop['x-content-type-options'] !== 'nosniff' ||
      !kop['content-security-policy']
    )
      fouten.push(`${wat}: beveiligingsheaders ontbreken`);
    if (res.status !== status) fouten.push(`${wat}: ${res.status} (verwacht ${status}) ${res.body?.detail ?? ''}`);
    else if (status >= 400) expectDutchProblem(res, status);
  };

  const ok = async (res: request.Response | Promise<request.Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const stap = (zaak: string, actie: string, body: unknown, rol: Role = 'coordinator') =>
    ok(api.act(zaak, actie, body, rol));
  const impasse = async (brin: string) =>
    (await ok(api.create('impasse', impasseMelding({ school: { brin, naam: 'School' } })))).id;
  /** E1 → E4 (coordinator, then the directeur), with the internal texts. */
  const naarE4 = async (zaak: string) => {
    await stap(zaak, 'escaleren', { naar: 'E2', reden: INTERN.e2, deelnemers: ['ouders', 'huidige-school'] });
    await stap(zaak, 'escaleren', {
      naar: 'E3',
      reden: INTERN.e3,
      advies: { school: deLinde, onderbouwing: INTERN.advies },
    });
    await stap(zaak, 'escaleren', { naar: 'E4', reden: INTERN.e4 }, 'directeur');
  };

  beforeAll(async () => {
    h = await startZakenHarness('inzage', [
      { token: D2, id: 'inzage-deskundige-2', naam: 'Deskundige 2', rol: 'deskundige', brins: [] },
      { token: D3, id: 'inzage-deskundige-3', naam: 'Deskundige 3', rol: 'deskundige', brins: [] },
    ]);
    /** A step by one of the two other deskundigen. */
    const door = (token: string, zaak: string, actie: string, body: unknown) =>
      ok(
        request(h.app)
          .post(`/api/v1/zaken/${zaak}/acties/${actie}`)
          .set('Authorization', `Bearer ${token}`)
          .send(body as object),
      );
    const tlv = async (brin: string) => (await ok(api.create('tlv', tlvAanvraag(brin)))).id as string;
    const zp = async (brin: string, overrides: Record<string, unknown> = {}) =>
      (
        await ok(
          api.create(
            'zorgplicht',
            aanmelding({ school: { brin, naam: 'School', email: 'directie@school.example' }, ...overrides }),
          ),
        )
      ).id as string;
    await Promise.all([
      (async () => {
        id.tlvOpen = await tlv('12AB');
        await door(D2, id.tlvOpen, 'beoordelen', tlvBeoordeling);
        id.tlvEigen = await tlv('34CD');
        await stap(id.tlvEigen, 'beoordelen', tlvBeoordeling, 'deskundige');
        await door(D2, id.tlvEigen, 'besluiten', tlvToekennen);
        id.tlvSppoh = (await ok(api.create('tlv', { ...tlvAanvraag('12AB'), beleid: 'sppoh' }))).id as string;
        id.tlvAnder = await tlv('34CD');
        await door(D2, id.tlvAnder, 'beoordelen', tlvBeoordeling);
        await door(D3, id.tlvAnder, 'besluiten', tlvToekennen);
      })(),
      (async () => {
        const tp = async (brin: string) =>
          (await ok(api.create('terugplaatsing', START.terugplaatsing(brin)))).id as string;
        id.tpEigen = await tp('12AB');
        // 12AB is found as the receiving school of 34CD's pupil: it takes part.
        id.tpBetrokken = await tp('34CD');
        const ontvangend = { brin: '12AB', naam: 'Basisschool 12AB' };
        await stap(id.tpBetrokken, 'stap', stap12);
        await stap(id.tpBetrokken, 'stap', stap13());
        await stap(id.tpBetrokken, 'stap', { stap: '2.1', school: ontvangend });
        await stap(id.tpBetrokken, 'toestemming', toestemmingVoor(ontvangend));
        await stap(id.tpBetrokken, 'stap', { stap: '2.2', school: ontvangend });
        await stap(id.tpBetrokken, 'stap', { stap: '2.3', school: ontvangend });
      })(),
      (async () => {
        const tz = async (body: unknown) => (await ok(api.create('thuiszitter', body))).id as string;
        id.tzEigen = await tz(START.thuiszitter('12AB'));
        id.tzAnder = await tz(START.thuiszitter('34CD'));
        id.tzLaat = await tz({ ...(START.thuiszitter('12AB') as object), school: undefined, sinds: vandaag(-120) });
      })(),
      (async () => {
        id.zpEigen = await zp('12AB');
        id.zpAnder = await zp('34CD');
        id.zpLaat = await zp('34CD', { aanmelddatum: vandaag(-84) });
      })(),
      (async () => {
        id.zpImpasse = await zp('12AB');
        await stap(id.zpImpasse, 'impasse-melden', { reden: 'Geen passende plek binnen de school.' }, 'school');
        id.imEigen = `${id.zpImpasse}-impasse`;
        await waitFor(async () => ((await api.get(id.imEigen)).status === 200 ? true : undefined), 15_000);
        await naarE4(id.imEigen);
        await stap(id.imEigen, 'vastleggen', { soort: 'ondersteuningsaanbod', tekst: INTERN.notitie }, 'directeur');
      })(),
      (async () => {
        id.imDb = await impasse('34CD');
        await naarE4(id.imDb);
        await stap(id.imDb, 'escaleren', { naar: 'E5', reden: 'Geen vrijwillige plaatsing.' }, 'directeur');
      })(),
      (async () => {
        id.imDbDicht = await impasse('56EF');
        await naarE4(id.imDbDicht);
        await stap(id.imDbDicht, 'escaleren', { naar: 'E5', reden: 'Geen vrijwillige plaatsing.' }, 'directeur');
        await stap(id.imDbDicht, 'plaatsen', { school: deLinde, reden: 'Het bestuur plaatst.' }, 'bestuur');
      })(),
      (async () => {
        id.imE7 = await impasse('56EF');
        await naarE4(id.imE7);
        await stap(id.imE7, 'escaleren', { naar: 'E5', reden: 'Geen vrijwillige plaatsing.' }, 'directeur');
        await stap(id.imE7, 'escaleren', { naar: 'E6', reden: 'Een derde kijkt mee.', derde: 'Mr. Derde' }, 'bestuur');
        const besluit = { adviesDerde: 'De Linde past het best.', school: deLinde, reden: 'Bindend.' };
        await stap(id.imE7, 'bindend-besluit', besluit, 'bestuur');
        await stap(id.imE7, 'ouders-reactie', { akkoord: false, reden: 'Niet akkoord.' }, 'directeur');
      })(),
      (async () => {
        id.imE7ZonderDb = await impasse('78GH');
        await stap(id.imE7ZonderDb, 'escaleren', { naar: 'E2', reden: INTERN.e2, deelnemers: ['ouders'] });
        const advies = { school: deLinde, onderbouwing: INTERN.advies };
        await stap(id.imE7ZonderDb, 'escaleren', { naar: 'E3', reden: INTERN.e3, advies });
        await stap(id.imE7ZonderDb, 'ouders-reactie', { akkoord: false, reden: 'Niet akkoord.' }, 'directeur');
      })(),
    ]);
    // The case placed by law, and every case in the coordinator's list (visibility follows the workflows).
    await waitFor(
      async () => ((await api.get(id.zpLaat)).body.status === 'tijdelijk-geplaatst' ? true : undefined),
      20_000,
    );
    await waitFor(
      async () => ((await api.get(id.tzLaat)).body.status === 'streefdatum-verstreken' ? true : undefined),
      20_000,
    );
    await waitFor(async () => {
      const rijen = (await api.list('/api/v1/zaken?limiet=200')).body.zaken as { id: string; status: string }[];
      const laat = rijen.find((r) => r.id === id.zpLaat);
      return Object.values(id).every((z) => rijen.some((r) => r.id === z)) && laat?.status === 'tijdelijk-geplaatst'
        ? true
        : undefined;
    }, 20_000);
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });
  beforeEach(() => {
    fouten.length = 0;
  });

  it('knows every route of the OpenAPI document, every role and every process', async () => {
    const doc = (await request(h.app).get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).flatMap(([pad, methods]) => Object.keys(methods).map((m) => `${m} ${pad}`));
    const onbekend = ops.filter((op) => soort(op) === undefined);
    expect(onbekend).toEqual([]);
    expect(Object.keys(LEZERS).length).toBeGreaterThan(0);
    for (const z of Object.keys(LEZERS) as Zaak[]) for (const r of LEZERS[z]) expect(roles).toContain(r);
    // A process without a case here would go unprobed.
    const types = new Set(Object.values(id).map((z) => register.vanZaak(z).type));
    expect([...types].sort()).toEqual(processen.map((p) => p.type).sort());
    for (const p of processen) expect(START[p.type]).toBeDefined();
  });

  /** The matrix's row for an OpenAPI operation. */
  function soort(op: string): string | undefined {
    if (op === 'get /api/v1/zaken/{id}') return 'lezen';
    if (op === 'get /api/v1/zaken') return 'lijst';
    if (op === `get ${IMPASSES}`) return 'impasses';
    if (op === 'get /api/v1/rapportages/terugplaatsingen' || op === 'get /api/v1/rapportages/thuiszitters')
      return 'rapportage';
    if (op === 'get /api/v1/ik') return 'ik';
    if (op === 'get /api/v1/beleid' || op === 'get /api/v1/beleid/{code}') return 'beleid';
    if (op === 'get /api/v1/zaken/{id}/beleid') return 'zaakbeleid';
    if (op === 'get /health' || op === 'get /health/ready') return 'publiek';
    if (/^post \/api\/v1\/zaken\/\{id\}\/acties\/[a-z-]+$/.test(op)) return 'actie';
    const start = /^post \/api\/v1\/zaken\/([a-z]+)$/.exec(op);
    if (start && processen.some((p) => p.type === start[1])) return 'start';
    return undefined;
  }

  it('GET /api/v1/zaken/{id}: each role reads what it needs to know, the rest is 404 like an unknown id', async () => {
    const zaken = Object.keys(LEZERS) as Zaak[];
    await parallel(
      roles.flatMap((rol) => zaken.map((z) => [rol, z] as const)),
      6,
      async ([rol, z]) => {
        const res = await api.get(id[z], rol);
        await probe(`${rol} leest ${z}`, res, LEZERS[z].includes(rol) ? 200 : 404);
        if (res.status === 404) expect(res.body.detail).toBe('Deze zaak bestaat niet.');
      },
    );
    for (const rol of roles)
      await probe(`${rol} leest onbekend`, await api.get('zp-00000000-0000-0000-0000-000000000000', rol), 404);
    expect(fouten).toEqual([]);
  });

  it("a school reads its impasse without the SWV's deliberations; the coordinator and the DB read them", async () => {
    const school = (await api.get(id.imEigen, 'school')).body;
    const json = JSON.stringify(school);
    for (const tekst of Object.values(INTERN)) expect(json).not.toContain(tekst);
    expect(school.advies).toBeUndefined();
    const soorten = school.tijdlijn.map((t: { soort: string }) => t.soort);
    // The rungs stay as facts (the school's own terms run on), the notes go.
    expect(soorten).toEqual(expect.arrayContaining(['gemeld', 'niveau:E2', 'niveau:E3', 'niveau:E4']));
    expect(soorten.filter((s: string) => s.startsWith('notitie:'))).toEqual([]);
    for (const t of school.tijdlijn.filter((t: { soort: string }) => t.soort.startsWith('niveau:'))) {
      expect(t).toEqual({
        op: expect.any(String),
        soort: t.soort,
        omschrijving: expect.any(String),
        door: expect.any(Object),
      });
    }
    expect(school).toEqual(
      expect.objectContaining({ id: id.imEigen, niveau: 'E4', school: { brin: '12AB', naam: 'School' } }),
    );

    for (const [rol, zaak] of [
      ['coordinator', 'imEigen'],
      ['directeur', 'imEigen'],
      ['bestuur', 'imDb'],
    ] as const) {
      const v = (await api.get(id[zaak], rol)).body;
      expect(v.advies).toEqual({ school: deLinde, onderbouwing: INTERN.advies });
      expect(JSON.stringify(v)).toContain(INTERN.e3);
    }
    expect(JSON.stringify((await api.get(id.imEigen, 'coordinator')).body)).toContain(INTERN.notitie);
  });

  it('the directeur reads a stuck zorgplicht case without personal data: where, since when, how far past the term', async () => {
    for (const z of ['zpLaat', 'zpImpasse'] as const) {
      const v = (await api.get(id[z], 'directeur')).body;
      const json = JSON.stringify(v);
      for (const p of PERSOONLIJK) expect(json).not.toContain(p);
      expect(v.leerling).toBeUndefined();
      expect(v).toEqual(
        expect.objectContaining({
          id: id[z],
          type: 'zorgplicht',
          school: expect.objectContaining({ brin: expect.any(String) }),
        }),
      );
      expect(v.deadlines.length).toBeGreaterThan(0);
      for (const t of v.tijdlijn) expect(Object.keys(t).sort()).toEqual(['op', 'soort']);
      // The coordinator's view of the same case has them.
      expect(JSON.stringify((await api.get(id[z])).body)).toContain('Vandersnoek');
    }
    expect((await api.get(id.zpLaat, 'directeur')).body.status).toBe('tijdelijk-geplaatst');
    expect((await api.get(id.zpImpasse, 'directeur')).body.impasse).toEqual({
      zaakId: id.imEigen,
      op: expect.any(String),
    });
  });

  it('GET /api/v1/zaken and GET /api/v1/impasses list exactly what each role reads', async () => {
    const eigen = new Set(Object.values(id));
    for (const rol of roles) {
      const verwacht = (Object.keys(LEZERS) as Zaak[])
        .filter((z) => LEZERS[z].includes(rol))
        .map((z) => id[z])
        .sort();
      const zaken = await waitFor(async () => {
        const res = await api.list('/api/v1/zaken?limiet=200', rol);
        await probe(`${rol} lijst zaken`, res, 200);
        const gezien = (res.body.zaken as { id: string }[])
          .map((r) => r.id)
          .filter((z) => eigen.has(z))
          .sort();
        return JSON.stringify(gezien) === JSON.stringify(verwacht) ? gezien : undefined;
      }, 15_000).catch(() => 'anders');
      expect({ rol, zaken }).toEqual({ rol, zaken: verwacht });

      const mag = ROUTE_ROLLEN.impasses.includes(rol);
      const res = await api.list(`${IMPASSES}?limiet=500`, rol);
      await probe(`${rol} lijst impasses`, res, mag ? 200 : 403);
      if (!mag) continue;
      const open = OPEN_IMPASSES.filter((z) => LEZERS[z].includes(rol))
        .map((z) => id[z])
        .sort();
      const gezien = (res.body.impasses as { id: string }[])
        .map((r) => r.id)
        .filter((z) => eigen.has(z))
        .sort();
      expect({ rol, gezien }).toEqual({ rol, gezien: open });
    }
    expect(fouten).toEqual([]);
  });

  it('POST /api/v1/zaken/{id}/acties/*: every action × role × case is 404 unless the role reads the case, then 403, 400 or 409; nothing changes', async () => {
    const zaken = Object.keys(LEZERS) as Zaak[];
    const voor = await Promise.all(zaken.map(async (z) => (await api.get(id[z])).body));
    const acties = [...register.actiesPerNaam().keys()];
    const gevallen = roles.flatMap((rol) =>
      zaken.flatMap((z) =>
        acties.flatMap((actie) => {
          const geweigerd = GEWEIGERD_IN[register.vanZaak(id[z]).type]?.[actie] ?? GEWEIGERD[actie];
          return [
            { rol, z, actie, body: {} as unknown, leeg: true },
            ...(geweigerd ? [{ rol, z, actie, body: geweigerd, leeg: false }] : []),
          ];
        }),
      ),
    );
    await parallel(gevallen, 8, async ({ rol, z, actie, body, leeg }) => {
      const proces = register.vanZaak(id[z]);
      // Who decides a TLV is its policy's route: the 2nd deskundige (SPOW), the directeur (SPPOH).
      const actieRollen =
        proces.type === 'tlv' && actie === 'besluiten'
          ? z === 'tlvSppoh'
            ? ['directeur']
            : ['deskundige']
          : proces.acties[actie]?.rollen;
      const status = !(actie in proces.acties)
        ? 404
        : !LEZERS[z].includes(rol)
          ? 404
          : !proces.rollen.includes(rol)
            ? 403
            : leeg
              ? 400
              : actieRollen && !actieRollen.includes(rol)
                ? 403
                : 409;
      const res = await api.act(id[z], actie, body, rol);
      await probe(`${rol} ${actie}${leeg ? ' {}' : ''} op ${z}`, res, status);
      if (status === 404 && actie in proces.acties) expect(res.body.detail).toBe('Deze zaak bestaat niet.');
    });
    expect(fouten).toEqual([]);
    const na = await Promise.all(zaken.map(async (z) => (await api.get(id[z])).body));
    expect(na.map((v) => v.tijdlijn.length)).toEqual(voor.map((v) => v.tijdlijn.length));
    expect(na.map((v) => v.status)).toEqual(voor.map((v) => v.status));
  });

  it("an action's answer is the case as its actor reads it (the same as GET)", async () => {
    const gesprek = { datum: vandaag(-1), wie: 'IB-er en ouders', verslag: 'Gesprek over de hulpvraag.' };
    const antwoord = await stap(id.zpEigen, 'oudergesprek', gesprek, 'school');
    expect(antwoord).toEqual((await api.get(id.zpEigen, 'school')).body);
    const e5 = await stap(id.imEigen, 'escaleren', { naar: 'E5', reden: 'Geen vrijwillige plaatsing.' }, 'directeur');
    expect(e5).toEqual((await api.get(id.imEigen, 'directeur')).body);
    // Now on the DB's rung: the DB reads it; the school still without the deliberations.
    expect((await api.get(id.imEigen, 'bestuur')).status).toBe(200);
    expect(JSON.stringify((await api.get(id.imEigen, 'school')).body)).not.toContain(INTERN.advies);
  });

  it('POST /api/v1/zaken/{type}: each role × own and other BRIN', async () => {
    await parallel(
      processen.flatMap((p) => roles.flatMap((rol) => ['12AB', '34CD'].map((brin) => ({ p, rol, brin })))),
      4,
      async ({ p, rol, brin }) => {
        const mag = p.start.rollen.includes(rol) && (rol !== 'school' || brin === '12AB');
        const res = await api.create(p.type, START[p.type](brin), rol);
        await probe(`${rol} start ${p.type} voor ${brin}`, res, mag ? 201 : 403);
      },
    );
    expect(fouten).toEqual([]);
  });

  it('GET /api/v1/rapportages/*: the coordinator and the directeur, no one else', async () => {
    for (const rol of roles) {
      const res = await api.list('/api/v1/rapportages/terugplaatsingen?beleid=spow', rol);
      await probe(`${rol} rapportage terugplaatsingen`, res, ROUTE_ROLLEN.rapportage.includes(rol) ? 200 : 403);
      const tz = await api.list(
        `/api/v1/rapportages/thuiszitters?beleid=wet&van=${vandaag(-30)}&tot=${vandaag()}`,
        rol,
      );
      await probe(`${rol} rapportage thuiszitters`, tz, ROUTE_ROLLEN.rapportage.includes(rol) ? 200 : 403);
    }
    expect(fouten).toEqual([]);
  });

  it("GET /api/v1/beleid: every role reads the policies; a case's versions and the preview of a move only the coordinator", async () => {
    for (const rol of roles) {
      await probe(`${rol} beleid`, await api.list('/api/v1/beleid', rol), 200);
      await probe(`${rol} beleid sppoh`, await api.list('/api/v1/beleid/sppoh', rol), 200);
      const mag = ROUTE_ROLLEN.zaakbeleid.includes(rol);
      await probe(
        `${rol} beleid van een zaak`,
        await api.list(`/api/v1/zaken/${id.tlvOpen}/beleid`, rol),
        mag ? 200 : 403,
      );
    }
    await probe('onbekend beleid', await api.list('/api/v1/beleid/haaglanden'), 404);
    expect(fouten).toEqual([]);
  });

  it('GET /api/v1/ik and the public routes', async () => {
    for (const rol of roles) await probe(`${rol} ik`, await request(h.app).get('/api/v1/ik').set(api.auth(rol)), 200);
    for (const pad of ['/health', '/health/ready']) {
      const res = await request(h.app).get(pad);
      geprobeerd++;
      expect([200, 503]).toContain(res.status);
    }
    expect(fouten).toEqual([]);
    // The size of the matrix, for the record.
    console.log(`autorisatiematrix: ${geprobeerd} verzoeken`);
  });
});

describe('the rules without a server (src/auth/inzage.ts)', () => {
  const deskundige = { id: 'd-1', naam: 'Deskundige', rol: 'deskundige' as const, brins: [] };

  it('a deskundige reads a TLV waiting for one (the pool) or naming them, and nothing else', () => {
    const view = { type: 'tlv', status: 'toegekend', deskundigen: [{ id: 'd-1' }] };
    expect(magLezen(deskundige, view, processen)).toBe(true);
    expect(magLezen({ ...deskundige, id: 'd-2' }, view, processen)).toBe(false);
    expect(magLezen({ ...deskundige, id: 'd-2' }, { ...view, status: 'in-beoordeling' }, processen)).toBe(true);
    expect(magLezen(deskundige, { ...view, type: 'zorgplicht' }, processen)).toBe(false);
    expect(magLezenVolgensIndex(deskundige, { type: 'tlv', status: 'toegekend' }, processen)).toBe('zaak');
    expect(magLezenVolgensIndex(deskundige, { type: 'tlv', status: 'in-beoordeling' }, processen)).toBe(true);
    expect(magLezenVolgensIndex(deskundige, { type: 'impasse', status: 'open' }, processen)).toBe(false);
    expect(lijstFilter(deskundige, processen)).toBe("(ZaakType = 'tlv')");
  });

  it("a process's internal work is its own declaration and each action's; 'weg' wins over 'tekst'", () => {
    const impasse = processen.find((p) => p.type === 'impasse')!;
    expect(internVan(impasse)).toEqual({
      velden: ['advies', 'bindendBesluit.adviesDerde'],
      tijdlijn: { 'niveau:': 'tekst', 'notitie:': 'weg' },
    });
    const beide = { ...impasse, inzage: { intern: { tijdlijn: { 'niveau:': 'weg' as const } } } } as ProcesDefinitie;
    expect(internVan(beide).tijdlijn['niveau:']).toBe('weg');
  });

  it('the DB reads an impasse on E7 only when it passed the DB: the index cannot tell, the case can', () => {
    const db = { id: 'db', naam: 'DB', rol: 'bestuur' as const, brins: [] };
    expect(magLezenVolgensIndex(db, { type: 'impasse', niveau: 'E5' }, processen)).toBe(true);
    expect(magLezenVolgensIndex(db, { type: 'impasse', niveau: 'E4' }, processen)).toBe(false);
    expect(magLezenVolgensIndex(db, { type: 'impasse', niveau: 'E7' }, processen)).toBe('zaak');
    const e7 = (soorten: string[]) => ({
      type: 'impasse',
      status: 'open',
      niveau: 'E7',
      tijdlijn: soorten.map((soort) => ({ soort })),
    });
    expect(magLezen(db, e7(['gemeld', 'niveau:E2', 'niveau:E3', 'niveau:E7']), processen)).toBe(false);
    expect(magLezen(db, e7(['gemeld', 'niveau:E5', 'niveau:E6', 'niveau:E7']), processen)).toBe(true);
  });

  it("a terugplaatsing's receiving school reads its own part: not the other schools, earlier rounds or stap 1's notes", () => {
    const door = { id: 'ib-11sb', naam: 'IB', rol: 'school' as const };
    const ronde = '2026-11-10T10:00:00.000Z';
    const view = {
      type: 'terugplaatsing',
      status: 'verkenning',
      school: { brin: '11SB', naam: 'SBO De Wissel' },
      betrokkenScholen: ['22BA'],
      rondeSinds: ronde,
      toestemmingen: [{ school: { brin: '33CC', naam: 'De Sterren' } }, { school: { brin: '22BA', naam: 'De Linde' } }],
      eerdereRondes: [{ school: { brin: '33CC', naam: 'De Sterren' }, reden: 'vol', op: ronde }],
      checklist: [
        {
          stap: '1.2',
          status: 'gedaan',
          door,
          op: '2026-11-02T09:00:00.000Z',
          reden: 'INTERN-1.2 notitie van het SBO',
        },
        {
          stap: '2.1',
          status: 'gedaan',
          door,
          op: '2026-11-12T09:00:00.000Z',
          scholen: [
            { brin: '22BA', naam: 'De Linde', op: '2026-11-11T09:00:00.000Z' },
            { brin: '33CC', naam: 'De Sterren', op: '2026-11-12T09:00:00.000Z' },
          ],
        },
      ],
      tijdlijn: [
        { op: '2026-11-02T09:00:00.000Z', soort: 'stap:1.2', omschrijving: 'Intern onderzoek', reden: 'INTERN-1.2' },
        {
          op: '2026-11-03T09:00:00.000Z',
          soort: 'stap:2.1',
          omschrijving: 'Contact met De Sterren',
          gegevens: { school: '33CC' },
        },
        { op: '2026-11-04T09:00:00.000Z', soort: 'plaatsingstafel:geplaatst', omschrijving: 'plaatst op De Sterren' },
        { op: '2026-11-05T09:00:00.000Z', soort: 'stap:2.6', omschrijving: 'De ouders bezochten De Sterren' },
        { op: ronde, soort: 'stap:3.3', omschrijving: 'Besluit negatief: De Sterren plaatst niet' },
        {
          op: '2026-11-11T09:00:00.000Z',
          soort: 'stap:2.1',
          omschrijving: 'Contact met De Linde',
          gegevens: { school: '22BA' },
        },
        {
          op: '2026-11-12T09:00:00.000Z',
          soort: 'stap:2.3',
          omschrijving: 'Gevonden: De Linde',
          gegevens: { school: '22BA' },
        },
        { op: '2026-11-13T09:00:00.000Z', soort: 'stap:2.6', omschrijving: 'De ouders bezochten De Linde' },
      ],
    };
    const school = (brins: string[]) => ({ id: 's', naam: 'School', rol: 'school' as const, brins });
    const ontvangend = zichtVoor(school(['22BA']), view, processen);
    expect(JSON.stringify(ontvangend)).not.toMatch(/De Sterren|33CC|INTERN/);
    expect(ontvangend.tijdlijn.map((i) => i.omschrijving)).toEqual([
      'Intern onderzoek',
      'Contact met De Linde',
      'Gevonden: De Linde',
      'De ouders bezochten De Linde',
    ]);
    expect(ontvangend.checklist[1]).toEqual({
      stap: '2.1',
      status: 'gedaan',
      op: '2026-11-11T09:00:00.000Z',
      scholen: [{ brin: '22BA', naam: 'De Linde', op: '2026-11-11T09:00:00.000Z' }],
    });
    // The S(B)O school reads its own case whole.
    expect(zichtVoor(school(['11SB']), view, processen)).toEqual(view);
  });
});
