import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { VolgendeStap, BetrokkenScholen, ZaakStatus } from '../../src/temporal/searchAttributes';
import { impasseStatusQuery, plaatsenUpdate } from '../../src/workflows/impasse';
import {
  stoppenUpdate,
  terugplaatsing,
  terugplaatsingRapportQuery,
  terugplaatsingStatusQuery,
  toestemmingUpdate,
} from '../../src/workflows/terugplaatsing';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import {
  alsOntvangend,
  alsSbo,
  alsSwv,
  besluitPositief,
  coordinator,
  deLinde,
  deVlinder,
  signaleren,
  stap,
  terugplaatsingInput,
  toestemming,
  vindSchool,
} from '../helpers/terugplaatsing';
import { withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';

type H = WorkflowHandle<typeof terugplaatsing>;

const SUITE = 'terugplaatsing workflow (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 2 November 2026, 09:00 in Amsterdam: the herfstvakantie is over, the kerstvakantie
  // (regio midden: 19 December 2026 – 3 January 2027) lies ahead.
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2026-11-02T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'tp', fn);
  const start = (taskQueue: string, input = terugplaatsingInput()): Promise<H> =>
    env.client.workflow.start(terugplaatsing, {
      taskQueue,
      workflowId: `tp-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
  const view = (h: H) => h.query(terugplaatsingStatusQuery);
  const regel = async (h: H, s: string) => (await view(h)).checklist.find((r) => r.stap === s)!;
  const berichten = (v: Verstuurd[], sjabloon: string) => v.filter((x) => x.n.sjabloon === sjabloon);

  it('the whole path: every sub-step recorded, the evaluation reminded and decided by the receiving school', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      let v = await view(h);
      expect(v.status).toBe('signalering');
      expect(v.checklist.map((r) => `${r.stap}:${r.status}`).slice(0, 3)).toEqual([
        '1.1:gedaan',
        '1.2:open',
        '1.3:open',
      ]);
      expect(v.checklist[0]).toMatchObject({ door: { rol: 'school' }, reden: expect.stringMatching(/leerdoelen/) });
      expect(v.volgendeStap).toMatchObject({ stap: '1.2', wie: 'verwijzende school' });

      await signaleren(h, '2026-11-02');
      await stap(
        h,
        { stap: '1.5', datum: '2026-11-02', wenselijk: true, verslag: 'HIA: terugplaatsing wenselijk' },
        alsSwv,
      );
      await stap(h, { stap: '1.6', wensen: 'de leerling wil naar de school van haar broer' });
      expect(await regel(h, '1.4')).toMatchObject({
        status: 'overgeslagen',
        reden: 'de OA zat al bij de OPP-bespreking',
      });
      expect((await view(h)).volgendeStap).toMatchObject({ stap: '2.1' });

      await vindSchool(h, '2026-11-02');
      v = await view(h);
      expect(v.status).toBe('verkenning');
      expect(v.ontvangendeSchool).toEqual({ brin: '22BA', naam: 'De Linde' });
      expect(v.betrokkenScholen).toEqual(['22BA']);
      // Found (2.3): 2.4 does not apply; the optional observation (2.5) is not "next", the visit (2.6) is.
      expect((await regel(h, '2.4')).status).toBe('nvt');
      expect(v.volgendeStap).toMatchObject({ stap: '2.6' });
      expect((await regel(h, '2.2')).scholen).toEqual([expect.objectContaining({ brin: '22BA' })]);
      const sa = (await h.describe()).typedSearchAttributes;
      expect(sa.get(BetrokkenScholen)).toEqual(['22BA']);
      expect(sa.get(VolgendeStap)).toBe('2.6');

      // The plan is the receiving school's (L2117): the S(B)O school may not record it.
      await skipTo(env, amsterdam('2026-11-04', '10:00'));
      await besluitPositief(h, '2026-11-04');
      expect((await view(h)).status).toBe('besluitvorming');
      expect((await regel(h, '3.2')).door).toMatchObject({ id: 'ib-22ba' });

      // Start Monday 16 November: six weeks is Monday 28 December, in the kerstvakantie → Friday 18 December.
      await stap(h, { stap: '4.1', startdatum: '2026-11-16' }, alsOntvangend);
      v = await view(h);
      expect(v.status).toBe('gestart');
      expect(v.deadlines).toEqual([
        expect.objectContaining({
          soort: 'evaluatie',
          datum: '2026-12-18',
          regel: expect.stringMatching(/kerstvakantie.*vorige schooldag/),
        }),
      ]);
      expect(v.volgendeHerinnering).toMatchObject({ datum: '2026-12-08' });

      await skipTo(env, amsterdam('2026-12-08', '09:00'));
      const herinnering = berichten(verstuurd, 'terugplaatsing-herinnering');
      expect(herinnering.map((x) => [x.datum, x.tijd])).toEqual([['2026-12-08', '08:00']]);
      expect(herinnering[0].n.aan).toEqual([
        { rol: 'school', email: 'ib@delinde.example' },
        { rol: 'coordinator', email: 'coordinator@swv.example' },
      ]);

      // The evaluation on 14 December: views differ, the receiving school's stands (L2136–2137).
      await skipTo(env, amsterdam('2026-12-14', '15:00'));
      v = await stap(
        h,
        {
          stap: '4.2',
          datum: '2026-12-14',
          deelnemers: ['ouders', 'ontvangende-school', 'ondersteuningsadviseur', 'verwijzende-school'],
          standpunten: { 'ontvangende-school': 'doorgaan', ouders: 'stoppen', 'verwijzende-school': 'doorgaan' },
          verslag: 'de leerling draait goed mee; ouders twijfelen over de drukte in de klas',
        },
        alsOntvangend,
      );
      expect(v.status).toBe('teruggeplaatst');
      expect(v.open).toBe(false);
      expect(v.evaluatie).toMatchObject({ besluit: 'doorgaan', ontvangendeSchoolLeidend: true });
      expect(v.checklist.find((r) => r.stap === '4.3')).toMatchObject({
        status: 'gedaan',
        reden: expect.stringMatching(/standpunt van de ontvangende school is leidend/),
      });
      expect(v.checklist.every((r) => r.status !== 'open')).toBe(true);
      const uitkomst = await h.result();
      expect(uitkomst).toMatchObject({ uitkomst: 'teruggeplaatst', school: { brin: '22BA' } });
      // Done before 15 December: its reminder and the late mark never came.
      expect(berichten(verstuurd, 'terugplaatsing-herinnering')).toHaveLength(1);
      expect(berichten(verstuurd, 'terugplaatsing-evaluatie-te-laat')).toHaveLength(0);
      const afgerond = berichten(verstuurd, 'terugplaatsing-afgerond');
      expect(afgerond).toHaveLength(1);
      expect(afgerond[0].n.aan.map((a) => a.rol)).toEqual(['ouders', 'school', 'school', 'coordinator']);
      expect(await h.query(terugplaatsingRapportQuery)).toMatchObject({
        uitkomst: 'teruggeplaatst',
        verstePunt: '4.3',
        evaluatieOpTijd: true,
        plaatsingstafel: false,
      });
      await recordHistory('terugplaatsing', h, 'v1', SUITE);
    });
  });

  it('consultation and consent gates: refused without, allowed with, per school; withdrawn consent refuses again', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue);
      // 2.1 only after the parents agreed that a school is sought (L2078).
      await stap(h, { stap: '1.2', wenselijk: true, toelichting: 'doelen behaald' });
      let reden = await weigering(stap(h, { stap: '2.1', school: deLinde }));
      expect(reden).toMatch(/overleg met de ouders.*stap 1\.3/);
      await stap(h, {
        stap: '1.3',
        datum: '2026-11-02',
        overeenstemming: false,
        verslag: 'ouders willen eerst nadenken',
      });
      expect(await weigering(stap(h, { stap: '2.1', school: deLinde }))).toMatch(/stap 1\.3/);
      expect(await regel(h, '1.3')).toMatchObject({ status: 'open', reden: 'de ouders stemden (nog) niet in' });
      await stap(h, { stap: '1.3', datum: '2026-11-02', overeenstemming: true, verslag: 'ouders stemmen in' });

      // 2.2 without contact and without consent: both named, the consent as 'toestemming' (L2082).
      reden = await weigering(stap(h, { stap: '2.2', school: deLinde }));
      expect(reden).toMatch(/groeidocument\/OPP mag nog niet met De Linde/);
      expect(reden).toMatch(/contact met De Linde \(stap 2\.1\)/);
      expect(reden).toMatch(/toestemming/);
      await stap(h, { stap: '2.1', school: deLinde });
      await stap(h, { stap: '2.1', school: deVlinder });
      reden = await weigering(stap(h, { stap: '2.2', school: deLinde }));
      expect(reden).not.toMatch(/stap 2\.1/);
      expect(reden).toMatch(/toestemming van de ouders om het groeidocument\/OPP met De Linde te delen/);

      // Consent for De Vlinder does not open De Linde.
      await h.executeUpdate(toestemmingUpdate, { args: [toestemming(deVlinder, '2026-11-02')] });
      expect(await weigering(stap(h, { stap: '2.2', school: deLinde }))).toMatch(/toestemming/);
      await stap(h, { stap: '2.2', school: deVlinder });
      let v = await view(h);
      expect(v.toestemmingen).toEqual([
        expect.objectContaining({ school: deVlinder, gegevenDoor: 'moeder', schriftelijk: true, datum: '2026-11-02' }),
      ]);

      // Withdrawn before sharing: refused again.
      await h.executeUpdate(toestemmingUpdate, { args: [toestemming(deLinde, '2026-11-02')] });
      await h.executeUpdate(toestemmingUpdate, { args: [toestemming(deLinde, '2026-11-02', { ingetrokken: true })] });
      expect(await weigering(stap(h, { stap: '2.2', school: deLinde }))).toMatch(/toestemming/);
      v = await view(h);
      expect(v.checklist.find((r) => r.stap === '2.2')!.scholen).toEqual([expect.objectContaining({ brin: '33CC' })]);
      // 2.3 only with a school the GD/OPP was shared with; nothing changed by the refusals.
      expect(await weigering(stap(h, { stap: '2.3', school: deLinde }))).toMatch(/stap 2\.2/);
      // A school not (yet) taking part cannot reach the case at all.
      expect(
        await weigering(stap(h, { stap: '2.5', datum: '2026-11-02', verslag: 'observatie' }, alsOntvangend)),
      ).toMatch(/bestaat niet|niet gevonden|onbekend/i);
      // Jump 2.3 → 2.5: found, so 2.4 does not apply.
      await stap(h, { stap: '2.3', school: deVlinder });
      expect((await regel(h, '2.4')).status).toBe('nvt');
      expect((await view(h)).ontvangendeSchool).toMatchObject({ brin: '33CC' });
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSbo }] });
    });
  });

  it('a negative decision in Stap 3 goes back to Stap 2; the parents hear where to turn (L2123–2125)', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await vindSchool(h, '2026-11-02');
      await stap(h, { stap: '2.5', overgeslagen: true, reden: 'de leerkracht van De Linde is ziek' });
      await stap(h, { stap: '2.6', datum: '2026-11-02' });
      expect(await weigering(stap(h, { stap: '3.3', besluit: 'negatief', reden: 'te vroeg' }, alsOntvangend))).toMatch(
        /stap 3\.1/,
      );
      await stap(
        h,
        {
          stap: '3.1',
          datum: '2026-11-02',
          deelnemers: ['ouders', 'De Linde'],
          succescriteria: 'veilig voelen',
          extraOndersteuning: 'geen',
          symbiose: false,
          voorbereidingLeerling: 'kennismaking',
          voorbereidingKlas: 'gesprek in de klas',
        },
        alsOntvangend,
      );
      // The S(B)O school does not decide for the receiving school.
      expect(await weigering(stap(h, { stap: '3.3', besluit: 'negatief', reden: 'geen plek' }))).toMatch(
        /ontvangende school/,
      );
      const v = await stap(h, { stap: '3.3', besluit: 'negatief', reden: 'de groep is te vol' }, alsOntvangend);
      expect(v.status).toBe('verkenning');
      expect(v.ontvangendeSchool).toBeNull();
      expect(v.betrokkenScholen).toEqual([]);
      expect(v.eerdereRondes).toEqual([
        expect.objectContaining({ school: { brin: '22BA', naam: 'De Linde' }, reden: 'de groep is te vol' }),
      ]);
      expect(v.volgendeStap).toMatchObject({ stap: '2.3' });
      for (const s of ['2.3', '2.5', '2.6', '3.1', '3.2', '3.3'])
        expect(v.checklist.find((r) => r.stap === s)!.status).toBe('open');
      // What happened stays: the contact and the sharing with De Linde.
      expect(v.checklist.find((r) => r.stap === '2.2')!.status).toBe('gedaan');
      // De Linde no longer takes part: it cannot act any more.
      expect(await weigering(stap(h, { stap: '2.6', datum: '2026-11-02' }, alsOntvangend))).toMatch(
        /bestaat niet|niet gevonden|onbekend/i,
      );
      const negatief = berichten(verstuurd, 'terugplaatsing-negatief');
      expect(negatief.map((x) => x.n.aan.map((a) => a.rol))).toEqual([['ouders', 'school', 'coordinator']]);
      await vindSchool(h, '2026-11-02', deVlinder);
      expect((await view(h)).ontvangendeSchool).toMatchObject({ naam: 'De Vlinder' });
      await recordHistory('terugplaatsing', h, 'v1', SUITE);
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    });
  });

  it('no school even with the OA: a plaatsingstafel (a real impasse) places the pupil, and the case goes on at 2.5', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await stap(h, { stap: '2.1', school: deLinde });
      // The SWV organises it (L2086–2089): not the school.
      expect(await weigering(stap(h, { stap: '2.4', metHulpOA: true, reden: 'geen school gevonden' }))).toMatch(
        /samenwerkingsverband/,
      );
      let v = await stap(
        h,
        { stap: '2.4', metHulpOA: true, reden: 'De Linde en twee andere scholen hebben geen plek' },
        alsSwv,
      );
      expect(v.plaatsingstafel).toMatchObject({ zaakId: `${h.workflowId}-impasse`, status: 'loopt' });
      let kind: string | undefined;
      for (let i = 0; i < 50 && !kind; i++) {
        v = await view(h);
        kind = v.status === 'plaatsingstafel' ? v.plaatsingstafel?.zaakId : undefined;
        if (!kind) await new Promise((r) => setTimeout(r, 100));
      }
      expect(v.volgendeStap).toMatchObject({ stap: '2.4', wie: 'ondersteuningsadviseur' });
      expect((await regel(h, '2.3')).status).toBe('nvt');
      expect(await weigering(stap(h, { stap: '2.6', datum: '2026-11-02' }))).toMatch(/plaatsingstafel loopt/);

      const imp = env.client.workflow.getHandle(kind!);
      const iv = await imp.query(impasseStatusQuery);
      expect(iv).toMatchObject({ niveau: 'E1', terugplaatsingZaak: h.workflowId, school: { brin: '11SB' } });
      await imp.executeUpdate(plaatsenUpdate, {
        args: [
          {
            school: { brin: '44DD', naam: 'De Regenboog' },
            reden: 'vrijwillige plaatsing aan de tafel',
            door: coordinator,
          },
        ],
      });
      for (let i = 0; i < 50 && (await view(h)).status === 'plaatsingstafel'; i++)
        await new Promise((r) => setTimeout(r, 100));
      v = await view(h);
      expect(v.status).toBe('verkenning');
      expect(v.plaatsingstafel).toMatchObject({ status: 'geplaatst' });
      expect(v.ontvangendeSchool).toEqual({ brin: '44DD', naam: 'De Regenboog' });
      expect(v.checklist.find((r) => r.stap === '2.4')!.status).toBe('gedaan');
      expect(v.volgendeStap).toMatchObject({ stap: '2.6' });
      expect((await view(h)).tijdlijn.map((i) => i.soort)).toContain('plaatsingstafel:geplaatst');
      await recordHistory('terugplaatsing', h, 'v1', SUITE);
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    });
  });

  it('a plaatsingstafel cancelled from outside opens Stap 2 again', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await stap(h, { stap: '2.4', metHulpOA: true, reden: 'geen school gevonden, ook niet met de OA' }, alsSwv);
      const kind = env.client.workflow.getHandle(`${h.workflowId}-impasse`);
      for (let i = 0; i < 50; i++) {
        if ((await kind.describe().catch(() => undefined))?.status.name === 'RUNNING') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Cancelled from outside (the Temporal UI): the impasse records it and ends; this case goes on.
      await kind.cancel();
      let v = await view(h);
      for (let i = 0; i < 50 && v.plaatsingstafel?.status === 'loopt'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        v = await view(h);
      }
      expect(v.plaatsingstafel).toMatchObject({ status: 'gestopt' });
      expect(v.status).toBe('verkenning');
      expect(v.checklist.find((r) => r.stap === '2.3')!.status).toBe('open');
      expect(v.checklist.find((r) => r.stap === '2.4')!.status).toBe('open');
      expect(v.volgendeStap).toMatchObject({ stap: '2.1' });
      expect(v.tijdlijn.at(-1)!.omschrijving).toMatch(/beëindigd zonder plaatsing.*stap 2 staat weer open/);
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    });
  });

  it('the evaluation deadline passes: the receiving school and the OA reminded, then all told on the day after', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await vindSchool(h, '2026-11-02');
      await besluitPositief(h, '2026-11-02', true);
      // A symbiose (L2025–2028): the decision on the full transfer at the same six weeks.
      // Start Monday 9 November: six weeks is Monday 21 December, in the kerstvakantie → Friday 18 December.
      const v = await stap(h, { stap: '4.1', startdatum: '2026-11-09' }, alsOntvangend);
      expect(v.deadlines.map((d) => [d.soort, d.datum])).toEqual([
        ['evaluatie', '2026-12-18'],
        ['besluit-overstap', '2026-12-18'],
      ]);
      expect(v.deadlines[0].regel).toMatch(/symbiose/);
      await skipTo(env, amsterdam('2026-12-19', '09:00'));
      expect(berichten(verstuurd, 'terugplaatsing-herinnering').map((x) => x.datum)).toEqual([
        '2026-12-08',
        '2026-12-15',
      ]);
      const laat = berichten(verstuurd, 'terugplaatsing-evaluatie-te-laat');
      expect(laat.map((x) => [x.datum, x.tijd])).toEqual([['2026-12-19', '00:00']]);
      expect(laat[0].n.aan.map((a) => a.email)).toEqual([
        'ib@delinde.example',
        'ib@dewissel.example',
        'coordinator@swv.example',
      ]);
      expect((await view(h)).tijdlijn.map((i) => i.soort)).toContain('evaluatie-te-laat');
      // Held late: it still counts, the report says it was not on time.
      await stap(
        h,
        {
          stap: '4.2',
          datum: '2026-12-18',
          deelnemers: ['ouders', 'ontvangende-school', 'ondersteuningsadviseur', 'verwijzende-school'],
          standpunten: { 'ontvangende-school': 'stoppen', ouders: 'stoppen' },
          verslag: 'de overstap is te groot; terug naar het SO',
        },
        alsOntvangend,
      );
      expect(await h.query(terugplaatsingRapportQuery)).toMatchObject({
        uitkomst: 'gestopt',
        evaluatieOpTijd: false,
        symbiose: true,
      });
      expect(await h.result()).toMatchObject({ uitkomst: 'gestopt' });
    });
  });

  it('a start on the last school day before the summer: the evaluation on the first school day after it', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await vindSchool(h, '2026-11-02');
      await besluitPositief(h, '2026-11-02');
      // Friday 16 July 2027, the eve of the zomervakantie midden (17 July – 29 August): six weeks is
      // 27 August, in the holiday, and no school day lies between: Monday 30 August, the rule says why.
      const v = await stap(h, { stap: '4.1', startdatum: '2027-07-16' }, alsOntvangend);
      expect(v.deadlines).toEqual([
        expect.objectContaining({
          soort: 'evaluatie',
          datum: '2027-08-30',
          regel: expect.stringMatching(/zomervakantie/),
        }),
      ]);
      expect(v.volgendeHerinnering).toMatchObject({ datum: '2027-07-16' });
      await skipTo(env, amsterdam('2027-08-31', '09:00'));
      expect(berichten(verstuurd, 'terugplaatsing-herinnering').map((x) => [x.datum, x.tijd])).toEqual([
        ['2027-07-16', '08:00'],
      ]);
      expect(berichten(verstuurd, 'terugplaatsing-evaluatie-te-laat').map((x) => [x.datum, x.tijd])).toEqual([
        ['2027-08-31', '00:00'],
      ]);
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    });
  });

  it('the evaluation needs all four parties (L2130–2133)', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue);
      await signaleren(h, '2026-11-02');
      await vindSchool(h, '2026-11-02');
      await besluitPositief(h, '2026-11-02');
      await stap(h, { stap: '4.1', startdatum: '2026-11-02' }, alsSbo);
      const evaluatie = {
        stap: '4.2' as const,
        datum: '2026-11-02',
        deelnemers: ['ouders' as const, 'ontvangende-school' as const],
        standpunten: { 'ontvangende-school': 'doorgaan' as const },
        verslag: 'goed',
      };
      expect(await weigering(stap(h, evaluatie, alsOntvangend))).toMatch(
        /ontbreekt: ondersteuningsadviseur, verwijzende-school/,
      );
      // The receiving school's position leads (L2134–2137): it records the evaluation, not the S(B)O school.
      expect(await weigering(stap(h, evaluatie, alsSbo))).toMatch(/ontvangende school/);
      // Nor does the S(B)O school stop it after the start, or go back to signalling.
      expect(await weigering(h.executeUpdate(stoppenUpdate, { args: [{ reden: 'toch niet', ...alsSbo }] }))).toMatch(
        /besluit de evaluatie \(stap 4\.2\)/,
      );
      expect(await weigering(stap(h, { stap: '1.6', wensen: 'de leerling wil toch blijven' }, alsSbo))).toMatch(
        /al een ontvangende school/,
      );
      // A start before the case began is refused; one earlier than today but after it is fine.
      expect((await view(h)).status).toBe('gestart');
      await h.executeUpdate(stoppenUpdate, { args: [{ reden: 'test klaar', ...alsSwv }] });
    });
  });

  it('a stalled Stap 1–3 is shown to the coordinator after six school weeks, and again only after new progress', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      let v = await view(h);
      expect(v.deadlines).toEqual([expect.objectContaining({ soort: 'serviceniveau', datum: '2026-12-14' })]);
      expect((await h.describe()).typedSearchAttributes.get(ZaakStatus)).toBe('signalering');
      await skipTo(env, amsterdam('2026-12-14', '09:00'));
      const stil = berichten(verstuurd, 'terugplaatsing-vastgelopen');
      expect(stil.map((x) => [x.datum, x.tijd])).toEqual([['2026-12-14', '08:00']]);
      expect(stil[0].n.aan).toEqual([{ rol: 'coordinator', email: 'coordinator@swv.example' }]);
      v = await view(h);
      expect(v.vastgelopen).toMatchObject({ stap: '1.2' });
      expect(v.deadlines).toEqual([]);
      // Progress: the service level starts again (six school weeks, the kerstvakantie not counted).
      v = await stap(h, { stap: '1.2', wenselijk: true, toelichting: 'toch wenselijk' });
      expect(v.vastgelopen).toBeNull();
      expect(v.deadlines).toEqual([expect.objectContaining({ soort: 'serviceniveau', datum: '2027-02-08' })]);
      await skipTo(env, amsterdam('2027-02-05', '09:00'));
      expect(berichten(verstuurd, 'terugplaatsing-vastgelopen')).toHaveLength(1);
      // Closed for 1.2 "niet wenselijk" via the HIA.
      v = await stap(h, { stap: '1.5', datum: '2027-02-05', wenselijk: false, verslag: 'HIA: nog niet' }, alsSwv);
      expect(v.status).toBe('niet-wenselijk');
      expect(v.checklist.filter((r) => r.status === 'open')).toEqual([]);
      expect(await h.result()).toMatchObject({ uitkomst: 'niet-wenselijk' });
    });
  });
});
