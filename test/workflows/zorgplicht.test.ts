import {
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Bericht } from '../../src/shared/bericht';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, regionaalRooster, termijnVerstreken, toIsoDate, zorgplichtBeslisdatum } from '../../src/domain';
import {
  besluitenUpdate,
  eldersIngeschrevenUpdate,
  impasseMeldenUpdate,
  informatieOntvangenUpdate,
  informatieVragenUpdate,
  oudergesprekUpdate,
  statusQuery,
  verlengenUpdate,
  viewUpdate,
  zorgplicht,
} from '../../src/workflows/zorgplicht';
import { render } from '../../src/mail/templates';
import {
  aanvullenUpdate,
  beoordelenUpdate,
  besluitenUpdate as tlvBesluitenUpdate,
  tlvStatusQuery,
} from '../../src/workflows/tlv';
import { tlvBeslisdatum } from '../../src/domain/tlv';
import type { ActorRef } from '../../src/shared/zaak';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering, zodraGestart } from '../helpers/temporal';
import { recordingWorker, type Verstuurd } from '../helpers/worker';
import { coordinator, school, zorgplichtInput, type TestZorgplicht } from '../helpers/zorgplicht';

/**
 * P1 on the law's example: aanmelding Monday 15 June 2026 (regio midden, policy 'wet').
 * Beslisdatum 27 July 2026 (6 weeks), tijdelijke plaatsing 24 August 2026 (10 weeks).
 * Reminders 14/7/2 days before 27 July: 13 July (Mon), 20 July and 25 July fall in the
 * zomervakantie midden (18 Jul–30 Aug) and move to the previous school day, Friday 17 July.
 */
