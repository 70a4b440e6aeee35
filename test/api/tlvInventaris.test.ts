/**
 * The yearly TLV inventory on a real stack (zakenHarness: dev server, the product's worker, SMTP):
 * TLVs granted through the API, then the inventory activity as the workflow calls it on the first
 * school day. One mail per S(B)O school and one to the coordinator, with the TLVs of that region
 * ending in the school year only; a rerun sends nothing new. And the worker's idempotent start of
 * the three regional workflows.
 */
import request from 'supertest';
import { createActivities } from '../../src/activities';
import { addSchoolYears, schoolYearOf } from '../../src/domain';
import { openGrootboek } from '../../src/mail/grootboek';
import { Outbox } from '../../src/mail/outbox';
import { ensureTlvInventaris } from '../../src/temporal/inventaris';
import { tlvInventarisPlanningQuery } from '../../src/workflows/tlvInventaris';
import { waitFor } from '../helpers/api';
import { apiClient } from '../helpers/apiClient';
import { tlvAanvraag, tlvBeoordeling, tlvToekennen } from '../helpers/tlvApi';
import { COORDINATOR_EMAIL, readMails, startZakenHarness, vandaag, type Harness } from '../helpers/zakenHarness';

const TWEEDE = 'test-deskundige-2-0123456789abcdef';
let h: Harness;
const api = apiClient(() => h);

// Next school year: its end lies at least a year after the transfer date, whatever today is.
const sy = addSchoolYears(schoolYearOf(vandaag(1)), 1);
const later = addSchoolYears(sy, 1);
const deVaart = { brin: '56EF', naam: 'SBO De Vaart', email: 'directie@devaart.example' };
const deHorizon = { naam: 'SO De Horizon', email: 'ib@dehorizon.example' };

async function toegekendeTlv(naam: string, regio: string, sbo: object, einddatum: string): Promise<string> {
  const aanvraag = tlvAanvraag('12AB');
  const res = await api.create('tlv', {
    ...aanvraag,
    leerling: { naam, groep: 5 },
    school: { ...aanvraag.school, regio },
  });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  expect((await api.act(id, 'beoordelen', tlvBeoordeling, 'deskundige')).status).toBe(200);
  const besluit = await request(h.app)
    .post(`/api/v1/zaken/${id}/acties/besluiten`)
    .set({ Authorization: `Bearer ${TWEEDE}` })
    .send({
      ...tlvToekennen,
      startdatum: vandaag(1),
      school: sbo,
      einddatum,
      afwijkingReden: 'Afgesproken met de S(B)O-school en de ouders',
    });
  expect(besluit.status).toBe(200);
  expect(besluit.body.tlv.einddatum).toBe(einddatum);
  return id;
}

beforeAll(async () => {
  h = await startZakenHarness('tlv-inventaris', [
    { token: TWEEDE, id: 'dev-deskundige-2', naam: 'Tweede deskundige (test)', rol: 'deskundige', brins: [] },
  ]);
}, 120_000);
afterAll(() => h?.teardown());

describe('the yearly TLV inventory (real dev server, real SMTP)', () => {
  it('mails each S(B)O school its pupils and the coordinator all of them; a rerun sends nothing new', async () => {
    const anna = await toegekendeTlv('Anna Inventarisleerling', 'noord', deVaart, sy.end);
    const bram = await toegekendeTlv('Bram Inventarisleerling', 'noord', deHorizon, sy.end);
    await toegekendeTlv('Carla Laterleerling', 'noord', deVaart, later.end);
    await toegekendeTlv('Daan Zuidleerling', 'zuid', deVaart, sy.end);

    // Visibility follows the cases a moment later.
    await waitFor(async () => {
      const ids: string[] = [];
      for await (const wf of h.client.workflow.list({ query: `Regio = 'noord' AND Einddatum = '${sy.end}'` }))
        ids.push(wf.workflowId);
      return ids.length === 2 ? ids : undefined;
    }, 15_000);

    const outbox = new Outbox(h.config.smtpUrl, h.config.mailFrom, await openGrootboek(h.config));
    try {
      const { inventariseerTlvs } = createActivities({
        outbox,
        mailboxes: { coordinator: COORDINATOR_EMAIL },
        client: async () => h.client,
      });
      const opdracht = {
        regio: 'noord' as const,
        schooljaar: sy.label,
        eersteSchooldag: vandaag(1),
        regel: 'eerste schooldag na de zomervakantie regio noord',
      };
      const inventarissen = () => readMails(h.mailDir).filter((m) => m.subject.startsWith('TLV-inventarisatie'));
      expect(await inventariseerTlvs(opdracht)).toEqual({
        regio: 'noord',
        schooljaar: sy.label,
        zaken: 2,
        scholen: 2,
        verzonden: 3,
        alVerzonden: 0,
        nietBeantwoord: [],
        nietBereikt: 0,
      });

      const mails = await waitFor(async () => {
        const m = inventarissen();
        return m.length >= 3 ? m : undefined;
      }, 10_000);
      expect(mails).toHaveLength(3);
      const aan = (adres: string) => mails.filter((m) => m.to.includes(adres));
      const [vaart] = aan(deVaart.email);
      const [horizon] = aan(deHorizon.email);
      const [coordinator] = aan(COORDINATOR_EMAIL);
      expect([aan(deVaart.email), aan(deHorizon.email), aan(COORDINATOR_EMAIL)].map((l) => l.length)).toEqual([
        1, 1, 1,
      ]);
      // Subjects carry no names; the school sees its own pupils, the coordinator all of them.
      for (const m of mails) expect(m.subject).not.toMatch(/Anna|Bram|Carla|Daan/);
      expect(vaart.subject).toContain(`TLV-inventarisatie schooljaar ${sy.label}`);
      expect(vaart.body).toContain('Anna Inventarisleerling');
      expect(vaart.body).toContain(anna);
      expect(vaart.body).not.toMatch(/Bram|Carla|Daan/);
      expect(horizon.body).toContain('Bram Inventarisleerling');
      expect(horizon.body).not.toMatch(/Anna|Carla|Daan/);
      expect(coordinator.body).toContain('Anna Inventarisleerling');
      expect(coordinator.body).toContain('Bram Inventarisleerling');
      expect(coordinator.body).toContain(bram);
      expect(coordinator.body).toMatch(/SBO De Vaart \(BRIN 56EF\)/);
      expect(coordinator.body).not.toMatch(/Carla|Daan/);

      // The workflow's retry, or a second run for the same year: every key was sent already.
      expect(await inventariseerTlvs(opdracht)).toEqual(expect.objectContaining({ verzonden: 0, alVerzonden: 3 }));
      await new Promise((r) => setTimeout(r, 500));
      expect(inventarissen()).toHaveLength(3);
    } finally {
      await outbox.close();
    }
  });

  it('the worker starts one inventory workflow per region, once', async () => {
    expect(await ensureTlvInventaris(h.client, h.config.taskQueue)).toEqual({
      noord: 'gestart',
      midden: 'gestart',
      zuid: 'gestart',
    });
    expect(await ensureTlvInventaris(h.client, h.config.taskQueue)).toEqual({
      noord: 'draait al',
      midden: 'draait al',
      zuid: 'draait al',
    });
    const plan = await waitFor(
      () => h.client.workflow.getHandle('tlv-inventaris-zuid').query(tlvInventarisPlanningQuery),
      15_000,
    );
    expect(plan).toEqual(expect.objectContaining({ regio: 'zuid', tijdstip: expect.stringMatching(/T0[67]:00:00/) }));
    expect(Date.parse(plan.tijdstip)).toBeGreaterThan(Date.now());
  });
});
