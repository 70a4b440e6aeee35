/**
 * A TLV's evaluation concludes terugplaatsing (issue 13): the stappenplan starts as a case of its
 * own, the TLV shows it, and hears how it ends — back in a regular school: the TLV is no longer used
 * (valid to its end date); stopped: the pupil stays at the S(B)O school and the herbeoordeling applies again.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { stoppenUpdate, terugplaatsing, terugplaatsingStatusQuery } from '../../src/workflows/terugplaatsing';
import {
  beoordelenUpdate,
  besluitenUpdate,
  evaluatieUpdate,
  tlv,
  tlvInventarisQuery,
  tlvStatusQuery,
} from '../../src/workflows/tlv';
import { getPolicy } from '../../src/domain';
import type { Policy } from '../../src/domain/policy';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv } from '../helpers/temporal';
import { alsOntvangend, alsSwv, besluitPositief, signaleren, stap, vindSchool } from '../helpers/terugplaatsing';
import { deskundigeA, toekennen, tlvInput } from '../helpers/tlv';
import { recordingWorker } from '../helpers/worker';

const SUITE = 'tlv evaluation concludes terugplaatsing (time-skipping, real dates)';
const sbo = { door: { id: 'ib-11sb', naam: 'IB SBO De Wissel', rol: 'school' as const }, scope: ['11SB'] };

describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 11 January 2027: the aanvraag is complete that day.
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:30:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  /** A TLV for SBO De Wissel (11SB) from 1 February 2027, evaluated on 1 March with the conclusion terugplaatsing. */
  async function metTerugplaatsing(
    fn: (tlvH: WorkflowHandle<typeof tlv>, tp: WorkflowHandle<typeof terugplaatsing>) => Promise<void>,
    beleid = getPolicy('spow'),
  ) {
    const taskQueue = `tlvtp-${Math.random().toString(16).slice(2)}`;
    const { worker } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const h = await env.client.workflow.start(tlv, {
        taskQueue,
        workflowId: `tlv-${Math.random().toString(16).slice(2)}`,
        args: [tlvInput({ beleid, aanvraag: { ...tlvInput().aanvraag!, ontvangen: '2027-01-11' } })],
      });
      await h.executeUpdate(beoordelenUpdate, {
        args: [
          { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
        ],
      });
      await h.executeUpdate(besluitenUpdate, {
        args: [toekennen({ school: { brin: '11SB', naam: 'SBO De Wissel', email: 'ib@dewissel.example' } })],
      });
      await skipTo(env, amsterdam('2027-03-01', '10:00'));
      const v = await h.executeUpdate(evaluatieUpdate, {
        args: [
          {
            datum: '2027-03-01',
            deelnemers: ['ouders', 'IB SBO De Wissel'],
            conclusie: 'terugplaatsing',
            verslag: 'De doelen uit het OPP zijn behaald; ouders en school willen terug naar het regulier onderwijs',
            ...sbo,
          },
        ],
      });
      expect(v.terugplaatsing).toMatchObject({ zaakId: expect.stringMatching(/^tp-[0-9a-f-]{36}$/) });
      const tp = env.client.workflow.getHandle<typeof terugplaatsing>(v.terugplaatsing!.zaakId);
      await fn(h, tp);
    });
  }

  it('starts the stappenplan from the evaluation; a return that holds: the TLV is no longer used', async () => {
    await metTerugplaatsing(async (h, tp) => {
      let tv = await tp.query(terugplaatsingStatusQuery);
      expect(tv).toMatchObject({
        status: 'signalering',
        tlvZaak: h.workflowId,
        school: { brin: '11SB', naam: 'SBO De Wissel' },
        checklist: expect.arrayContaining([expect.objectContaining({ stap: '1.1', status: 'gedaan' })]),
      });
      expect(tv.checklist[0].reden).toMatch(/doelen uit het OPP zijn behaald/);
      // The S(B)O school's own case now: it takes the steps.
      await signaleren(tp, '2027-03-01');
      await vindSchool(tp, '2027-03-01');
      await besluitPositief(tp, '2027-03-01');
      await stap(tp, { stap: '4.1', startdatum: '2027-03-01' }, alsOntvangend);
      tv = await stap(
        tp,
        {
          stap: '4.2',
          datum: '2027-03-01',
          deelnemers: ['ouders', 'ontvangende-school', 'ondersteuningsadviseur', 'verwijzende-school'],
          standpunten: { 'ontvangende-school': 'doorgaan' },
          verslag: 'goede start',
        },
        alsOntvangend,
      );
      expect(tv.status).toBe('teruggeplaatst');
      let v = await h.query(tlvStatusQuery);
      for (let i = 0; i < 50 && v.status !== 'niet-meer-gebruikt'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        v = await h.query(tlvStatusQuery);
      }
      expect(v.status).toBe('niet-meer-gebruikt');
      expect(v.open).toBe(true);
      expect(v.terugplaatsing).toMatchObject({
        uitkomst: 'teruggeplaatst',
        school: { brin: '22BA', naam: 'De Linde' },
      });
      expect(v.tijdlijn.find((i) => i.soort === 'terugplaatsing:teruggeplaatst')!.omschrijving).toMatch(
        /niet meer gebruikt en blijft geldig tot de einddatum/,
      );
      // Not in the S(B)O school's yearly inventory any more.
      expect(await h.query(tlvInventarisQuery)).toBeNull();
      await recordHistory('tlv', h, 'v3', SUITE);
    });
  });

  it('a terugplaatsing that stops: the pupil stays, the TLV is in use and its evaluation can be held again', async () => {
    await metTerugplaatsing(async (h, tp) => {
      await tp.executeUpdate(stoppenUpdate, { args: [{ reden: 'ouders kiezen toch voor het SBO', ...alsSwv }] });
      let v = await h.query(tlvStatusQuery);
      for (let i = 0; i < 50 && !v.terugplaatsing?.uitkomst; i++) {
        await new Promise((r) => setTimeout(r, 100));
        v = await h.query(tlvStatusQuery);
      }
      expect(v.status).toBe('toegekend');
      expect(v.terugplaatsing).toMatchObject({ uitkomst: 'gestopt' });
      // The evaluation stays recorded; it can be held again (below).
      expect(v.herbeoordeling?.evaluatie?.conclusie).toBe('terugplaatsing');
      expect(await h.query(tlvInventarisQuery)).not.toBeNull();
      v = await h.executeUpdate(evaluatieUpdate, {
        args: [
          {
            datum: '2027-03-01',
            deelnemers: ['ouders', 'IB SBO De Wissel'],
            conclusie: 'herbeoordeling',
            verslag: 'de leerling blijft op het SBO',
            ...sbo,
          },
        ],
      });
      expect(v.herbeoordeling?.evaluatie?.conclusie).toBe('herbeoordeling');
      await recordHistory('tlv', h, 'v3', SUITE);
    });
  });

  it('a TLV from before the terugplaatsing (its policy snapshot without it) starts one with the current settings', async () => {
    const { terugplaatsing: _weg, ...oud } = getPolicy('spow');
    await metTerugplaatsing(async (_h, tp) => {
      // A step at once is taken, even while the case still asks for the policy's current settings.
      await stap(tp, { stap: '1.2', wenselijk: true, toelichting: 'doelen behaald' });
      let v = await tp.query(terugplaatsingStatusQuery);
      for (let i = 0; i < 50 && !v.deadlines.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        v = await tp.query(terugplaatsingStatusQuery);
      }
      expect(v.deadlines).toEqual([
        expect.objectContaining({
          soort: 'serviceniveau',
          regel: expect.stringMatching(/^standaardinstelling van dit systeem: 6 schoolweken/),
        }),
      ]);
      await tp.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    }, oud as Policy);
  });
});