const SUITE = 'zorgplicht workflow (time-skipping, real dates)';
describe(SUITE, () => {
  // The test server's clock only moves forward: each case gets its own, starting Monday 15 June 2026 09:00.
  let env: TestWorkflowEnvironment;

  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2026-06-15T07:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  async function run(
    input: TestZorgplicht,
    scenario: (h: WorkflowHandleWithFirstExecutionRunId<typeof zorgplicht>, verstuurd: Verstuurd[]) => Promise<void>,
    gedrag?: Parameters<typeof recordingWorker>[2],
    /** The version its recorded history is filed under (see recordHistory). */
    versie = 'v7',
  ) {
    const taskQueue = `zorgplicht-${input.zaakId}`;
    const { worker, verstuurd } = await recordingWorker(env, taskQueue, gedrag);
    await worker.runUntil(async () => {
      const h = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      await scenario(h, verstuurd);
      await recordHistory('zorgplicht', h, versie, SUITE);
    });
  }
  const soorten = (v: Verstuurd[]) => v.map((x) => `${x.n.sjabloon}@${x.datum} ${x.tijd}`);
  /** The talk with the parents a refusal needs (seed 001 L813–814). */
  const oudergesprek = (h: WorkflowHandleWithFirstExecutionRunId<typeof zorgplicht>, datum = '2026-06-15') =>
    h.executeUpdate(oudergesprekUpdate, {
      args: [{ datum, wie: 'IB De Regenboog', verslag: 'Mogelijkheden besproken met de ouders', door: school }],
    });
  /** The activities the case scheduled, by type, in order. */
  const activiteiten = async (h: WorkflowHandleWithFirstExecutionRunId<typeof zorgplicht>) =>
    ((await h.fetchHistory()).events ?? [])
      .filter((e) => e.activityTaskScheduledEventAttributes)
      .map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name);
  /** A mail server that refuses every message (transient) until `herstel` (test server time). */
  const smtpStoringTot = (herstel: number) => (_n: Bericht, at: number) => {
    if (at < herstel)
      throw ApplicationFailure.retryable('Versturen mislukt (ECONNREFUSED); wordt opnieuw geprobeerd', 'SmtpTijdelijk');
  };

  it('computes the deadlines from the aanmelddatum, each with its rule', async () => {
    await run(zorgplichtInput(), async (h) => {
      const s = await h.query(statusQuery);
      expect(s.status).toBe('in-onderzoek');
      expect(s.deadlines.map((d) => [d.soort, d.datum])).toEqual([
        ['beslistermijn', '2026-07-27'],
        ['tijdelijke-plaatsing', '2026-08-24'],
      ]);
      expect(s.deadlines[0].regel).toMatch(/Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding/);
      expect(s.deadlines[1].regel).toMatch(/10 weken na aanmelding/);
      // The deadline falls in the zomervakantie: its first reminder is spread to 3 July.
      expect(s.volgendeHerinnering).toMatchObject({ datum: '2026-07-03', deadline: 'beslistermijn' });
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'ingetrokken', reden: 'opruimen', door: school }] });
    });
  });

  it('reminds the school on school days, warns on the last day, marks it overdue once 27 July is over, places on 25 August', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await skipTo(env, amsterdam('2026-07-27', '07:59'));
      expect((await h.query(statusQuery)).status).toBe('in-onderzoek');
      // The deadline falls in the zomervakantie (from 18 July): reminders spread over the school weeks before it.
      // The coordinator hears at registration that the deadline falls in the holiday.
      expect(soorten(verstuurd)).toEqual([
        'termijn-in-vakantie@2026-06-15 09:00',
        'herinnering-school@2026-07-03 08:00',
        'herinnering-school@2026-07-10 08:00',
        'herinnering-school@2026-07-17 08:00',
      ]);
      expect(verstuurd[0].n).toMatchObject({
        aan: [{ rol: 'coordinator', email: 'coordinator@swv.example' }],
        gegevens: { vakantie: 'zomervakantie regio midden', beslisdatum: 'maandag 27 juli 2026' },
      });
      expect(verstuurd[1].n.aan).toEqual([{ rol: 'school', email: 'directie@regenboog.example' }]);
      expect(verstuurd[1].n.gegevens.deadlinedatum).toBe('maandag 27 juli 2026');

      // The last day: a warning that morning, no status change all day (the term runs to its end).
      await skipTo(env, amsterdam('2026-07-27', '23:59'));
      expect((await h.query(statusQuery)).status).toBe('in-onderzoek');
      const laatste = verstuurd.at(-1)!;
      expect(`${laatste.n.sjabloon}@${laatste.datum} ${laatste.tijd}`).toBe('laatste-dag@2026-07-27 08:00');
      expect(laatste.n.aan.map((a) => a.rol)).toEqual(['school', 'coordinator']);

      await skipTo(env, amsterdam('2026-07-28', '00:01'));
      const overdue = await h.query(statusQuery);
      expect(overdue.status).toBe('termijn-overschreden');
      expect(overdue.deadlines[0].tijdstip).toBe(new Date(amsterdam('2026-07-28', '00:00')).toISOString());
      const mark = overdue.tijdlijn.find((t) => t.soort === 'termijn-overschreden')!;
      expect(toIsoDate(Date.parse(mark.op))).toBe('2026-07-28');
      expect(verstuurd.at(-1)!.n.sjabloon).toBe('termijn-overschreden');
      expect(verstuurd.at(-1)!.n.aan.map((a) => a.rol)).toEqual(['school', 'coordinator']);

      await skipTo(env, amsterdam('2026-08-24', '23:59'));
      expect((await h.query(statusQuery)).status).toBe('termijn-overschreden');
      expect(soorten(verstuurd)).toContain('laatste-dag@2026-08-24 08:00');
      await skipTo(env, amsterdam('2026-08-25', '00:01'));
      const placed = await h.query(statusQuery);
      expect(placed.status).toBe('tijdelijk-geplaatst');
      expect(toIsoDate(Date.parse(placed.tijdlijn.find((t) => t.soort === 'tijdelijk-geplaatst')!.op))).toBe(
        '2026-08-25',
      );
      const plaatsing = verstuurd.find((v) => v.n.sjabloon === 'tijdelijk-geplaatst')!;
      expect(plaatsing.datum).toBe('2026-08-25');
      expect(plaatsing.n.aan.map((a) => a.rol)).toEqual(['school', 'coordinator', 'ouders']);
      // Reminders for both dates fall in the summer holiday: spread to 3, 10 and 17 July, each sent once.
      expect(verstuurd.filter((v) => v.n.sjabloon === 'herinnering-school')).toHaveLength(3);

      // The school can still decide: admission makes the placement definitive.
      const na = await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'toegelaten', reden: 'plek gevonden in groep 5', door: school }],
      });
      expect(na.status).toBe('toegelaten');
      expect(na.tijdlijn.at(-1)!.omschrijving).toMatch(/tijdelijke plaatsing is definitief/);
      expect((await h.result()).status).toBe('toegelaten');
    });
  });

  it("counts with the school's own rooster where it differs from the region", async () => {
    const eigen = [{ naam: 'zomervakantie', van: '2026-07-11', tot: '2026-08-23' }];
    await run(zorgplichtInput({ kalender: eigen }), async (h, verstuurd) => {
      const s = await h.query(statusQuery);
      expect(s.volgendeHerinnering).toMatchObject({
        datum: '2026-06-26',
        regel: expect.stringMatching(/valt in de zomervakantie volgens schoolrooster/),
      });
      await skipTo(env, amsterdam('2026-07-27', '12:00'));
      expect(soorten(verstuurd)).toEqual([
        'termijn-in-vakantie@2026-06-15 09:00',
        'herinnering-school@2026-06-26 08:00',
        'herinnering-school@2026-07-03 08:00',
        'herinnering-school@2026-07-10 08:00',
        'laatste-dag@2026-07-27 08:00',
      ]);
      await h.terminate('klaar');
    });
  });

  it('sends no reminder and takes no deadline step once the school has decided', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await skipTo(env, amsterdam('2026-07-14', '10:00'));
      const voorBesluit = [
        'termijn-in-vakantie@2026-06-15 09:00',
        'herinnering-school@2026-07-03 08:00',
        'herinnering-school@2026-07-10 08:00',
      ];
      expect(soorten(verstuurd)).toEqual(voorBesluit);
      const s = await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'toegelaten', reden: 'passende plek', door: school }],
      });
      expect(s).toMatchObject({ status: 'toegelaten', open: false, volgendeHerinnering: null });
      await h.result();
      await skipTo(env, amsterdam('2026-08-25', '12:00'));
      // The parents' letter of the decision, and nothing after it.
      expect(soorten(verstuurd)).toEqual([...voorBesluit, 'besluit-ouders@2026-07-14 10:00']);
      const eind = await h.query(statusQuery);
      expect(eind.tijdlijn.map((t) => t.soort)).not.toContain('termijn-overschreden');
      expect(eind.tijdlijn.map((t) => t.soort)).not.toContain('tijdelijk-geplaatst');
    });
  });

  it('extends once by 4 weeks to 24 August, tells the parents, and refuses a second extension without change', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await skipTo(env, amsterdam('2026-07-01', '10:00'));
      const s = await h.executeUpdate(verlengenUpdate, {
        args: [{ weken: 4, reden: 'onderzoek loopt nog', door: school }],
      });
      expect(s.status).toBe('verlengd');
      expect(s.deadlines[0]).toMatchObject({ soort: 'beslistermijn', datum: '2026-08-24' });
      expect(s.deadlines[0].regel).toMatch(/eenmaal verlengd met 4 weken/);
      expect(s.verlenging).toMatchObject({ weken: 4, reden: 'onderzoek loopt nog', door: school });

      await skipTo(env, amsterdam('2026-07-01', '10:05'));
      const brief = verstuurd.find((v) => v.n.sjabloon === 'verlenging-ouders')!;
      expect(brief.n.aan).toEqual([{ rol: 'ouders', email: 'ouder@example.org' }]);
      expect(brief.n.gegevens.beslisdatum).toBe('maandag 24 augustus 2026');

      const voor = await h.query(statusQuery);
      await expect(
        h.executeUpdate(verlengenUpdate, { args: [{ weken: 1, reden: 'nog meer tijd', door: school }] }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      await h
        .executeUpdate(verlengenUpdate, { args: [{ weken: 1, reden: 'nog meer tijd', door: school }] })
        .catch((e: WorkflowUpdateFailedError) => expect(String(e.cause?.message)).toMatch(/al verlengd/));
      expect(await h.query(statusQuery)).toEqual(voor);

      // No overdue mark on 27 July: the deadline moved. Placement on 24 August when still undecided.
      await skipTo(env, amsterdam('2026-07-28', '12:00'));
      expect((await h.query(statusQuery)).status).toBe('verlengd');
      expect(soorten(verstuurd).filter((x) => x.startsWith('herinnering'))).toEqual([
        'herinnering-school@2026-07-03 08:00',
        'herinnering-school@2026-07-10 08:00',
        'herinnering-school@2026-07-17 08:00',
      ]);
      await skipTo(env, amsterdam('2026-08-25', '00:01'));
      const placed = await h.query(statusQuery);
      expect(placed.status).toBe('tijdelijk-geplaatst');
      expect(toIsoDate(Date.parse(placed.tijdlijn.find((t) => t.soort === 'tijdelijk-geplaatst')!.op))).toBe(
        '2026-08-25',
      );
      await oudergesprek(h);
      await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'geen-zorgplicht', grond: 'vol', reden: 'school is vol', door: school }],
      });
      const eind = (await h.result()).tijdlijn;
      expect(eind.find((t) => t.soort === 'besluit:geen-zorgplicht')!.omschrijving).toMatch(
        /tijdelijke plaatsing eindigt/,
      );
      // No school and no other enrolment recorded, age unknown (no birth date): the coordinator looks (issue 16).
      expect(eind.at(-1)!.soort).toBe('thuiszitter-controleren');
    });
  });

  it('does not place temporarily when the school decided the day before (with extension)', async () => {
    await run(zorgplichtInput(), async (h) => {
      await skipTo(env, amsterdam('2026-07-06', '09:00'));
      await h.executeUpdate(verlengenUpdate, { args: [{ weken: 4, reden: 'observatie', door: school }] });
      await skipTo(env, amsterdam('2026-08-23', '12:00'));
      await oudergesprek(h, '2026-08-20');
      await h.executeUpdate(besluitenUpdate, {
        args: [
          {
            uitkomst: 'elders-toegelaten',
            reden: 'andere school past beter',
            toelatendeSchool: { brin: '34CD', naam: 'De Linde' },
            door: school,
          },
        ],
      });
      await skipTo(env, amsterdam('2026-08-25', '09:00'));
      const s = await h.query(statusQuery);
      expect(s.status).toBe('elders-toegelaten');
      expect(s.tijdelijkGeplaatst).toBe(false);
      expect(s.besluit!.details).toEqual({ toelatendeSchool: 'De Linde' });
    });
  });

  it('does not place temporarily when the school decided the day before (without extension)', async () => {
    await run(zorgplichtInput(), async (h) => {
      await skipTo(env, amsterdam('2026-08-23', '12:00'));
      expect((await h.query(statusQuery)).status).toBe('termijn-overschreden');
      await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'toegelaten', reden: 'toch een plek', door: school }],
      });
      await skipTo(env, amsterdam('2026-08-25', '09:00'));
      const s = await h.query(statusQuery);
      expect(s).toMatchObject({ status: 'toegelaten', tijdelijkGeplaatst: false });
      expect(s.tijdlijn.map((t) => t.soort)).not.toContain('tijdelijk-geplaatst');
    });
  });

  it('writes the parents every decision; a refusal names the admitting school and the Geschillencommissie', async () => {
    await run(
      zorgplichtInput(),
      async (h, verstuurd) => {
        await skipTo(env, amsterdam('2026-07-02', '10:00'));
        await oudergesprek(h, '2026-07-01');
        await h.executeUpdate(besluitenUpdate, {
          args: [
            {
              uitkomst: 'elders-toegelaten',
              reden: 'De Linde biedt de ondersteuning die nodig is',
              toelatendeSchool: { brin: '34CD', naam: 'De Linde' },
              door: school,
            },
          ],
        });
        await h.result();
        await skipTo(env, amsterdam('2026-07-02', '10:05'));
        const brief = verstuurd.find((v) => v.n.sjabloon === 'besluit-ouders')!;
        expect(brief).toMatchObject({
          datum: '2026-07-02',
          n: { aan: [{ rol: 'ouders', email: 'ouder@example.org' }] },
        });
        const { onderwerp, tekst } = render('besluit-ouders', 'ouders', brief.n.gegevens);
        expect(onderwerp).toBe('Besluit over uw aanmelding bij De Regenboog');
        expect(tekst).toContain(
          'De school laat Sanne Testleerling niet toe. De Linde heeft toegezegd Sanne Testleerling toe te laten',
        );
        expect(tekst).toContain('Toelichting van de school: De Linde biedt de ondersteuning die nodig is');
        expect(tekst).toContain('Geschillencommissie passend onderwijs: Postbus 85191, 3508 AD Utrecht');
        expect(tekst).toContain('Neem contact op met De Regenboog (directie@regenboog.example)');
      },
      undefined,
      'v7',
    );
  });

  it('keeps the deadlines when a letter cannot be delivered, and records that in the timeline', async () => {
    const geweigerd = (n: Bericht) => {
      if (n.sjabloon === 'verlenging-ouders')
        throw ApplicationFailure.nonRetryable('De mailserver weigerde het bericht (SMTP 550)', 'SmtpGeweigerd');
    };
    await run(
      zorgplichtInput(),
      async (h, verstuurd) => {
        await skipTo(env, amsterdam('2026-07-01', '10:00'));
        await h.executeUpdate(verlengenUpdate, { args: [{ weken: 2, reden: 'observatie', door: school }] });
        await skipTo(env, amsterdam('2026-08-25', '00:01'));
        const s = await h.query(statusQuery);
        expect(s.tijdlijn.find((t) => t.soort === 'bericht-niet-bezorgd')).toMatchObject({
          omschrijving: expect.stringMatching(/verlenging-ouders.*SMTP 550/),
        });
        const melding = verstuurd.find((v) => v.n.sjabloon === 'bericht-niet-bezorgd')!;
        expect(melding).toMatchObject({
          datum: '2026-07-01',
          n: { aan: [{ rol: 'coordinator' }], gegevens: { wat: 'verlenging-ouders' } },
        });
        expect(s.termijnOverschreden).toBe(true);
        expect(s.status).toBe('tijdelijk-geplaatst');
        expect(toIsoDate(Date.parse(s.tijdlijn.find((t) => t.soort === 'termijn-overschreden')!.op))).toBe(
          '2026-08-11',
        );
        expect(toIsoDate(Date.parse(s.tijdlijn.find((t) => t.soort === 'tijdelijk-geplaatst')!.op))).toBe('2026-08-25');
      },
      geweigerd,
    );
  });

  it('sends the letters of one step in one activity, and a refused one does not stop the others', async () => {
    // Registered on 15 June for an aanmelding of 1 April: both deadlines (13 May, 10 June) are past.
    const weigerMelding = (n: Bericht) => {
      if (n.sjabloon === 'termijn-overschreden')
        throw ApplicationFailure.nonRetryable('De mailserver weigerde het bericht (SMTP 550)', 'SmtpGeweigerd');
    };
    await run(
      zorgplichtInput({ aanmelddatum: '2026-04-01' }),
      async (h, verstuurd) => {
        await skipTo(env, amsterdam('2026-06-15', '12:00'));
        const s = await h.query(statusQuery);
        expect(s.status).toBe('tijdelijk-geplaatst');
        expect(soorten(verstuurd)).toEqual([
          'tijdelijk-geplaatst@2026-06-15 09:00',
          'bericht-niet-bezorgd@2026-06-15 09:00',
        ]);
        expect(s.tijdlijn.find((t) => t.soort === 'bericht-niet-bezorgd')).toMatchObject({
          omschrijving: expect.stringMatching(/termijn-overschreden.*SMTP 550/),
        });
        // One for the step's two letters, one for the notice that one of them was refused.
        expect(await activiteiten(h)).toEqual(['stuurBerichten', 'stuurBerichten']);
        await h.executeUpdate(besluitenUpdate, {
          args: [{ uitkomst: 'toegelaten', reden: 'passende plek', door: school }],
        });
      },
      weigerMelding,
      'v7',
    );
  });

  it('sends the letters of a step one by one when their one activity fails, and reports none that arrived as undelivered', async () => {
    // The mail server is down from the registration (15 June 09:00) until 11:00: the step's activity
    // fails once, then each letter is retried on its own until it goes.
    const herstel = Date.parse(amsterdam('2026-06-15', '11:00'));
    const storing = smtpStoringTot(herstel);
    await run(
      zorgplichtInput({ aanmelddatum: '2026-04-01' }),
      async (h, verstuurd) => {
        await skipTo(env, amsterdam('2026-06-15', '14:00'));
        expect(verstuurd.map((v) => v.n.sjabloon)).toEqual(['termijn-overschreden', 'tijdelijk-geplaatst']);
        expect(verstuurd.every((v) => v.at >= herstel)).toBe(true);
        const s = await h.query(statusQuery);
        expect(s.tijdlijn.map((t) => t.soort)).not.toContain('bericht-niet-bezorgd');
        expect(await activiteiten(h)).toEqual(['stuurBerichten', 'stuurNotificatie', 'stuurNotificatie']);
        await h.executeUpdate(besluitenUpdate, {
          args: [{ uitkomst: 'toegelaten', reden: 'passende plek', door: school }],
        });
      },
      storing,
    );
  });

  it('calls off a reminder still being retried once the school has decided', async () => {
    // SMTP is down from Monday 13 July 08:00 until Tuesday 14 July 12:00; the school decides at 10:00.
    const herstel = Date.parse(amsterdam('2026-07-14', '12:00'));
    const storing = smtpStoringTot(herstel);
    await run(
      zorgplichtInput(),
      async (h, verstuurd) => {
        await skipTo(env, amsterdam('2026-07-14', '10:00'));
        await h.executeUpdate(besluitenUpdate, {
          args: [{ uitkomst: 'toegelaten', reden: 'passende plek', door: school }],
        });
        await h.result();
        await skipTo(env, amsterdam('2026-07-20', '10:00'));
        expect(verstuurd.filter((v) => v.n.sjabloon === 'herinnering-school')).toEqual([]);
      },
      storing,
    );
  });

  it('answers its first view with the start, and refuses a step from a school outside its scope as unknown', async () => {
    const input = zorgplichtInput();
    const taskQueue = `zorgplicht-${input.zaakId}`;
    const { worker } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      // Update-with-Start, as the API creates a case: one round trip gives the case and its view.
      const start = new WithStartWorkflowOperation(zorgplicht, {
        taskQueue,
        workflowId: input.zaakId,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      const view = await env.client.workflow.executeUpdateWithStart(viewUpdate, { startWorkflowOperation: start });
      expect(view).toEqual(expect.objectContaining({ id: input.zaakId, status: 'in-onderzoek', open: true }));
      expect(view.tijdlijn.map((t) => t.soort)).toEqual(['aangemeld', 'termijn-in-vakantie']);
      expect(view.deadlines.map((d) => d.datum)).toEqual(['2026-07-27', '2026-08-24']);
      const h = await start.workflowHandle();
      const err = await h
        .executeUpdate(verlengenUpdate, { args: [{ weken: 2, reden: 'andere school', door: school, scope: ['99ZZ'] }] })
        .then(
          () => undefined,
          (e) => e,
        );
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((err as WorkflowUpdateFailedError).cause).toEqual(
        expect.objectContaining({ type: 'ZaakNietGevonden', message: 'Deze zaak bestaat niet.' }),
      );
      // In scope, the same step is taken.
      const verlengd = await h.executeUpdate(verlengenUpdate, {
        args: [{ weken: 2, reden: 'onderzoek loopt', door: school, scope: ['12AB'] }],
      });
      expect(verlengd.status).toBe('verlengd');
      await recordHistory('zorgplicht', h, 'v7', SUITE);
    });
  });

  it('refuses illegal steps with a reason and changes nothing', async () => {
    await run(zorgplichtInput(), async (h) => {
      const voor = await h.query(statusQuery);
      /** The refusal, with its whole text (a string) or the part that matters (a RegExp). */
      const weiger = async (p: Promise<unknown>, reden: RegExp | string) => {
        const err = await p.then(
          () => undefined,
          (e) => e,
        );
        expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
        const tekst = String((err as WorkflowUpdateFailedError).cause?.message);
        if (typeof reden === 'string') expect(tekst).toBe(reden);
        else expect(tekst).toMatch(reden);
      };
      await weiger(
        h.executeUpdate(verlengenUpdate, { args: [{ weken: 5, reden: 'te lang', door: school }] }),
        'Verlengen kan met ten hoogste 4 weken (Wet op het primair onderwijs, artikel 40 lid 4).',
      );
      await weiger(
        h.executeUpdate(verlengenUpdate, { args: [{ weken: 2, reden: 'x', door: school }] }),
        'Ongeldige invoer: reden moet een tekst van 3 tot 2000 tekens zijn.',
      );
      await weiger(
        h.executeUpdate(besluitenUpdate, {
          args: [{ uitkomst: 'toegelaten', reden: 'ik ben directeur', door: { id: 'd', naam: 'D', rol: 'directeur' } }],
        }),
        /rol directeur/,
      );
      // Input the types do not allow goes by the Update's name, as the Temporal CLI or UI would send it.
      // elders-toegelaten without the admitting school is refused (WPO art. 40).
      await weiger(
        h.executeUpdate(besluitenUpdate.name, {
          args: [{ uitkomst: 'elders-toegelaten', reden: 'weigeren', door: school }],
        }),
        'Ongeldige invoer: toelatendeSchool ontbreekt.',
      );
      // Sent past the API (Temporal CLI or UI): the shape checks refuse it in Dutch, the case stays as it was.
      await weiger(
        h.executeUpdate(besluitenUpdate.name, { args: [null] }),
        /^Ongeldige invoer: de stap moet een object zijn/,
      );
      await weiger(
        h.executeUpdate(besluitenUpdate, {
          args: [
            {
              uitkomst: 'elders-toegelaten',
              reden: 'elders',
              toelatendeSchool: { naam: 'De Linde', brin: '12ab' },
              door: school,
            },
          ],
        }),
        /toelatendeSchool\.brin is een BRIN-code/,
      );
      await weiger(
        h.executeUpdate(besluitenUpdate.name, {
          args: [{ uitkomst: 'tlv-aangevraagd', reden: 'HIA', soort: 'vso', door: school }],
        }),
        /soort is een van: sbo, so/,
      );
      expect(await h.query(statusQuery)).toEqual(voor);

      // Extension until the end of the last day.
      await skipTo(env, amsterdam('2026-07-28', '09:00'));
      await weiger(
        h.executeUpdate(verlengenUpdate, { args: [{ weken: 2, reden: 'te laat', door: school }] }),
        'Verlengen kan tot en met de laatste dag van de beslistermijn (maandag 27 juli 2026).',
      );
      await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'ouders kiezen andere school', door: coordinator }],
      });
      // A closed case has completed: every later step is refused (the API answers 409 with the
      // outcome, see test/api/zaken.test.ts) and the final state stays as it was.
      const dicht = await h.result();
      for (const stap of [
        () => h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'toch wel', door: school }] }),
        () => h.executeUpdate(impasseMeldenUpdate, { args: [{ reden: 'geen plek', door: school }] }),
        () => h.executeUpdate(eldersIngeschrevenUpdate, { args: [{ school: { naam: 'De Linde' }, door: school }] }),
      ]) {
        await expect(stap()).rejects.toThrow();
      }
      expect(await h.query(statusQuery)).toEqual(dicht);
      expect(dicht.status).toBe('ingetrokken');
    });
  });

  it.each([
    [{ uitkomst: 'toegelaten', reden: 'passend' }, 'toegelaten'],
    [
      { uitkomst: 'elders-toegelaten', reden: 'elders', toelatendeSchool: { naam: 'SBO De Brug' } },
      'elders-toegelaten',
    ],
    [{ uitkomst: 'geen-zorgplicht', reden: 'cluster 2-school', grond: 'cluster-1-2' }, 'geen-zorgplicht'],
    [{ uitkomst: 'ingetrokken', reden: 'ouders trekken in' }, 'ingetrokken'],
  ] as const)('reaches outcome %j', async (besluit, status) => {
    await run(zorgplichtInput(), async (h) => {
      if (status === 'elders-toegelaten' || status === 'geen-zorgplicht') await oudergesprek(h);
      const s = await h.executeUpdate(besluitenUpdate, { args: [{ ...besluit, door: school }] });
      expect(s.status).toBe(status);
      const eind = await h.result();
      expect(eind.besluit).toMatchObject({ uitkomst: status, reden: besluit.reden, door: school });
      expect(eind.tijdlijn.find((t) => t.soort.startsWith('besluit:'))).toMatchObject({
        soort: `besluit:${status}`,
        door: school,
        reden: besluit.reden,
      });
      // Closed without a school and no other enrolment recorded, the child's age unknown: the
      // coordinator is asked to look whether it is at home (issue 16).
      expect(eind.tijdlijn.at(-1)!.soort).toBe(
        status === 'geen-zorgplicht' || status === 'ingetrokken' ? 'thuiszitter-controleren' : `besluit:${status}`,
      );
    });
  });

  describe('a TLV requested from the case (issue 12)', () => {
    const deskundigeA: ActorRef = { id: 'oa-7', naam: 'Ondersteuningsadviseur', rol: 'deskundige' };
    const deskundigeB: ActorRef = { id: 'orthoped-2', naam: 'Orthopedagoog', rol: 'deskundige' };
    const aanvraag = {
      ontvangen: '2026-06-15',
      soort: 'sbo' as const,
      emb: false,
      hia: { datum: '2026-06-10', deelnemers: ['ouders', 'IB De Regenboog', 'OA'] },
      interventietraject: 'Een jaar arrangement met ambulante begeleiding, geëvalueerd in het OPP',
      toestemmingOuders: { datum: '2026-06-12', schriftelijk: true },
      documenten: [{ soort: 'OPP' as const, kenmerk: 'OPP-2026-042' }],
    };
    /** The TLV case once its start (a child the zorgplicht case starts in its next task) is there. */
    const tlvZaak = (id: string) => zodraGestart(env, id);

    it('keeps the zorgplicht case open with its terms running while the TLV runs, and closes it when the TLV is granted', async () => {
      await run(
        zorgplichtInput(),
        async (h, verstuurd) => {
          const gevraagd = await h.executeUpdate(besluitenUpdate, {
            args: [{ uitkomst: 'tlv-aangevraagd', reden: 'HIA: SBO past best', soort: 'sbo', door: school }],
          });
          expect(gevraagd).toMatchObject({ open: true, status: 'tlv-aangevraagd' });
          expect(gevraagd.besluit).toBeUndefined();
          const tlvId = gevraagd.tlv!.zaakId;
          expect(tlvId).toMatch(/^tlv-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(gevraagd.tijdlijn.at(-1)).toMatchObject({ soort: 'tlv-aangevraagd', door: school });

          const t = await tlvZaak(tlvId);
          let v = await t.query(tlvStatusQuery);
          expect(v).toMatchObject({
            status: 'aanvraag-onvolledig',
            open: true,
            deadlines: [],
            zorgplichtZaak: h.workflowId,
            school: { brin: '12AB' },
            aanvraag: { soort: 'sbo', compleet: false },
          });
          expect(
            await weigering(
              h.executeUpdate(besluitenUpdate, {
                args: [{ uitkomst: 'tlv-aangevraagd', reden: 'nog een', door: school }],
              }),
            ),
          ).toBe(`Er is al een TLV aangevraagd (zaak ${tlvId}); die loopt nog.`);
          expect(
            await weigering(
              t.executeUpdate(beoordelenUpdate, {
                args: [{ advies: 'toekennen', onderbouwing: 'past', door: deskundigeA }],
              }),
            ),
          ).toMatch(/^De aanvraag is nog niet compleet/);

          // The school completes it: the 6 weeks run from the complete aanvraag.
          v = await t.executeUpdate(aanvullenUpdate, { args: [{ leerling: { groep: 5 }, aanvraag, door: school }] });
          const termijn = tlvBeslisdatum('2026-06-15', getPolicy('wet'));
          expect(v.status).toBe('in-beoordeling');
          expect(v.deadlines.map((d) => [d.soort, d.datum])).toEqual([['beoordelingstermijn', termijn.datum]]);
          expect(
            await weigering(
              t.executeUpdate(aanvullenUpdate, { args: [{ leerling: { groep: 5 }, aanvraag, door: school }] }),
            ),
          ).toBe('De aanvraag is al compleet.');

          // The zorgplicht terms keep running: the school's reminder of 3 July goes out.
          await skipTo(env, amsterdam('2026-07-03', '09:00'));
          // (Sorted: two cases send at the same moment.)
          expect(soorten(verstuurd).sort()).toEqual([
            'herinnering-school@2026-07-03 08:00',
            'termijn-in-vakantie@2026-06-15 09:00',
            'tlv-aanvraag-onvolledig@2026-06-15 09:00',
            'tlv-aanvraag@2026-06-15 09:00',
            'tlv-herinnering@2026-07-03 08:00',
          ]);
          expect(verstuurd.find((x) => x.n.sjabloon === 'tlv-aanvraag-onvolledig')!.n.aan).toEqual([
            { rol: 'school', email: 'directie@regenboog.example' },
            { rol: 'coordinator', email: 'coordinator@swv.example' },
          ]);
          expect((await h.query(statusQuery)).status).toBe('tlv-aangevraagd');

          await t.executeUpdate(beoordelenUpdate, {
            args: [{ advies: 'toekennen', onderbouwing: 'De ondersteuningsbehoefte is groot', door: deskundigeA }],
          });
          await t.executeUpdate(tlvBesluitenUpdate, {
            args: [
              {
                uitkomst: 'toegekend',
                reden: 'SBO biedt de ondersteuning',
                startdatum: '2026-08-31',
                // The law leaves the duration to the SWV: under policy 'wet' the deskundige sets it.
                einddatum: '2028-07-31',
                school: { brin: '34CD', naam: 'SBO De Vaart', email: 'directie@devaart.example' },
                door: deskundigeB,
              },
            ],
          });
          // The grant with its S(B)O school closes the zorgplicht case: admitted elsewhere.
          let dicht = await h.query(statusQuery);
          for (let i = 0; dicht.open && i < 50; i++) {
            await new Promise((r) => setTimeout(r, 100));
            dicht = await h.query(statusQuery);
          }
          expect(dicht).toMatchObject({
            open: false,
            status: 'elders-toegelaten',
            besluit: {
              uitkomst: 'elders-toegelaten',
              door: deskundigeB,
              details: { toelatendeSchool: 'SBO De Vaart', tlvZaak: tlvId },
            },
            tlv: { zaakId: tlvId, besluit: { uitkomst: 'toegekend', school: { brin: '34CD', naam: 'SBO De Vaart' } } },
          });
          expect(dicht.tijdlijn.at(-1)).toMatchObject({
            soort: 'besluit:elders-toegelaten',
            omschrijving: `Toegelaten op SBO De Vaart met de TLV (zaak ${tlvId})`,
          });
          // The TLV lives on; the parents have its letter, not a second one from the zorgplicht case.
          expect((await t.query(tlvStatusQuery)).status).toBe('toegekend');
          expect((await h.result()).status).toBe('elders-toegelaten');
          expect(soorten(verstuurd).filter((x) => x.startsWith('besluit-ouders'))).toEqual([]);
        },
        undefined,
        'v6',
      );
    });

    it('a refused TLV leaves the school to decide with the terms running; the TLV case runs on after the zorgplicht case closed', async () => {
      await run(
        zorgplichtInput(),
        async (h, verstuurd) => {
          const gevraagd = await h.executeUpdate(besluitenUpdate, {
            args: [
              {
                uitkomst: 'tlv-aangevraagd',
                reden: 'HIA: SBO past best',
                tlv: { leerling: { groep: 4 }, aanvraag },
                door: school,
              },
            ],
          });
          const t = await tlvZaak(gevraagd.tlv!.zaakId);
          expect((await t.query(tlvStatusQuery)).aanvraag).toMatchObject({ compleet: true, ontvangen: '2026-06-15' });
          await t.executeUpdate(beoordelenUpdate, {
            args: [{ advies: 'afwijzen', onderbouwing: 'Het arrangement is nog niet uitgeput', door: deskundigeA }],
          });
          await t.executeUpdate(tlvBesluitenUpdate, {
            args: [{ uitkomst: 'afgewezen', reden: 'Eerst het arrangement afmaken', door: deskundigeB }],
          });
          let v = await h.query(statusQuery);
          for (let i = 0; !v.tlv?.besluit && i < 50; i++) {
            await new Promise((r) => setTimeout(r, 100));
            v = await h.query(statusQuery);
          }
          expect(v).toMatchObject({ open: true, status: 'in-onderzoek', tlv: { besluit: { uitkomst: 'afgewezen' } } });
          expect(v.tijdlijn.at(-1)).toMatchObject({ soort: 'tlv-afgewezen', door: deskundigeB });

          await skipTo(env, amsterdam('2026-07-28', '09:00'));
          expect((await h.query(statusQuery)).status).toBe('termijn-overschreden');
          await h.executeUpdate(besluitenUpdate, {
            args: [{ uitkomst: 'toegelaten', reden: 'met arrangement', door: school }],
          });
          // The TLV case is not the zorgplicht case's: its bezwaar window runs on. (Asked before the
          // result: awaiting a result lets the test server skip time to the TLV's next timer.)
          const tv = await t.query(tlvStatusQuery);
          expect([tv.status, tv.open]).toEqual(['afgewezen', true]);
          expect((await h.result()).besluit).toMatchObject({ uitkomst: 'toegelaten' });
          expect(soorten(verstuurd)).toContain('tlv-besluit@2026-06-15 09:00');
        },
        undefined,
        'v6',
      );
    });
  });

  it('refuses a refusal before a talk with the parents, and a decision by the coordinator without a mandate', async () => {
    await run(zorgplichtInput(), async (h) => {
      const weigeren = {
        uitkomst: 'geen-zorgplicht' as const,
        grond: 'vol' as const,
        reden: 'de school is vol',
        door: school,
      };
      expect(await weigering(h.executeUpdate(besluitenUpdate, { args: [weigeren] }))).toBe(
        'Een weigering kan pas na een gesprek met de ouders: de school zoekt een passende plek in overleg met hen. Leg eerst het gesprek vast (oudergesprek).',
      );
      expect(
        await weigering(
          h.executeUpdate(oudergesprekUpdate, {
            args: [{ datum: '2026-06-12', wie: 'IB De Regenboog', verslag: 'voor de aanmelding', door: school }],
          }),
        ),
      ).toBe('Het gesprek met de ouders valt tussen de aanmelding (maandag 15 juni 2026) en vandaag.');
      const na = await oudergesprek(h);
      expect(na.oudergesprekken).toEqual([
        { datum: '2026-06-15', wie: 'IB De Regenboog', door: school, op: expect.any(String) },
      ]);
      // The bevoegd gezag decides: a coordinator says on whose mandate.
      expect(await weigering(h.executeUpdate(besluitenUpdate, { args: [{ ...weigeren, door: coordinator }] }))).toBe(
        'Het bevoegd gezag van de school beslist: leg vast op wiens mandaat de coördinator dit doet (mandaat).',
      );
      expect(
        await weigering(
          h.executeUpdate(verlengenUpdate, { args: [{ weken: 2, reden: 'onderzoek', door: coordinator }] }),
        ),
      ).toMatch(/op wiens mandaat/);
      const dicht = await h.executeUpdate(besluitenUpdate, {
        args: [{ ...weigeren, door: coordinator, mandaat: 'het bestuur van De Regenboog (mail van 15 juni)' }],
      });
      expect(dicht.tijdlijn.find((t) => t.soort === 'besluit:geen-zorgplicht')).toMatchObject({
        soort: 'besluit:geen-zorgplicht',
        omschrijving: 'Geen zorgplicht (vol) (namens het bestuur van De Regenboog (mail van 15 juni))',
        gegevens: { grond: 'vol', mandaat: 'het bestuur van De Regenboog (mail van 15 juni)' },
      });
    });
  });

  it('asks the parents for information: reminds the school the morning after a late answer, tells the coordinator when they do not cooperate', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await skipTo(env, amsterdam('2026-06-16', '10:00'));
      const gevraagd = await h.executeUpdate(informatieVragenUpdate, {
        args: [{ wat: 'het verslag van de logopedist', uiterlijk: '2026-06-22', door: school }],
      });
      expect(gevraagd.tijdlijn.at(-1)!.omschrijving).toBe(
        'De school vraagt de ouders om informatie, antwoord uiterlijk maandag 22 juni 2026. De ouders zijn verplicht mee te werken aan het onderzoek en informatie te geven; de wettelijke beslistermijn loopt intussen door.',
      );
      expect(gevraagd.deadlines[0].datum).toBe('2026-07-27');
      expect(
        await weigering(
          h.executeUpdate(informatieVragenUpdate, {
            args: [{ wat: 'nog iets', uiterlijk: '2026-06-30', door: school }],
          }),
        ),
      ).toBe(
        'Er staat al een vraag om informatie open (antwoord uiterlijk maandag 22 juni 2026): leg eerst het antwoord vast (informatie-ontvangen).',
      );
      await skipTo(env, amsterdam('2026-06-23', '07:59'));
      expect(verstuurd.filter((v) => v.n.sjabloon === 'informatie-herinnering')).toHaveLength(0);
      await skipTo(env, amsterdam('2026-06-23', '08:01'));
      const herinnering = verstuurd.find((v) => v.n.sjabloon === 'informatie-herinnering')!;
      expect(herinnering).toMatchObject({
        datum: '2026-06-23',
        tijd: '08:00',
        n: {
          aan: [{ rol: 'school', email: 'directie@regenboog.example' }],
          gegevens: { uiterlijk: 'maandag 22 juni 2026' },
        },
      });
      const niet = await h.executeUpdate(informatieOntvangenUpdate, {
        args: [{ medewerking: false, reden: 'De ouders geven geen toestemming voor het verslag', door: school }],
      });
      expect(niet.status).toBe('in-onderzoek');
      expect(niet.informatieverzoeken[0].antwoord).toMatchObject({ medewerking: false });
      await skipTo(env, amsterdam('2026-06-23', '10:00'));
      expect(verstuurd.at(-1)!.n).toMatchObject({
        sjabloon: 'ouders-werken-niet-mee',
        aan: [{ rol: 'coordinator', email: 'coordinator@swv.example' }],
        gegevens: { wat: 'het verslag van de logopedist' },
      });
      // Answered: no second reminder; the legal terms did not move.
      await skipTo(env, amsterdam('2026-07-01', '10:00'));
      expect(verstuurd.filter((v) => v.n.sjabloon === 'informatie-herinnering')).toHaveLength(1);
      expect((await h.query(statusQuery)).deadlines.map((d) => d.datum)).toEqual(['2026-07-27', '2026-08-24']);
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'passend', door: school }] });
    });
  });

  it('sends no reminder when the parents answer in time', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await h.executeUpdate(informatieVragenUpdate, {
        args: [{ wat: 'het groeidocument van de peuterspeelzaal', uiterlijk: '2026-06-22', door: school }],
      });
      await skipTo(env, amsterdam('2026-06-19', '10:00'));
      await h.executeUpdate(informatieOntvangenUpdate, {
        args: [{ medewerking: true, reden: 'groeidocument ontvangen', door: school }],
      });
      await skipTo(env, amsterdam('2026-06-24', '10:00'));
      expect(verstuurd.map((v) => v.n.sjabloon)).toEqual(['termijn-in-vakantie']);
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'passend', door: school }] });
    });
  });

  it('keeps the legal deadlines running during an impasse', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      const s = await h.executeUpdate(impasseMeldenUpdate, {
        args: [{ reden: 'geen passende plek in de regio', door: school }],
      });
      expect(s.status).toBe('impasse');
      await skipTo(env, amsterdam('2026-06-15', '09:30'));
      expect(verstuurd.map((v) => v.n.sjabloon)).toEqual(['termijn-in-vakantie', 'impasse-coordinator']);
      await skipTo(env, amsterdam('2026-08-25', '00:01'));
      const na = await h.query(statusQuery);
      expect(na.termijnOverschreden).toBe(true);
      expect(na.status).toBe('tijdelijk-geplaatst');
      expect(na.impasse).toMatchObject({ reden: 'geen passende plek in de regio' });
    });
  });

  it('does not place temporarily when the pupil is enrolled at another school', async () => {
    await run(zorgplichtInput(), async (h, verstuurd) => {
      await h.executeUpdate(eldersIngeschrevenUpdate, {
        args: [{ school: { brin: '34CD', naam: 'De Linde' }, reden: 'huidige school', door: coordinator }],
      });
      await skipTo(env, amsterdam('2026-08-25', '00:01'));
      const s = await h.query(statusQuery);
      expect(s.tijdelijkGeplaatst).toBe(false);
      expect(s.status).toBe('termijn-overschreden');
      expect(verstuurd.at(-1)).toMatchObject({ datum: '2026-08-25', n: { sjabloon: 'geen-tijdelijke-plaatsing' } });
    });
  });
});

