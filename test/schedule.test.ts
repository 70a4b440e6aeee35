/**
 * The directeur's weekly digest on a real stack (zakenHarness: Temporal dev server in real time, the
 * product's worker, a real SMTP sink, the express app): the Schedule is created idempotently at every
 * worker start, fires Monday 08:00 Europe/Amsterdam across daylight saving, and its workflow mails the
 * stuck impasses once a day, and nothing when none is stuck.
 */
import { ScheduleOverlapPolicy, type ScheduleDescription } from '@temporalio/client';
import { formatDutchDate } from '../src/domain';
import request from 'supertest';
import {
  ensureThuiszitterSchedules,
  ensureWeeklyDigestSchedule,
  thuiszitterRapportageSpec,
  thuiszitterScheduleId,
  WEEKLY_DIGEST_SCHEDULE,
  weeklyDigestSpec,
} from '../src/temporal/schedules';
import { getPolicy, rapportagePeriode } from '../src/domain';
import { thuiszitterRapportage } from '../src/workflows/thuiszitterRapportage';
import { wekelijksOverzicht } from '../src/workflows/wekelijksOverzicht';
import { waitFor } from './helpers/api';
import { ids, impasseApi, vastgelopenMelding } from './helpers/impasseApi';
import { readMails, startZakenHarness, vandaag, type Harness, type Mail } from './helpers/zakenHarness';

const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const deLinde = { brin: '34CD', naam: 'De Linde' };

