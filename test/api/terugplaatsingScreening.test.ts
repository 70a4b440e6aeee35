/**
 * The screening moments of the terugplaatsingsbeleid (issue 13; seed 001 L2047–2052) on a real stack
 * (zakenHarness: dev server, the product's worker, SMTP): TLVs granted through the API, then the
 * reminder activity as the workflow calls it on a screening moment. Each S(B)O school with TLVs of
 * the SWV in force gets one message, to the school and to the coordinator of its cases (one e-mail
 * per role), listing its pupils; another SWV's TLVs stay out; a rerun sends nothing new. And the
 * worker's idempotent start of one screening workflow per policy.
 */
import request from 'supertest';
import { createActivities } from '../../src/activities';
import { addSchoolYears, schoolYearOf } from '../../src/domain';
import { policies } from '../../src/domain/policies';
import { openGrootboek } from '../../src/mail/grootboek';
import { Outbox } from '../../src/mail/outbox';
import { ensureTerugplaatsingScreening, screeningId } from '../../src/temporal/screening';
import { screeningPlanningQuery } from '../../src/workflows/terugplaatsingScreening';
import { waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { COORDINATOR_EMAIL, readMails, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const TWEEDE = 'test-deskundige-2-0123456789abcdef';
let h: Harness;
const api = apiClient(() => h);

const deVaart = { brin: '56EF', naam: 'SBO De Vaart', email: 'directie@devaart.example' };
// No BRIN: the key falls back to a hash of its address.
const deHorizon = { naam: 'SO De Horizon', email: 'ib@dehorizon.example' };
// The coordinator of the De Horizon case: the case's own address, not the SWV's mailbox.
const OA_HORIZON = 'oa-horizon@swv.example';
const eindeVolgendJaar = addSchoolYears(schoolYearOf(vandaag(1)), 1).end;

async function toegekendeTlv(
  naam: string,
  beleid: string,
  sbo: object,
  extra: Record<string, unknown> = {},
  besluitExtra: Record<string, unknown> = {},
): Promise<string> {
  const aanvraag = tlvAanvraag('12AB');
  const res = await api.create('tlv', { ...aanvraag, leerling: { naam, groep: 5 }, beleid, ...extra });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  expect((await api.act(id, 'beoordelen', tlvBeoordeling, 'deskundige')).status).toBe(200);
  const besluit = await request(h.app)
    .post(`/api/v1/zaken/${id}/acties/besluiten`)
    .set({ Authorization: `Bearer ${TWEEDE}` })
    .send({ ...tlvToekennen, startdatum: vandaag(1), school: sbo, ...besluitExtra });
  expect(besluit.status).toBe(200);
  expect(besluit.body.status).toBe('toegekend');
  return id;
}

beforeAll(async () => {
  h = await startZakenHarness('terugplaatsing-screening', [
    { token: TWEEDE, id: 'dev-deskundige-2', naam: 'Tweede deskundige (test)', rol: 'deskundige', brins: [] },
  ]);
}, 120_000);
afterAll(() => h?.teardown());

describe('the screening moments of the terugplaatsingsbeleid (real dev server, real SMTP)', () => {
  it('mails each S(B)O school of the SWV its pupils, to the school and the coordinator; a rerun sends nothing new', async () => {
    const anna = await toegekendeTlv('Anna Screeningleerling', 'spow', deVaart);
    const bram = await toegekendeTlv('Bram Screeningleerling', 'spow', deVaart);
    const carla = await toegekendeTlv('Carla Screeningleerling', 'spow', deHorizon, { coordinatorEmail: OA_HORIZON });
    // Another SWV's TLV at the same S(B)O school: not in the spow screening.
    // The law itself sets no duration: the SWV does (art. 18a WPO), so the 'wet' decision names an end date.
    const daan = await toegekendeTlv('Daan Wetleerling', 'wet', deVaart, {}, { einddatum: eindeVolgendJaar });

    // Visibility follows the cases a moment later.
    const aantalToegekend = async (beleid: string) => {
      let n = 0;
      for await (const _ of h.client.workflow.list({
        query: `ZaakType = 'tlv' AND SwvCode = '${beleid}' AND ZaakStatus = 'toegekend'`,
      }))
        n++;
      return n;
    };
    await waitFor(async () => ((await aantalToegekend('spow')) === 3 ? true : undefined), 15_000);
    await waitFor(async () => ((await aantalToegekend('wet')) === 1 ? true : undefined), 15_000);

    const outbox = new Outbox(h.config.smtpUrl, h.config.mailFrom, await openGrootboek(h.config));
    try {
      const { herinnerScreening } = createActivities({
        outbox,
        mailboxes: { coordinator: COORDINATOR_EMAIL },
        client: async () => h.client,
      });
      const opdracht = { beleid: 'spow', datum: vandaag(), regel: 'test' };
      const screenings = () =>
        readMails(h.mailDir).filter((m) => m.subject.startsWith('Screeningsmoment terugplaatsing'));
      // Two schools, one message each; each message one e-mail to the school and one to the coordinator.
      expect(await herinnerScreening(opdracht)).toEqual({
        beleid: 'spow',
        datum: vandaag(),
        zaken: 3,
        scholen: 2,
        verzonden: 4,
        alVerzonden: 0,
        nietBeantwoord: [],
        nietBereikt: 0,
      });

      const mails = await waitFor(async () => {
        const m = screenings();
        return m.length >= 4 ? m : undefined;
      }, 10_000);
      expect(mails).toHaveLength(4);
      const aan = (adres: string) => mails.filter((m) => m.to.includes(adres));
      expect([deVaart.email, deHorizon.email, COORDINATOR_EMAIL, OA_HORIZON].map((a) => aan(a).length)).toEqual([
        1, 1, 1, 1,
      ]);
      const [vaart] = aan(deVaart.email);
      const [vaartOa] = aan(COORDINATOR_EMAIL);
      const [horizon] = aan(deHorizon.email);
      const [horizonOa] = aan(OA_HORIZON);

      // Subjects name the school and the count, never a pupil.
      for (const m of mails) expect(m.subject).not.toMatch(/Anna|Bram|Carla|Daan/);
      expect(vaart.subject).toContain('2 leerling(en) met een TLV bij SBO De Vaart');
      expect(horizon.subject).toContain('1 leerling(en) met een TLV bij SO De Horizon');
      // The school and its coordinator see the same list: its own pupils and case ids, no other SWV's.
      for (const m of [vaart, vaartOa]) {
        expect(m.body).toContain('Anna Screeningleerling');
        expect(m.body).toContain(anna);
        expect(m.body).toContain('Bram Screeningleerling');
        expect(m.body).toContain(bram);
        expect(m.body).toContain('(test)');
        expect(m.body).not.toMatch(/Carla|Daan/);
        expect(m.body).not.toContain(carla);
        expect(m.body).not.toContain(daan);
      }
      for (const m of [horizon, horizonOa]) {
        expect(m.body).toContain('Carla Screeningleerling');
        expect(m.body).toContain(carla);
        expect(m.body).not.toMatch(/Anna|Bram|Daan/);
      }
      // Sorted by name: Anna before Bram.
      expect(vaart.body.indexOf('Anna')).toBeLessThan(vaart.body.indexOf('Bram'));
      for (const m of mails) expect(m.body).not.toContain(daan);

      // The workflow's retry, or a second run for the same moment: every key was sent already.
      expect(await herinnerScreening(opdracht)).toEqual(
        expect.objectContaining({ zaken: 3, scholen: 2, verzonden: 0, alVerzonden: 4 }),
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(screenings()).toHaveLength(4);

      // The 'wet' SWV's moment reaches only its own TLV, at De Vaart.
      expect(await herinnerScreening({ beleid: 'wet', datum: vandaag(), regel: 'test' })).toEqual(
        expect.objectContaining({ beleid: 'wet', zaken: 1, scholen: 1, verzonden: 2, alVerzonden: 0 }),
      );
      const wet = await waitFor(async () => {
        const m = screenings();
        return m.length >= 6 ? m.slice(4) : undefined;
      }, 10_000);
      expect(wet.map((m) => m.to).sort()).toEqual([COORDINATOR_EMAIL, deVaart.email].sort());
      for (const m of wet) {
        expect(m.body).toContain(daan);
        expect(m.body).not.toMatch(/Anna|Bram|Carla/);
      }
    } finally {
      await outbox.close();
    }
  });

  it('the worker starts one screening workflow per policy, once', async () => {
    const codes = Object.keys(policies);
    expect(codes).toEqual(expect.arrayContaining(['wet', 'spow']));
    const alle = (s: string) => Object.fromEntries(codes.map((c) => [c, s]));
    expect(await ensureTerugplaatsingScreening(h.client, h.config.taskQueue)).toEqual(alle('gestart'));
    expect(await ensureTerugplaatsingScreening(h.client, h.config.taskQueue)).toEqual(alle('draait al'));
    expect(screeningId('spow')).toBe('terugplaatsing-screening-spow');
    const plan = await waitFor(
      () => h.client.workflow.getHandle(screeningId('spow')).query(screeningPlanningQuery),
      15_000,
    );
    expect(plan).toEqual(
      expect.objectContaining({
        beleid: 'spow',
        regel: expect.stringContaining('screeningsmoment'),
        tijdstip: expect.stringMatching(/T0[67]:00:00/),
      }),
    );
    // The next moment: today (when today is one) or later; never a past day.
    expect(plan.datum >= vandaag()).toBe(true);
  });
});