describe('zorgplicht terms by the Algemene termijnenwet (time-skipping, 2027)', () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-02-12T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  it('runs past Goede Vrijdag 26-03-2027 and Tweede Paasdag to Tuesday 30-03-2027, overdue only once that day is over', async () => {
    const input = zorgplichtInput({
      aanmelddatum: '2027-02-12',
      kalender: regionaalRooster('midden', '2027-02-01', '2028-07-31'),
    });
    const taskQueue = `atw-${input.zaakId}`;
    const { worker, verstuurd } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const h = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      const s = await h.query(statusQuery);
      expect(s.deadlines[0]).toMatchObject({
        soort: 'beslistermijn',
        datum: '2027-03-30',
        regel: expect.stringContaining('Algemene termijnenwet art. 1: Goede Vrijdag'),
        tijdstip: new Date(amsterdam('2027-03-31', '00:00')).toISOString(),
      });
      await skipTo(env, amsterdam('2027-03-27', '12:00'));
      expect((await h.query(statusQuery)).status).toBe('in-onderzoek');
      // Late on the last day the school may still extend.
      await skipTo(env, amsterdam('2027-03-30', '22:30'));
      expect((await h.query(statusQuery)).status).toBe('in-onderzoek');
      const v = await h.executeUpdate(verlengenUpdate, {
        args: [{ weken: 4, reden: 'onderzoek loopt', door: school }],
      });
      expect(v).toMatchObject({ status: 'verlengd', deadlines: [{ datum: '2027-04-23' }, { datum: '2027-04-23' }] });
      expect(verstuurd.map((x) => `${x.n.sjabloon}@${x.datum} ${x.tijd}`)).toContain('laatste-dag@2027-03-30 08:00');
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'plek', door: school }] });
      await recordHistory('zorgplicht', h, 'v7', 'zorgplicht terms by the Algemene termijnenwet');
    });
  });

  it('marks the term overdue when Goede Vrijdag does not apply: a case of before the correction keeps 17:00 on 26-03-2027', async () => {
    // The old calculation survives only for replay; the domain test shows it, the histories prove it replays.
    const oud = { ...getPolicy('wet'), rekenwijze: 'voor-2026-12' as const };
    expect(zorgplichtBeslisdatum('2027-02-12', oud).datum).toBe('2027-03-26');
    expect(new Date(termijnVerstreken('2027-03-26', oud)).toISOString()).toBe(amsterdam('2027-03-26', '17:00'));
  });
});

