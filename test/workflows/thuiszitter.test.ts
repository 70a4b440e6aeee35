/**
 * P5 Thuiszitters (issue 16), on real dates from Monday 11 January 2027 (regio midden): the 4-week
 * threshold with illness excluded, the 3-month target with its reminders and escalation, a
 * vrijstelling with its end, the plan van aanpak's agreements, and closing by a return to school or
 * by an offer elsewhere.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, regionaalRooster, thuiszitterHerinneringen, thuiszitterStreefdatum } from '../../src/domain';
import type { ThuiszitterInput } from '../../src/shared/thuiszitter';
import type { ActorRef, Stap } from '../../src/shared/zaak';
import { ZaakStatus } from '../../src/temporal/searchAttributes';
import { impasse, impasseStatusQuery, leerlingThuisUpdate } from '../../src/workflows/impasse';
import {
  besluitenUpdate,
  impasseMeldenUpdate,
  statusQuery as zorgplichtStatusQuery,
  zorgplicht,
} from '../../src/workflows/zorgplicht';
import {
  afsluitenUpdate,
  afwijzenUpdate,
  afspraakGedaanUpdate,
  afspraakUpdate,
  afwezigheidUpdate,
  thuiszitter,
  thuiszitterStatusQuery,
  vrijstellingUpdate,
} from '../../src/workflows/thuiszitter';
import { recordHistory } from '../helpers/histories';
import { impasseInput } from '../helpers/impasse';
import { amsterdam, skipTo, timeSkippingEnv, weigering, zodraGestart } from '../helpers/temporal';
import { zodraVerstuurd, moment, withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { coordinator, school as zpSchool, zorgplichtInput } from '../helpers/zorgplicht';

type H = WorkflowHandle<typeof thuiszitter>;
const school: ActorRef = { id: 'ib-12ab', naam: 'IB De Regenboog', rol: 'school' };
const alsSchool: Stap = { door: school, scope: ['12AB'] };
const alsSwv: Stap = { door: coordinator };
const regenboog = { brin: '12AB', naam: 'De Regenboog', email: 'ib@regenboog.example', regio: 'midden' as const };

function invoer(overrides: Partial<ThuiszitterInput> = {}): ThuiszitterInput {
  return {
    leerling: { naam: 'Sanne Testleerling' },
    school: regenboog,
    ouders: [{ email: 'ouder@example.org' }],
    beleid: getPolicy('spow'),
    kalender: regionaalRooster('midden', '2026-09-01', '2028-07-31'),
    sinds: '2027-01-11',
    reden: 'Geen passend aanbod op school; de leerling komt niet meer.',
    redenGroep: 'geen-passend-aanbod',
    coordinatorEmail: 'coordinator@swv.example',
    gestartDoor: school,
    ...overrides,
  };
}

const SUITE = 'thuiszitter workflow (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'tz', fn);
  const start = (taskQueue: string, input = invoer()): Promise<H> =>
    env.client.workflow.start(thuiszitter, {
      taskQueue,
      workflowId: `tz-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
  const view = (h: H) => h.query(thuiszitterStatusQuery);
  const momenten = (v: Verstuurd[], vanaf = 0) => v.slice(vanaf).map(moment);

  it('an enrolled pupil away for a reason other than illness is a thuiszitter after 4 weeks, on Monday 8 February 2027', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      const s = await view(h);
      expect(s).toMatchObject({ status: 'dreigend', verzuim: 'relatief', sinds: '2027-01-11' });
      expect(s.deadlines[0]).toMatchObject({ soort: 'thuiszitter-vanaf', datum: '2027-02-08' });
      expect(s.deadlines[0].regel).toMatch(
        /§4\.5 Thuiszitters: langer dan 4 weken thuis sinds maandag 11 januari 2027/,
      );
      // Three months from the first day at home: Sunday 11 April 2027 (seed 001 L1666–1667).
      expect(s.streefdatum.datum).toBe('2027-04-11');

      // A school reported it: the coordinator hears of it the same day, as a threatening thuiszitter.
      await zodraVerstuurd(verstuurd, 1);
      expect(momenten(verstuurd)).toEqual(['thuiszitter-geopend:coordinator@2027-01-11 09:00']);
      expect(verstuurd[0].n.gegevens).toMatchObject({ dreigend: 'ja', thuiszitterVanaf: 'maandag 8 februari 2027' });
      await skipTo(env, amsterdam('2027-02-08', '07:59'));
      expect((await view(h)).status).toBe('dreigend');
      expect(verstuurd).toHaveLength(1);
      await skipTo(env, amsterdam('2027-02-08', '08:01'));
      const nu = await view(h);
      expect(nu).toMatchObject({ status: 'thuiszitter', thuiszitterSinds: '2027-02-08' });
      await zodraVerstuurd(verstuurd, 2);
      expect(momenten(verstuurd, 1)).toEqual(['thuiszitter-gemeld:coordinator+school+ouders@2027-02-08 08:00']);
      expect((await h.describe()).typedSearchAttributes.get(ZaakStatus)).toBe('thuiszitter');
      await recordHistory('thuiszitter', h, 'v2', SUITE);
      await h.terminate('klaar');
    });
  });

  it('illness does not count: no thuiszitter while ill; from another reason on, the 4 weeks count from that day', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, invoer({ redenGroep: 'ziekte', reden: 'De leerling is ziek thuis.' }));
      expect((await view(h)).deadlines.map((d) => d.soort)).toEqual(['streefdatum']);
      await skipTo(env, amsterdam('2027-02-15', '09:00'));
      expect((await view(h)).status).toBe('dreigend');
      // Only the coordinator heard of it, as an ill child (not a threatening thuiszitter).
      expect(momenten(verstuurd)).toEqual(['thuiszitter-geopend:coordinator@2027-01-11 09:00']);
      expect(verstuurd[0].n.gegevens).toMatchObject({ ziek: 'ja' });

      const na = await h.executeUpdate(afwezigheidUpdate, {
        args: [
          {
            redenGroep: 'gezin-of-thuissituatie',
            reden: 'Hersteld, maar blijft thuis.',
            vanaf: '2027-02-15',
            ...alsSchool,
          },
        ],
      });
      expect(na.deadlines[0]).toMatchObject({ soort: 'thuiszitter-vanaf', datum: '2027-03-15' });
      // The target counts from the first day that counts, not from the illness before it.
      expect(na.streefdatum.datum).toBe('2027-05-15');
      expect(
        await weigering(
          h.executeUpdate(afwezigheidUpdate, {
            args: [{ redenGroep: 'overig', reden: 'later', vanaf: '2027-03-01', ...alsSchool }],
          }),
        ),
      ).toBe('De datum ligt in de toekomst.');
      await skipTo(env, amsterdam('2027-03-15', '09:00'));
      expect(await view(h)).toMatchObject({ status: 'thuiszitter', thuiszitterSinds: '2027-03-15' });
      // Counted is counted: illness afterwards does not take the child out of view.
      expect(
        await weigering(
          h.executeUpdate(afwezigheidUpdate, {
            args: [{ redenGroep: 'ziekte', reden: 'Weer ziek.', vanaf: '2027-03-15', ...alsSchool }],
          }),
        ),
      ).toMatch(/^De leerling is sinds maandag 15 maart 2027 een thuiszitter; ziekte daarna/);
      expect(verstuurd.filter((v) => v.n.sjabloon === 'thuiszitter-streefdatum')).toHaveLength(0);
      await recordHistory('thuiszitter', h, 'v2', SUITE);
      await h.terminate('klaar');
    });
  });

  it('enrolled nowhere: a thuiszitter at once; the coordinator reminded before the 3-month target, the directeur told once past it; closed by an offer elsewhere', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const beleid = getPolicy('sppoh');
      const h = await start(taskQueue, invoer({ school: undefined, beleid, gestartDoor: coordinator }));
      const s = await view(h);
      expect(s).toMatchObject({ status: 'thuiszitter', verzuim: 'absoluut', thuiszitterSinds: '2027-01-11' });
      // SPPOH: "binnen drie maanden een passend aanbod" (seed 000 L450).
      const streef = thuiszitterStreefdatum('2027-01-11', beleid);
      expect(streef).toMatchObject({ datum: '2027-04-11', regel: expect.stringMatching(/SPPOH.*§3\.2\.7/) });
      const herinneringen = thuiszitterHerinneringen('streefdatum', streef, beleid, 'midden').map((x) => x.datum);

      await skipTo(env, amsterdam('2027-04-11', '16:59'));
      expect((await view(h)).status).toBe('thuiszitter');
      expect(momenten(verstuurd)).toEqual(herinneringen.map((d) => `thuiszitter-herinnering:coordinator@${d} 08:00`));
      await skipTo(env, amsterdam('2027-04-11', '17:01'));
      expect((await view(h)).status).toBe('streefdatum-verstreken');
      await zodraVerstuurd(verstuurd, herinneringen.length + 1);
      expect(momenten(verstuurd).at(-1)).toBe('thuiszitter-streefdatum:directeur+coordinator@2027-04-11 17:00');
      await skipTo(env, amsterdam('2027-05-03', '09:00'));
      expect(verstuurd.filter((v) => v.n.sjabloon === 'thuiszitter-streefdatum')).toHaveLength(1);

      // A school return needs a school: this child had none.
      expect(
        await weigering(
          h.executeUpdate(afsluitenUpdate, {
            args: [{ uitkomst: 'terug-volledig', datum: '2027-05-03', reden: 'terug', ...alsSwv }],
          }),
        ),
      ).toBe('Noem de school waar de leerling weer naartoe gaat (school).');
      const eind = await h.executeUpdate(afsluitenUpdate, {
        args: [
          {
            uitkomst: 'aanbod-elders',
            datum: '2027-05-03',
            reden: 'Een onderwijszorgarrangement bij de jeugdhulp.',
            ...alsSwv,
          },
        ],
      });
      expect(eind).toMatchObject({
        status: 'aanbod-elders',
        open: false,
        uitkomst: { dagenThuis: 112, dagenVrijgesteld: 0, duurband: 'langer-dan-3-maanden' },
      });
      await h.result();
      await recordHistory('thuiszitter', h, 'v2', SUITE);
    });
  });

  it('a vrijstelling only by the SWV, for a fixed period: not counted meanwhile, reminded before its end, the target moved on', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, invoer({ school: undefined, gestartDoor: coordinator }));
      await skipTo(env, amsterdam('2027-01-18', '10:00'));
      const vrijstelling = {
        van: '2027-01-18',
        tot: '2027-03-01',
        swvBetrokken: true as const,
        reden: 'Zorg gaat voor: behandeling in een jeugdzorgsetting.',
      };
      // A school does not know this case: the child is enrolled nowhere.
      expect(await weigering(h.executeUpdate(vrijstellingUpdate, { args: [{ ...vrijstelling, ...alsSchool }] }))).toBe(
        'Deze zaak bestaat niet.',
      );
      const v = await h.executeUpdate(vrijstellingUpdate, { args: [{ ...vrijstelling, ...alsSwv }] });
      // 42 days under the vrijstelling move the target from 11 April to 23 May 2027.
      expect(v).toMatchObject({ status: 'vrijstelling', streefdatum: { datum: '2027-05-23' } });
      expect(v.streefdatum.regel).toMatch(/plus 42 dagen vrijstelling/);
      expect(await weigering(h.executeUpdate(vrijstellingUpdate, { args: [{ ...vrijstelling, ...alsSwv }] }))).toBe(
        'Er loopt al een vrijstelling.',
      );

      await skipTo(env, amsterdam('2027-03-01', '09:00'));
      // 14 days before its end, on a school day; the target's own reminders wait until it ends.
      const herinnering = verstuurd.filter((x) => x.n.sjabloon === 'thuiszitter-herinnering');
      expect(herinnering).toHaveLength(1);
      expect(herinnering[0].datum < '2027-02-16').toBe(true);
      expect(herinnering[0].n.aan.map((a) => a.rol)).toEqual(['coordinator']);
      expect(herinnering[0].n.gegevens).toMatchObject({ vrijstelling: 'ja', vrijstellingTot: 'maandag 1 maart 2027' });
      const na = await view(h);
      expect(na.status).toBe('thuiszitter');
      expect(na.tijdlijn.map((i) => i.soort)).toContain('vrijstelling-einde');
      // A new vrijstelling does not reach back into the first (its days would count twice).
      expect(
        await weigering(
          h.executeUpdate(vrijstellingUpdate, {
            args: [{ ...vrijstelling, van: '2027-02-22', tot: '2027-04-01', ...alsSwv }],
          }),
        ),
      ).toBe('De vrijstelling overlapt met die van maandag 18 januari 2027 tot maandag 1 maart 2027.');
      // The target's reminders, 14 and 7 days before 23 May, come after the vrijstelling, each once.
      await skipTo(env, amsterdam('2027-05-21', '09:00'));
      const streef = verstuurd.filter((x) => x.n.gegevens.streef === 'ja').map((x) => x.datum);
      expect(streef).toHaveLength(2);
      expect(streef.every((d) => d > '2027-03-01' && d < '2027-05-23')).toBe(true);
      await recordHistory('thuiszitter', h, 'v2', SUITE);
      await h.terminate('klaar');
    });
  });

  it('the plan van aanpak: an agreement reminded 2 days before its day and marked late after it; one done is not; closed by a return to school', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await h.executeUpdate(afspraakUpdate, {
        args: [
          { wie: 'leerplicht', wat: 'Huisbezoek door de leerplichtambtenaar', uiterlijk: '2027-01-22', ...alsSwv },
        ],
      });
      await h.executeUpdate(afspraakUpdate, {
        args: [{ wie: 'school', wat: 'Een aangepast rooster voorstellen', uiterlijk: '2027-01-29', ...alsSchool }],
      });
      // Only the SWV records a vrijstelling (seed 003 L399).
      expect(
        await weigering(
          h.executeUpdate(vrijstellingUpdate, {
            args: [
              { van: '2027-01-11', tot: '2027-02-01', swvBetrokken: true, reden: 'Zorg gaat voor.', ...alsSchool },
            ],
          }),
        ),
      ).toMatch(/coordinator/);
      await skipTo(env, amsterdam('2027-01-25', '09:00'));
      let v = await view(h);
      // Due Friday 22 January: late the morning after (Saturday 08:00), not on its own day.
      expect(v.afspraken[0]).toMatchObject({ nummer: 1, teLaat: true });
      expect(v.tijdlijn.find((i) => i.soort === 'afspraak-te-laat')!.op.slice(0, 16)).toBe(
        amsterdam('2027-01-23', '08:00').slice(0, 16),
      );
      expect(momenten(verstuurd)).toEqual([
        'thuiszitter-geopend:coordinator@2027-01-11 09:00',
        'thuiszitter-herinnering:coordinator@2027-01-20 08:00',
      ]);
      await h.executeUpdate(afspraakGedaanUpdate, {
        args: [{ nummer: 2, reden: 'Rooster besproken met de ouders.', ...alsSchool }],
      });
      expect(
        await weigering(
          h.executeUpdate(afspraakGedaanUpdate, { args: [{ nummer: 3, reden: 'bestaat niet', ...alsSchool }] }),
        ),
      ).toBe('Er is geen afspraak 3; het plan van aanpak heeft er 2.');
      await skipTo(env, amsterdam('2027-02-01', '09:00'));
      v = await view(h);
      expect(v.afspraken[1]).toMatchObject({ gedaan: { reden: 'Rooster besproken met de ouders.' } });
      expect(v.afspraken[1].teLaat).toBeUndefined();
      expect(verstuurd.filter((x) => x.n.sjabloon === 'thuiszitter-herinnering')).toHaveLength(1);

      const eind = await h.executeUpdate(afsluitenUpdate, {
        args: [
          {
            uitkomst: 'terug-gedeeltelijk',
            datum: '2027-02-01',
            reden: 'Start met halve dagen op de eigen school.',
            ...alsSchool,
          },
        ],
      });
      expect(eind).toMatchObject({
        status: 'teruggekeerd',
        uitkomst: {
          uitkomst: 'terug-gedeeltelijk',
          school: { brin: '12AB', naam: 'De Regenboog' },
          dagenThuis: 21,
          duurband: 'korter-dan-4-weken',
        },
      });
      await h.result();
      await zodraVerstuurd(verstuurd, 3);
      expect(momenten(verstuurd).at(-1)).toBe('thuiszitter-afgesloten:coordinator+school+ouders@2027-02-01 09:00');
      // Nothing more once closed: not the threshold of 8 February either.
      const voor = verstuurd.length;
      await skipTo(env, amsterdam('2027-03-01', '09:00'));
      expect(verstuurd).toHaveLength(voor);
      await recordHistory('thuiszitter', h, 'v2', SUITE);
    });
  });

  it('opened automatically from an impasse whose pupil is at home, naming its cause; a coordinator dismisses it with a reason', async () => {
    await metWorker(async (taskQueue) => {
      const imp = await env.client.workflow.start(impasse, {
        taskQueue,
        workflowId: `im-${Math.random().toString(16).slice(2)}`,
        args: [impasseInput({ ouders: [{ email: 'ouder@example.org' }], aanleiding: 'zorgplicht' })],
      });
      const thuis = {
        sinds: '2027-01-11',
        reden: 'Geen school neemt de leerling aan; hij zit thuis.',
        nergensIngeschreven: true as const,
      };
      // Enrolled somewhere or nowhere: said, never assumed.
      expect(
        await weigering(
          imp.executeUpdate(leerlingThuisUpdate.name, { args: [{ sinds: '2027-01-11', reden: 'thuis', ...alsSwv }] }),
        ),
      ).toBe('Ongeldige invoer: noem ingeschrevenOp of nergensIngeschreven: true.');
      const v = await imp.executeUpdate(leerlingThuisUpdate, { args: [{ ...thuis, ...alsSwv }] });
      expect(v.thuis).toMatchObject({ sinds: '2027-01-11' });
      const kindId = `${imp.workflowId}-thuiszitter`;
      const kind = env.client.workflow.getHandle<typeof thuiszitter>(kindId);
      let k: Awaited<ReturnType<typeof view>> | undefined;
      for (let i = 0; i < 50 && !k; i++) k = await kind.query(thuiszitterStatusQuery).catch(() => undefined);
      expect(k).toMatchObject({
        status: 'thuiszitter',
        verzuim: 'absoluut',
        aanleiding: { zaakId: imp.workflowId, regel: 'Impasse op E1: de leerling heeft geen plek en zit thuis' },
      });
      expect((await imp.query(impasseStatusQuery)).thuis).toEqual({ sinds: '2027-01-11', zaakId: kindId });
      expect(await weigering(imp.executeUpdate(leerlingThuisUpdate, { args: [{ ...thuis, ...alsSwv }] }))).toBe(
        `Dat de leerling thuiszit is al vastgelegd (sinds maandag 11 januari 2027): thuiszitterszaak ${kindId}.`,
      );

      // Not a thuiszitter after all: dismissed with the reason; a case a person opened is closed otherwise.
      const af = await kind.executeUpdate(afwijzenUpdate, {
        args: [{ reden: 'Toch ingeschreven op De Linde.', ...alsSwv }],
      });
      expect(af).toMatchObject({
        status: 'afgewezen',
        open: false,
        afgewezen: { reden: 'Toch ingeschreven op De Linde.' },
      });
      expect(await kind.result()).toBeNull();
      const zelf = await start(taskQueue);
      expect(await weigering(zelf.executeUpdate(afwijzenUpdate, { args: [{ reden: 'geen', ...alsSwv }] }))).toBe(
        'Alleen een automatisch geopende zaak wordt afgewezen; sluit deze zaak af met afsluiten.',
      );
      await recordHistory('impasse', imp, 'v5', SUITE);
      await recordHistory('thuiszitter', kind, 'v2', SUITE);
      await imp.terminate('klaar');
      await zelf.terminate('klaar');
    });
  });

  it('the thuiszitter case outlives the impasse that opened it, also when the zorgplicht case is withdrawn', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const input = zorgplichtInput({
        beleid: getPolicy('spow'),
        aanmelddatum: '2027-01-04',
        leerplichtigVanaf: '2021-03-01',
      });
      const zp = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      await zp.executeUpdate(impasseMeldenUpdate, { args: [{ reden: 'geen passende plek', door: zpSchool }] });
      const imp = (await zodraGestart(env, `${input.zaakId}-impasse`)) as WorkflowHandle<typeof impasse>;
      await imp.executeUpdate(leerlingThuisUpdate, {
        args: [
          {
            sinds: '2027-01-11',
            reden: 'Hij zit thuis.',
            ingeschrevenOp: { brin: '12AB', naam: 'De Regenboog' },
            ...alsSwv,
          },
        ],
      });
      const kind = (await zodraGestart(env, `${imp.workflowId}-thuiszitter`)) as WorkflowHandle<typeof thuiszitter>;
      expect((await kind.query(thuiszitterStatusQuery)).school).toEqual({ brin: '12AB', naam: 'De Regenboog' });
      await zp.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'de ouders trekken de aanmelding in', door: coordinator }],
      });
      await zp.result();
      // Withdrawn without another enrolment: the same child's case, not a second one (one id per child).
      const zpView = await zp.query(zorgplichtStatusQuery);
      expect(zpView.thuiszitter).toEqual({ zaakId: kind.workflowId });
      expect(zpView.tijdlijn.at(-1)).toMatchObject({
        soort: 'thuiszitter-bestaat',
        omschrijving: `Deze leerling heeft al een thuiszitterszaak (${kind.workflowId}): die blijft zoals zij is`,
      });
      // It may be closed: the coordinator is asked to look, with the case's id.
      const kijk = verstuurd.filter((v) => v.n.sjabloon === 'thuiszitter-controleren');
      expect(kijk.map((v) => v.n.aan.map((a) => a.rol))).toEqual([['coordinator']]);
      expect(kijk[0].n.gegevens).toMatchObject({ bestaat: 'ja', bestaandeZaak: kind.workflowId });
      await expect(imp.result()).rejects.toThrow();
      // The impasse is cancelled with its zorgplicht case; the child at home stays in view.
      expect((await kind.describe()).status.name).toBe('RUNNING');
      expect((await kind.query(thuiszitterStatusQuery)).open).toBe(true);
      await recordHistory('impasse', imp, 'v5', SUITE);
      await kind.terminate('klaar');
    });
  });
});
