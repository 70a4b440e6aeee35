/**
 * P5 Thuiszitters (issue 16 items 1–2), on real dates from Monday 11 January 2027: the automatic
 * openings (a zorgplicht case closed without a school, a terugplaatsing that stops without a place),
 * a placement by the impasse that opened the case, Almere's report at once to the school's board and
 * leerplicht (seed 002 L589), and a report past the threshold answered as a thuiszitter at once.
 */
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, regionaalRooster, thuiszitterHerinneringen } from '../../src/domain';
import type { ThuiszitterInput } from '../../src/shared/thuiszitter';
import type { ActorRef, Stap } from '../../src/shared/zaak';
import { impasse, leerlingThuisUpdate, plaatsenUpdate } from '../../src/workflows/impasse';
import { stoppenUpdate, terugplaatsing } from '../../src/workflows/terugplaatsing';
import {
  afsluitenUpdate,
  afwezigheidUpdate,
  thuiszitter,
  thuiszitterStatusQuery,
  thuiszitterViewUpdate,
} from '../../src/workflows/thuiszitter';
import { besluitenUpdate, zorgplicht } from '../../src/workflows/zorgplicht';
import { recordHistory } from '../helpers/histories';
import { impasseInput } from '../helpers/impasse';
import { amsterdam, skipTo, timeSkippingEnv, weigering, zodraGestart } from '../helpers/temporal';
import { alsSbo, signaleren, terugplaatsingInput } from '../helpers/terugplaatsing';
import { zodraVerstuurd, moment, withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { coordinator, school as zpSchool, zorgplichtInput } from '../helpers/zorgplicht';

type TZ = WorkflowHandle<typeof thuiszitter>;
const school: ActorRef = { id: 'ib-12ab', naam: 'IB De Regenboog', rol: 'school' };
const alsSwv: Stap = { door: coordinator };
const alsSchool: Stap = { door: school, scope: ['12AB'] };
const tz = (h: WorkflowHandle) => h as TZ;

const SUITE = 'thuiszitter opened automatically and reported (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'tzo', fn);
  const momenten = (v: Verstuurd[], sjabloon?: string) =>
    v.filter((x) => !sjabloon || x.n.sjabloon === sjabloon).map(moment);
  /** Closed, without a long poll on its result (that lets the test server skip time to another case's timer). */
  async function klaar(h: WorkflowHandle): Promise<void> {
    for (let i = 0; i < 100 && (await h.describe()).status.name === 'RUNNING'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await h.describe()).status.name).toBe('COMPLETED');
  }
  const bestaat = (id: string) =>
    env.client.workflow
      .getHandle(id)
      .describe()
      .then(
        () => true,
        () => false,
      );

  it('a zorgplicht case withdrawn with no other enrolment opens a thuiszitter case naming it; not with an enrolment, nor for a child not yet leerplichtig', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      // Born in 2019: leerplichtig since 1 March 2024.
      const input = zorgplichtInput({
        beleid: getPolicy('spow'),
        aanmelddatum: '2027-01-04',
        leerplichtigVanaf: '2024-03-01',
      });
      const zp = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      const ingetrokken = await zp.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'De ouders trekken de aanmelding in.', door: zpSchool }],
      });
      const kindId = `${input.zaakId}-thuiszitter`;
      expect(ingetrokken.thuiszitter).toEqual({ zaakId: kindId });
      expect(ingetrokken.tijdlijn.at(-1)).toMatchObject({ soort: 'thuiszitter-geopend' });
      await klaar(zp);
      // The zorgplicht case ended only once the server had started the thuiszitter case.
      expect(await bestaat(kindId)).toBe(true);
      const kind = tz(await zodraGestart(env, kindId));
      const k = await kind.query(thuiszitterStatusQuery);
      expect(k).toMatchObject({
        status: 'thuiszitter',
        verzuim: 'absoluut',
        sinds: '2027-01-11',
        thuiszitterSinds: '2027-01-11',
        streefdatum: { datum: '2027-04-11' },
        aanleiding: {
          zaakId: input.zaakId,
          regel: 'Aanmelding ingetrokken zonder andere inschrijving: de leerling heeft geen school',
        },
      });
      expect(k.school).toBeUndefined();
      // A school's decision opened it: the coordinator hears of it the same day.
      await zodraVerstuurd(verstuurd, 2);
      expect(momenten(verstuurd, 'thuiszitter-geopend')).toEqual(['thuiszitter-geopend:coordinator@2027-01-11 09:00']);
      expect(verstuurd.find((v) => v.n.sjabloon === 'thuiszitter-geopend')!.n.gegevens).toMatchObject({
        aanleiding: 'Aanmelding ingetrokken zonder andere inschrijving: de leerling heeft geen school',
      });
      // The coordinator is reminded before the target as for any thuiszitter (14 and 7 days, on school days).
      const spow = getPolicy('spow');
      const herinneringen = thuiszitterHerinneringen('streefdatum', k.streefdatum, spow, spow.regio, input.kalender);
      expect(herinneringen.length).toBe(2);
      await skipTo(env, amsterdam('2027-04-11', '16:59'));
      expect(momenten(verstuurd, 'thuiszitter-herinnering')).toEqual(
        herinneringen.map((h) => `thuiszitter-herinnering:coordinator@${h.datum} 08:00`),
      );
      await recordHistory('zorgplicht', zp, 'v7', SUITE);
      await recordHistory('thuiszitter', kind, 'v2', SUITE);
      await kind.terminate('klaar');

      // Still enrolled where the child is (the parents say so): no thuiszitter case.
      const elders = zorgplichtInput({
        beleid: getPolicy('spow'),
        aanmelddatum: '2027-03-22',
        leerplichtigVanaf: '2024-03-01',
      });
      const zp2 = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: elders.zaakId, args: [elders] });
      const v2 = await zp2.executeUpdate(besluitenUpdate, {
        args: [
          {
            uitkomst: 'ingetrokken',
            reden: 'De ouders kiezen voor de huidige school.',
            ingeschrevenOp: { brin: '44DD', naam: 'De Eik' },
            door: coordinator,
          },
        ],
      });
      expect(v2.thuiszitter).toBeUndefined();
      expect(v2.ingeschrevenElders).toEqual({ brin: '44DD', naam: 'De Eik' });
      expect(v2.tijdlijn.at(-1)).toMatchObject({
        soort: 'ingeschreven-blijft',
        omschrijving: 'De leerling staat ingeschreven op De Eik: geen thuiszitterszaak',
      });
      await klaar(zp2);
      expect(await bestaat(`${elders.zaakId}-thuiszitter`)).toBe(false);

      // Its age unknown (no birth date at the start) in the PO: no case assumed, the coordinator asked to look.
      const onbekend = zorgplichtInput({ beleid: getPolicy('spow'), aanmelddatum: '2027-03-22' });
      const zp4 = await env.client.workflow.start(zorgplicht, {
        taskQueue,
        workflowId: onbekend.zaakId,
        args: [onbekend],
      });
      const v4 = await zp4.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'De ouders trekken de aanmelding in.', door: zpSchool }],
      });
      expect(v4.thuiszitter).toBeUndefined();
      expect(v4.tijdlijn.at(-1)!.soort).toBe('thuiszitter-controleren');
      await klaar(zp4);
      expect(await bestaat(`${onbekend.zaakId}-thuiszitter`)).toBe(false);
      await recordHistory('zorgplicht', zp4, 'v7-leeftijd-onbekend', SUITE);
      expect(momenten(verstuurd, 'thuiszitter-controleren')).toHaveLength(1);
      expect(momenten(verstuurd, 'thuiszitter-controleren')[0]).toMatch(
        /^thuiszitter-controleren:coordinator@2027-04-11 1[67]:\d\d$/,
      );

      // A child of four (leerplichtig from 1 June 2027, Leerplichtwet art. 3): not a thuiszitter.
      const jong = zorgplichtInput({
        beleid: getPolicy('spow'),
        aanmelddatum: '2027-03-22',
        leerplichtigVanaf: '2027-06-01',
      });
      const zp3 = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: jong.zaakId, args: [jong] });
      const v3 = await zp3.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'De ouders wachten nog een jaar.', door: coordinator }],
      });
      expect(v3.thuiszitter).toBeUndefined();
      expect(v3.tijdlijn.at(-1)!.omschrijving).toBe(
        'De leerling is leerplichtig vanaf dinsdag 1 juni 2027 (Leerplichtwet 1969, artikel 3): geen thuiszitterszaak',
      );
      await klaar(zp3);
      expect(await bestaat(`${jong.zaakId}-thuiszitter`)).toBe(false);
      await recordHistory('zorgplicht', zp3, 'v7-niet-leerplichtig', SUITE);
    });
  });

  it('a terugplaatsing that stops without a place opens a thuiszitter case; only the SWV says so; the 4 weeks run from the first day at home', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const tp = await env.client.workflow.start(terugplaatsing, {
        taskQueue,
        workflowId: `tp-${Math.random().toString(16).slice(2)}`,
        args: [terugplaatsingInput()],
      });
      await signaleren(tp, '2027-01-11');
      const thuis = {
        sinds: '2027-01-11',
        reden: 'De TLV is verlopen en geen school neemt de leerling aan.',
        ingeschrevenOp: { brin: '11SB', naam: 'SBO De Wissel', email: 'ib@dewissel.example' },
      };
      expect(
        await weigering(
          tp.executeUpdate(stoppenUpdate, { args: [{ reden: 'geen plek', leerlingThuis: thuis, ...alsSbo }] }),
        ),
      ).toBe('Dat de leerling zonder plek thuiszit (leerlingThuis) legt de coördinator vast.');
      expect(
        await weigering(
          tp.executeUpdate(stoppenUpdate, {
            args: [{ reden: 'geen plek', leerlingThuis: { ...thuis, sinds: '2027-01-12' }, ...alsSwv }],
          }),
        ),
      ).toBe('De eerste dag thuis ligt in de toekomst.');
      const gestopt = await tp.executeUpdate(stoppenUpdate, {
        args: [{ reden: 'Geen plek gevonden.', leerlingThuis: thuis, ...alsSwv }],
      });
      const kindId = `${tp.workflowId}-thuiszitter`;
      expect(gestopt).toMatchObject({ status: 'gestopt', thuiszitter: { zaakId: kindId } });
      await klaar(tp);
      const kind = tz(await zodraGestart(env, kindId));
      const k = await kind.query(thuiszitterStatusQuery);
      expect(k).toMatchObject({
        status: 'dreigend',
        verzuim: 'relatief',
        school: { brin: '11SB', naam: 'SBO De Wissel' },
        aanleiding: {
          zaakId: tp.workflowId,
          regel: 'Terugplaatsing gestopt zonder plek: de leerling kan niet op de S(B)O-school blijven en zit thuis',
        },
      });
      expect(k.deadlines[0]).toMatchObject({ soort: 'thuiszitter-vanaf', datum: '2027-02-08' });
      await skipTo(env, amsterdam('2027-02-08', '07:59'));
      expect((await kind.query(thuiszitterStatusQuery)).status).toBe('dreigend');
      await skipTo(env, amsterdam('2027-02-08', '08:01'));
      expect((await kind.query(thuiszitterStatusQuery)).status).toBe('thuiszitter');
      await zodraVerstuurd(verstuurd, 3);
      // The coordinator opened it: no opening letter to them; at the threshold the S(B)O school and the parents hear it.
      expect(momenten(verstuurd, 'thuiszitter-geopend')).toEqual([]);
      expect(momenten(verstuurd, 'thuiszitter-gemeld')).toEqual([
        'thuiszitter-gemeld:coordinator+school+ouders@2027-02-08 08:00',
      ]);
      await recordHistory('terugplaatsing', tp, 'v3', SUITE);
      await recordHistory('thuiszitter', kind, 'v2', SUITE);
      await kind.terminate('klaar');
    });
  });

  it('the impasse that opened the case places the pupil: the case hears it and asks for the first school day; it closes with it', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const imp = await env.client.workflow.start(impasse, {
        taskQueue,
        workflowId: `im-${Math.random().toString(16).slice(2)}`,
        args: [
          impasseInput({
            ouders: [{ email: 'ouder@example.org' }],
            aanleiding: 'zorgplicht',
            coordinatorEmail: 'coordinator@swv.example',
          }),
        ],
      });
      await imp.executeUpdate(leerlingThuisUpdate, {
        args: [{ sinds: '2027-01-11', reden: 'Hij zit thuis.', nergensIngeschreven: true, ...alsSwv }],
      });
      const kind = tz(await zodraGestart(env, `${imp.workflowId}-thuiszitter`));
      await skipTo(env, amsterdam('2027-01-20', '10:00'));
      await imp.executeUpdate(plaatsenUpdate, {
        args: [{ school: { brin: '22BA', naam: 'De Linde' }, reden: 'De Linde plaatst vrijwillig', ...alsSwv }],
      });
      await klaar(imp);
      // The impasse ended only once the server had taken the signal to the thuiszitter case.
      const soorten = (await imp.fetchHistory()).events!.map((e) =>
        Object.keys(e).find((k) => k.endsWith('Attributes')),
      );
      expect(soorten.indexOf('externalWorkflowExecutionSignaledEventAttributes')).toBeGreaterThan(-1);
      expect(soorten.indexOf('externalWorkflowExecutionSignaledEventAttributes')).toBeLessThan(
        soorten.indexOf('workflowExecutionCompletedEventAttributes'),
      );
      let k = await kind.query(thuiszitterStatusQuery);
      for (let i = 0; i < 50 && !k.plaatsing; i++) {
        await new Promise((r) => setTimeout(r, 100));
        k = await kind.query(thuiszitterStatusQuery);
      }
      // A place is not a child in school: the case stays open, the days at home count on.
      expect(k).toMatchObject({
        status: 'thuiszitter',
        open: true,
        plaatsing: { zaakId: imp.workflowId, school: { brin: '22BA', naam: 'De Linde' }, niveau: 'E1' },
      });
      expect(k.tijdlijn.at(-1)!.omschrijving).toBe(
        `De impasse (zaak ${imp.workflowId}, E1) plaatst de leerling op De Linde: sluit de zaak af met de eerste schooldag`,
      );
      await zodraVerstuurd(verstuurd, 3);
      expect(momenten(verstuurd, 'thuiszitter-geplaatst')).toEqual([
        'thuiszitter-geplaatst:coordinator@2027-01-20 10:00',
      ]);
      await skipTo(env, amsterdam('2027-01-25', '10:00'));
      const eind = await kind.executeUpdate(afsluitenUpdate, {
        args: [
          {
            uitkomst: 'terug-volledig',
            datum: '2027-01-25',
            school: { brin: '22BA', naam: 'De Linde' },
            reden: 'Eerste schooldag op De Linde.',
            ...alsSwv,
          },
        ],
      });
      expect(eind).toMatchObject({ status: 'teruggekeerd', uitkomst: { dagenThuis: 14 } });
      await klaar(kind);
      await recordHistory('impasse', imp, 'v5', SUITE);
      await recordHistory('thuiszitter', kind, 'v2', SUITE);
    });
  });

  it("Almere reports a threatening thuiszitter at once to the school's board and leerplicht, and again at the threshold (seed 002 L589)", async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const input: ThuiszitterInput = {
        leerling: { naam: 'Sanne Testleerling' },
        school: {
          brin: '12AB',
          naam: 'De Regenboog',
          email: 'ib@regenboog.example',
          bestuurEmail: 'bestuur@stichting.example',
          regio: 'noord',
        },
        ouders: [{ email: 'ouder@example.org' }],
        beleid: getPolicy('almere'),
        kalender: regionaalRooster('noord', '2026-09-01', '2028-07-31'),
        sinds: '2027-01-11',
        reden: 'Komt niet meer naar school.',
        redenGroep: 'gedrag-of-psychisch',
        coordinatorEmail: 'coordinator@swv.example',
        gestartDoor: school,
      };
      const h = await env.client.workflow.start(thuiszitter, {
        taskQueue,
        workflowId: `tz-${Math.random().toString(16).slice(2)}`,
        args: [input],
      });
      await zodraVerstuurd(verstuurd, 1);
      expect(momenten(verstuurd)).toEqual([
        'thuiszitter-geopend:coordinator+leerplicht+schoolbestuur@2027-01-11 09:00',
      ]);
      expect(verstuurd[0].n.aan.map((a) => a.email)).toEqual([
        'coordinator@swv.example',
        undefined,
        'bestuur@stichting.example',
      ]);
      expect(verstuurd[0].n.aan).toContainEqual({ rol: 'schoolbestuur', email: 'bestuur@stichting.example' });
      expect(verstuurd[0].n.gegevens).toMatchObject({
        dreigend: 'ja',
        thuiszitterVanaf: 'maandag 8 februari 2027',
        melden: expect.stringMatching(
          /Almere.*§5\.4 In geval van nood: leerlingen die thuiszitten of dreigen thuis te zitten$/,
        ),
      });
      expect((await h.query(thuiszitterStatusQuery)).tijdlijn.map((i) => i.omschrijving)).toContain(
        'Dreigende thuiszitter gemeld aan de coördinator, leerplicht, het bestuur van de school',
      );
      await skipTo(env, amsterdam('2027-02-08', '08:01'));
      await zodraVerstuurd(verstuurd, 2);
      expect(momenten(verstuurd)).toEqual([
        'thuiszitter-geopend:coordinator+leerplicht+schoolbestuur@2027-01-11 09:00',
        'thuiszitter-gemeld:coordinator+school+ouders+leerplicht+schoolbestuur@2027-02-08 08:00',
      ]);
      expect(verstuurd[1].n.gegevens.melden).toBe(verstuurd[0].n.gegevens.melden);

      // Enrolled nowhere, opened by the coordinator: leerplicht hears at once; there is no board to tell.
      const zonder = await env.client.workflow.start(thuiszitter, {
        taskQueue,
        workflowId: `tz-${Math.random().toString(16).slice(2)}`,
        args: [{ ...input, school: undefined, gestartDoor: coordinator }],
      });
      await zodraVerstuurd(verstuurd, 3);
      expect(momenten(verstuurd)).toHaveLength(3);
      expect(momenten(verstuurd).at(-1)).toMatch(/^thuiszitter-geopend:leerplicht@2027-02-08 08:0\d$/);
      expect((await zonder.query(thuiszitterStatusQuery)).tijdlijn.at(-1)!.omschrijving).toBe(
        'Thuiszitter gemeld aan leerplicht; de leerling staat op geen school ingeschreven: er is geen schoolbestuur te melden',
      );

      // Ill first: only the coordinator hears; once the reason is another, leerplicht and the board too.
      const ziek = await env.client.workflow.start(thuiszitter, {
        taskQueue,
        workflowId: `tz-${Math.random().toString(16).slice(2)}`,
        args: [{ ...input, redenGroep: 'ziekte', reden: 'Ziek thuis.' }],
      });
      await zodraVerstuurd(verstuurd, 4);
      expect(momenten(verstuurd).at(-1)).toMatch(/^thuiszitter-geopend:coordinator@2027-02-08 08:0\d$/);
      expect(verstuurd.at(-1)!.n.gegevens).toMatchObject({ ziek: 'ja' });
      await ziek.executeUpdate(afwezigheidUpdate, {
        args: [{ redenGroep: 'overig', reden: 'Hersteld, komt niet.', vanaf: '2027-02-08', ...alsSchool }],
      });
      await zodraVerstuurd(verstuurd, 5);
      expect(momenten(verstuurd)).toHaveLength(5);
      // The school recorded it: the coordinator hears too; the four weeks run from 8 February, not the illness.
      expect(momenten(verstuurd).at(-1)).toMatch(
        /^thuiszitter-geopend:coordinator\+leerplicht\+schoolbestuur@2027-02-08 08:0\d$/,
      );
      expect(verstuurd.at(-1)!.n.gegevens).toMatchObject({
        dreigend: 'ja',
        sinds: 'maandag 8 februari 2027',
        thuiszitterVanaf: 'maandag 8 maart 2027',
      });
      // Once: its threshold on 8 March is the threshold's letter, to all of them, and nothing before it.
      await skipTo(env, amsterdam('2027-03-08', '08:01'));
      await zodraVerstuurd(verstuurd, 6);
      expect(momenten(verstuurd)).toHaveLength(6);
      expect(momenten(verstuurd).at(-1)).toBe(
        'thuiszitter-gemeld:coordinator+school+ouders+leerplicht+schoolbestuur@2027-03-08 08:00',
      );
      await recordHistory('thuiszitter', h, 'v2', SUITE);
      await recordHistory('thuiszitter', ziek, 'v2-na-ziekte', SUITE);
      await h.terminate('klaar');
      await zonder.terminate('klaar');
      await ziek.terminate('klaar');
    });
  });

  it('a report past the threshold is answered as a thuiszitter at once, and the threshold letter goes once', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      // Away since 2 December 2026 (40 days): past the 4 weeks on 30 December.
      const start = new WithStartWorkflowOperation(thuiszitter, {
        taskQueue,
        workflowId: `tz-${Math.random().toString(16).slice(2)}`,
        args: [
          {
            leerling: { naam: 'Sanne Testleerling' },
            school: { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' },
            ouders: [{ email: 'ouder@example.org' }],
            beleid: getPolicy('spow'),
            kalender: regionaalRooster('midden', '2026-09-01', '2028-07-31'),
            sinds: '2026-12-02',
            reden: 'Komt niet meer naar school.',
            redenGroep: 'overig',
            coordinatorEmail: 'coordinator@swv.example',
            gestartDoor: school,
          },
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      const view = await env.client.workflow.executeUpdateWithStart(thuiszitterViewUpdate, {
        startWorkflowOperation: start,
      });
      expect(view).toMatchObject({ status: 'thuiszitter', thuiszitterSinds: '2026-12-30' });
      const h = await start.workflowHandle();
      await skipTo(env, amsterdam('2027-01-12', '09:00'));
      expect(momenten(verstuurd)).toEqual(['thuiszitter-gemeld:coordinator+school+ouders@2027-01-11 09:00']);
      await recordHistory('thuiszitter', h, 'v2', SUITE);
      await h.terminate('klaar');
    });
  });
});