describe('zorgplicht around school holidays (time-skipping, real dates)', () => {
  async function zaakOp(
    start: string,
    input: TestZorgplicht,
    fn: (
      h: WorkflowHandleWithFirstExecutionRunId<typeof zorgplicht>,
      verstuurd: Verstuurd[],
      env: TestWorkflowEnvironment,
    ) => Promise<void>,
  ) {
    const env = await timeSkippingEnv({ start });
    try {
      const taskQueue = `vakantie-${input.zaakId}`;
      const { worker, verstuurd } = await recordingWorker(env, taskQueue);
      await worker.runUntil(async () => {
        const h = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
        await fn(h, verstuurd, env);
        await recordHistory('zorgplicht', h, 'v7', 'zorgplicht around school holidays');
      });
    } finally {
      await env.teardown();
    }
  }
  const momenten = (v: Verstuurd[]) => v.map((x) => `${x.n.sjabloon}@${x.datum} ${x.tijd}`);

  it('an aanmelding on 1 July: the coordinator hears the deadline falls in the zomervakantie, the school is reminded on 3, 10 and 17 July', async () => {
    await zaakOp('2026-07-01T07:00:00Z', zorgplichtInput({ aanmelddatum: '2026-07-01' }), async (h, verstuurd, env) => {
      const s = await h.query(statusQuery);
      expect(s.deadlines[0].datum).toBe('2026-08-12');
      expect(s.tijdlijn.map((t) => t.soort)).toEqual(['aangemeld', 'termijn-in-vakantie']);
      await skipTo(env, amsterdam('2026-07-17', '12:00'));
      expect(momenten(verstuurd)).toEqual([
        'termijn-in-vakantie@2026-07-01 09:00',
        'herinnering-school@2026-07-03 08:00',
        'herinnering-school@2026-07-10 08:00',
        'herinnering-school@2026-07-17 08:00',
      ]);
      expect(verstuurd[3].n.gegevens.regel).toMatch(/valt in de zomervakantie regio midden: herinneringen verspreid/);
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'plek', door: school }] });
    });
  });

  it('a school in regio zuid: the reminder of 15 February 2027 moves out of the voorjaarsvakantie (13–21 February) to Friday 12 February', async () => {
    const zuid = zorgplichtInput({
      aanmelddatum: '2027-01-18',
      school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: 'zuid' },
      kalender: regionaalRooster('zuid', '2027-01-01', '2028-07-31'),
    });
    await zaakOp('2027-01-18T08:00:00Z', zuid, async (h, verstuurd, env) => {
      expect((await h.query(statusQuery)).deadlines[0].datum).toBe('2027-03-01');
      await skipTo(env, amsterdam('2027-02-27', '12:00'));
      expect(momenten(verstuurd)).toEqual([
        'herinnering-school@2027-02-12 08:00',
        'herinnering-school@2027-02-22 08:00',
        'herinnering-school@2027-02-26 08:00',
      ]);
      expect(verstuurd[0].n.gegevens.regel).toBe(
        '14 dagen voor beslisdatum (standaardinstelling van dit systeem), verschoven naar vorige schooldag (voorjaarsvakantie regio zuid)',
      );
      await h.executeUpdate(besluitenUpdate, { args: [{ uitkomst: 'toegelaten', reden: 'plek', door: school }] });
    });
  });
});