describe('weekly digest schedule (real dev server, real worker, real SMTP)', () => {
  let h: Harness;
  let api: ReturnType<typeof impasseApi>;
  const describeSchedule = (id = WEEKLY_DIGEST_SCHEDULE) => h.client.schedule.getHandle(id).describe();
  const scheduleIds = async () => {
    const out: string[] = [];
    for await (const s of h.client.schedule.list()) out.push(s.scheduleId);
    return out;
  };
  const digests = (): Mail[] => readMails(h.mailDir).filter((m) => m.subject.startsWith('Weekoverzicht'));

  beforeAll(async () => {
    h = await startZakenHarness('schedule');
    api = impasseApi(h);
  }, 120_000);

  afterAll(async () => {
    await h?.teardown();
  });

  describe('the Schedule', () => {
    it("is 'aangemaakt' once, then 'bijgewerkt' at every later start; there is exactly one with that id", async () => {
      expect(await ensureWeeklyDigestSchedule(h.client, h.config.taskQueue)).toBe('aangemaakt');
      expect(await ensureWeeklyDigestSchedule(h.client, h.config.taskQueue)).toBe('bijgewerkt');
      // Several workers starting at once: all succeed, still one Schedule.
      const samen = await Promise.all([1, 2, 3].map(() => ensureWeeklyDigestSchedule(h.client, h.config.taskQueue)));
      expect(samen).toEqual(['bijgewerkt', 'bijgewerkt', 'bijgewerkt']);
      const lijst = await waitFor(async () => {
        const l = await scheduleIds();
        return l.includes(WEEKLY_DIGEST_SCHEDULE) ? l : undefined;
      }, 15_000);
      expect(lijst.filter((id) => id === WEEKLY_DIGEST_SCHEDULE)).toHaveLength(1);
    });

    it('starts wekelijksOverzicht on the worker task queue, skips overlaps, catches up a day', async () => {
      const d = await describeSchedule();
      expect(d.action).toEqual(
        expect.objectContaining({
          type: 'startWorkflow',
          workflowType: 'wekelijksOverzicht',
          taskQueue: h.config.taskQueue,
          workflowId: 'wekelijks-overzicht',
        }),
      );
      expect(d.policies).toEqual(
        expect.objectContaining({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 24 * 60 * 60 * 1000 }),
      );
      expect(d.state.paused).toBe(false);
    });

    it('has the calendar spec Monday 08:00 in Europe/Amsterdam', async () => {
      const d = await describeSchedule();
      expectMondayEight(d);
    });

    it('every next action time is a Monday 08:00 in Amsterdam', async () => {
      const d = await describeSchedule();
      expect(d.info.nextActionTimes.length).toBeGreaterThanOrEqual(5);
      for (const t of d.info.nextActionTimes) {
        expect(AMSTERDAM.format(t)).toBe('maandag 08:00');
        expect(t.getTime()).toBeGreaterThan(Date.now());
      }
      // One week apart (in Amsterdam wall time; in UTC 7 days ± the DST hour).
      const ts = d.info.nextActionTimes.map((t) => t.getTime());
      for (let i = 1; i < ts.length; i++)
        expect(Math.abs(ts[i] - ts[i - 1] - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
    });

    it('a later start brings a changed Schedule back to Monday 08:00 and its action', async () => {
      await h.client.schedule.getHandle(WEEKLY_DIGEST_SCHEDULE).update((prev) => ({
        ...prev,
        spec: { calendars: [{ dayOfWeek: 'TUESDAY', hour: 9, minute: 30 }], timezone: 'UTC' },
        action: { ...prev.action, taskQueue: 'iemand-anders' } as typeof prev.action,
      }));
      expect(AMSTERDAM.format((await describeSchedule()).info.nextActionTimes[0])).not.toBe('maandag 08:00');
      expect(await ensureWeeklyDigestSchedule(h.client, h.config.taskQueue)).toBe('bijgewerkt');
      const d = await describeSchedule();
      expectMondayEight(d);
      expect(d.action).toEqual(expect.objectContaining({ taskQueue: h.config.taskQueue }));
      for (const t of d.info.nextActionTimes) expect(AMSTERDAM.format(t)).toBe('maandag 08:00');
    });

    it.each([
      ['CET → CEST (March 2027)', '2027-03-20T00:00:00Z', ['2027-03-22T07:00:00.000Z', '2027-03-29T06:00:00.000Z']],
      ['CEST → CET (October 2027)', '2027-10-20T00:00:00Z', ['2027-10-25T06:00:00.000Z', '2027-11-01T07:00:00.000Z']],
    ])('keeps 08:00 Amsterdam across daylight saving: %s', async (_what, startAt, verwacht) => {
      const scheduleId = `dst-${startAt.slice(0, 10)}`;
      // Same spec and workflow type, on a task queue nobody polls (it would not fire before 2027 anyway).
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { ...weeklyDigestSpec(), startAt: new Date(startAt) },
        action: {
          type: 'startWorkflow',
          workflowType: wekelijksOverzicht,
          taskQueue: `niemand-${scheduleId}`,
          workflowId: scheduleId,
        },
        state: { paused: true, note: 'alleen voor de zomertijdtest' },
      });
      try {
        const d = await handle.describe();
        const tijden = d.info.nextActionTimes.map((t) => t.toISOString());
        expect(tijden.slice(0, 2)).toEqual(verwacht);
        for (const t of d.info.nextActionTimes) expect(AMSTERDAM.format(t)).toBe('maandag 08:00');
      } finally {
        await handle.delete();
      }
    });
  });

  describe('the digest', () => {
    let S1: string; // stuck longest
    let S2: string; // stuck
    let O: string; // open (melding today)
    let eerste: Mail;

    beforeAll(async () => {
      // S2 first, S1 (an earlier melding, stuck longer) after it: the digest must not list by creation.
      const gemeldS2 = vastgelopenMelding(30);
      S2 = await api.nieuw({ gemeldOp: gemeldS2 });
      S1 = await api.nieuw({ school: { brin: '34CD', naam: 'De Linde' }, gemeldOp: vastgelopenMelding(45, gemeldS2) });
      O = await api.nieuw({ school: { brin: '56EF', naam: 'De Vlinder' }, gemeldOp: vandaag() });
      await api.lijstTot(
        '?limiet=500',
        (l) => [S1, S2, O].every((id) => ids(l).includes(id)) && l.aantalVastgelopen === 2,
      );
    });

    it('triggering the Schedule mails the directeur exactly the two stuck impasses, in Dutch', async () => {
      const voor = new Set((await describeSchedule()).info.recentActions.map((a) => a.action.workflow.workflowId));
      await h.client.schedule.getHandle(WEEKLY_DIGEST_SCHEDULE).trigger();
      const actie = await waitFor(
        async () => (await describeSchedule()).info.recentActions.find((a) => !voor.has(a.action.workflow.workflowId)),
        15_000,
      );
      expect(actie.action.workflow.workflowId).toMatch(/^wekelijks-overzicht/);
      const resultaat = await h.client.workflow
        .getHandle<typeof wekelijksOverzicht>(actie.action.workflow.workflowId)
        .result();
      expect(resultaat).toEqual({ datum: vandaag(), vastgelopen: expect.any(Array), verzonden: true });
      expect([...resultaat.vastgelopen].sort()).toEqual([S1, S2].sort());

      const mails = await waitFor(async () => (digests().length > 0 ? digests() : undefined), 15_000);
      expect(mails).toHaveLength(1);
      eerste = mails[0];
      expect(eerste.to).toBe(h.config.directeurEmail);
      expect(eerste.subject).toBe(`Weekoverzicht: 2 vastgelopen impasse(s) op ${formatDutchDate(vandaag())}`);
      const regels = eerste.body.split('\n').filter((r) => r.startsWith('- Zaak '));
      const genoemd = regels.map((r) => /^- Zaak (\S+) /.exec(r)![1]);
      expect(genoemd.sort()).toEqual([S1, S2].sort());
      expect(eerste.body).not.toContain(O);
      expect(eerste.body).toContain('Beste directeur');
      expect(eerste.body).toContain('GET /api/v1/impasses');
      expect(regels.find((r) => r.includes(S1))).toMatch(
        /school 34CD · trede E1 sinds .+ \(\d+ schooldagen\) · vastgelopen sinds /,
      );
      // No pupil name in the digest.
      expect(eerste.body).not.toContain('Vandersnoek');
      // The directeur's mailbox: one stuck notice per stuck impasse (from the impasse itself) and this one digest.
      const directeur = await waitFor(async () => {
        const m = readMails(h.mailDir).filter((x) => x.to === h.config.directeurEmail);
        return m.length >= 3 ? m : undefined;
      }, 15_000);
      expect(directeur.map((m) => m.subject.replace(/:.*/, '')).sort()).toEqual([
        'Vastgelopen impasse op E1',
        'Vastgelopen impasse op E1',
        'Weekoverzicht',
      ]);
    });

    it('lists the stuck one stuck longest first', async () => {
      const genoemd = eerste.body
        .split('\n')
        .filter((r) => r.startsWith('- Zaak '))
        .map((r) => /^- Zaak (\S+) /.exec(r)![1]);
      expect(genoemd).toEqual([S1, S2]);
    });

    it('running it again the same day sends no second e-mail', async () => {
      const nogmaals = await h.client.workflow.execute(wekelijksOverzicht, {
        taskQueue: h.config.taskQueue,
        workflowId: `overzicht-opnieuw-${Date.now()}`,
      });
      expect([...nogmaals.vastgelopen].sort()).toEqual([S1, S2].sort());
      expect(nogmaals.verzonden).toBe(false);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(digests()).toHaveLength(1);
      expect(digests()[0].file).toBe(eerste.file);
    });

    it('with no stuck impasse left (both placed via the API) it returns verzonden: false and sends nothing', async () => {
      for (const id of [S1, S2])
        expect((await api.act(id, 'plaatsen', { school: deLinde, reden: 'Geplaatst op De Linde.' })).status).toBe(200);
      await api.lijstTot('?vastgelopen=true', (l) => l.impasses.length === 0 && l.aantalVastgelopen === 0);
      // Each placed impasse closes once its placement mail is out.
      await api.lijstTot('?limiet=500', (l) => ids(l).length === 1 && ids(l)[0] === O);
      const leeg = await h.client.workflow.execute(wekelijksOverzicht, {
        taskQueue: h.config.taskQueue,
        workflowId: `overzicht-leeg-${Date.now()}`,
      });
      expect(leeg).toEqual({ datum: vandaag(), vastgelopen: [], verzonden: false });
      await new Promise((r) => setTimeout(r, 500));
      expect(digests()).toHaveLength(1);
    });
  });

  /**
   * The thuiszitters reports on their cadence (issue 16 item 6): a Schedule per SWV and report, on the
   * 1st of its months at 08:00 Amsterdam, mailing the directeur the counts over the months before.
   */
  describe('the thuiszitters reports', () => {
    const DAG = new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });

    it('a Schedule per SWV and report, created once and brought back at every start', async () => {
      const ids = await ensureThuiszitterSchedules(h.client, h.config.taskQueue);
      expect(ids).toEqual(
        expect.arrayContaining([
          'thuiszitters-spow-landelijk',
          'thuiszitters-spow-inspectie',
          'thuiszitters-ppo-nk-trimester',
        ]),
      );
      expect(await ensureThuiszitterSchedules(h.client, h.config.taskQueue)).toEqual(ids);
      const d = await h.client.schedule.getHandle(thuiszitterScheduleId('spow', 'inspectie')).describe();
      expect(d.action).toEqual(
        expect.objectContaining({ workflowType: 'thuiszitterRapportage', taskQueue: h.config.taskQueue }),
      );
      expect(d.policies).toEqual(expect.objectContaining({ overlap: ScheduleOverlapPolicy.SKIP }));
    });

    it.each([
      [
        'SPOW, the national registration per quarter (seed 001 L147)',
        'spow',
        'landelijk',
        ['1 januari', '1 april', '1 juli', '1 oktober'],
      ],
      [
        'SPOW, the inspectie every two months (seed 001 L1959)',
        'spow',
        'inspectie',
        ['1 januari', '1 maart', '1 mei', '1 juli'],
      ],
      [
        'PPO-NK, the trimester report (seed 003 L619)',
        'ppo-nk',
        'trimester',
        ['1 januari', '1 mei', '1 september', '1 januari'],
      ],
    ])('fires on its dates: %s', async (_wat, beleid, soort, verwacht) => {
      const r = getPolicy(beleid).thuiszitters!.rapportages.find((x) => x.soort === soort)!;
      const scheduleId = `proef-${beleid}-${soort}`;
      // The same spec from a fixed day, on a task queue nobody polls, paused: only its dates are read.
      const handle = await h.client.schedule.create({
        scheduleId,
        spec: { ...thuiszitterRapportageSpec(r.maanden), startAt: new Date('2026-12-15T00:00:00Z') },
        action: {
          type: 'startWorkflow',
          workflowType: thuiszitterRapportage,
          taskQueue: `niemand-${scheduleId}`,
          workflowId: scheduleId,
          args: [{ beleid, soort: r.soort, periodeMaanden: r.periodeMaanden, regel: r.regel }],
        },
        state: { paused: true, note: 'alleen voor de data' },
      });
      try {
        const tijden = (await handle.describe()).info.nextActionTimes.slice(0, 4).map((t) => DAG.format(t));
        expect(tijden.map((t) => t.replace(/ 20\d\d om 08:00$/, ''))).toEqual(verwacht);
        for (const t of tijden) expect(t).toMatch(/ om 08:00$/);
      } finally {
        await handle.delete();
      }
    });

    it('triggered, it mails the directeur the counts over the months before, once, and no names', async () => {
      const melding = await request(h.app)
        .post('/api/v1/zaken/thuiszitter')
        .set('Authorization', `Bearer ${h.tokenOf('coordinator')}`)
        .send({
          leerling: { naam: 'Quirijn Vandersnoek' },
          ouders: [{ naam: 'Fenna Vandersnoek', email: 'fenna@ouders.example' }],
          beleid: 'spow',
          sinds: vandaag(-20),
          reden: 'Nergens ingeschreven.',
        });
      expect(melding.status).toBe(201);
      const id = thuiszitterScheduleId('spow', 'inspectie');
      await h.client.schedule.getHandle(id).trigger();
      const rapport = (): Mail[] => readMails(h.mailDir).filter((m) => m.subject.startsWith('Thuiszitters'));
      const mails = await waitFor(async () => (rapport().length > 0 ? rapport() : undefined), 20_000);
      expect(mails).toHaveLength(1);
      const { van, tot } = rapportagePeriode(vandaag(), 2);
      expect(mails[0].to).toBe(h.config.directeurEmail);
      expect(mails[0].subject).toContain(
        `${formatDutchDate(van)} t/m ${formatDutchDate(tot)}: de opgave thuiszitters aan de inspectie`,
      );
      expect(mails[0].body).toContain(`GET /api/v1/rapportages/thuiszitters?beleid=spow&van=${van}&tot=${tot}`);
      expect(mails[0].body).toMatch(/Per duur/);
      for (const naam of ['Quirijn', 'Vandersnoek', 'Fenna', 'ouders.example'])
        expect(mails[0].body).not.toContain(naam);
      // Triggered again the same day: the same report, not a second mail.
      await h.client.schedule.getHandle(id).trigger();
      await new Promise((r) => setTimeout(r, 3_000));
      expect(rapport()).toHaveLength(1);
    }, 60_000);
  });
});

function expectMondayEight(d: ScheduleDescription): void {
  expect(d.spec.timezone).toBe('Europe/Amsterdam');
  expect(d.spec.calendars).toHaveLength(1);
  expect(d.spec.calendars![0]).toEqual(
    expect.objectContaining({
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
      hour: [{ start: 8, end: 8, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    }),
  );
  expect(d.spec.intervals ?? []).toEqual([]);
}