describe('zorgplicht registered late (aanmelddatum in the past)', () => {
  it('skips reminders already past and fires passed deadlines at once', async () => {
    const env = await timeSkippingEnv({ start: '2026-07-20T08:00:00Z' });
    try {
      const input = zorgplichtInput();
      const taskQueue = `laat-${input.zaakId}`;
      const { worker, verstuurd } = await recordingWorker(env, taskQueue);
      await worker.runUntil(async () => {
        const h = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
        const s = await h.query(statusQuery);
        expect(s.tijdlijn.filter((t) => t.soort === 'herinnering-overgeslagen').map((t) => t.gegevens!.datum)).toEqual([
          '2026-07-03',
          '2026-07-10',
          '2026-07-17',
        ]);
        await skipTo(env, amsterdam('2026-07-28', '00:01'));
        expect(verstuurd.map((v) => `${v.n.sjabloon}@${v.datum}`)).toEqual([
          'termijn-in-vakantie@2026-07-20',
          'laatste-dag@2026-07-27',
          'termijn-overschreden@2026-07-28',
        ]);

        // A second case registered after both deadlines: overdue and placement at once.
        await skipTo(env, amsterdam('2026-08-30', '10:00'));
        const oud = zorgplichtInput();
        const h2 = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: oud.zaakId, args: [oud] });
        await skipTo(env, amsterdam('2026-08-30', '10:01'));
        const s2 = await h2.query(statusQuery);
        expect(s2.status).toBe('tijdelijk-geplaatst');
        expect(s2.termijnOverschreden).toBe(true);
        await h.terminate('klaar');
        await h2.terminate('klaar');
      });
    } finally {
      await env.teardown();
    }
  });
});
