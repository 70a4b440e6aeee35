/**
 * VO Groningen Stad's phases from VSO to regular VO (issue 15 item 6; seed 004 §3.2, L347–355), on
 * real dates from Monday 11 January 2027: the VSO evaluates the OPP (F1), consults a school of first
 * preference with the parents' consent (F2), both schools agree on skills and support (F3), the VO
 * school decides (F4; 'no' opens F2 again), the hand-over starts the pupil (F5) and regular VO's
 * evaluation, reminded before its day, decides (F6).
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, regionaalRooster, terugplaatsingEvaluatiedatum } from '../../src/domain';
import type { FaseInvoer, KandidaatSchool } from '../../src/shared/terugplaatsing';
import type { ActorRef, Stap } from '../../src/shared/zaak';
import { BetrokkenScholen } from '../../src/temporal/searchAttributes';
import {
  faseUpdate,
  stapUpdate,
  terugplaatsing,
  terugplaatsingRapportQuery,
  terugplaatsingStatusQuery,
  toestemmingUpdate,
} from '../../src/workflows/terugplaatsing';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import { terugplaatsingInput, toestemming } from '../helpers/terugplaatsing';
import { withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { coordinator } from '../helpers/zorgplicht';

type H = WorkflowHandle<typeof terugplaatsing>;

const vso: ActorRef = { id: 'ib-11vs', naam: 'Zorgcoördinator VSO De Brug', rol: 'school' };
const lyceum: ActorRef = { id: 'zc-22vo', naam: 'Zorgcoördinator Het Lyceum', rol: 'school' };
const kompas: ActorRef = { id: 'zc-33ko', naam: 'Zorgcoördinator Het Kompas', rol: 'school' };
const alsVso: Stap = { door: vso, scope: ['11VS'] };
const alsLyceum: Stap = { door: lyceum, scope: ['22VO'] };
const alsKompas: Stap = { door: kompas, scope: ['33KO'] };
const hetLyceum: KandidaatSchool & { email: string } = {
  brin: '22VO',
  naam: 'Het Lyceum',
  email: 'zorg@lyceum.example',
};
const hetKompas: KandidaatSchool & { email: string } = {
  brin: '33KO',
  naam: 'Het Kompas',
  email: 'zorg@kompas.example',
};

const SUITE = 'terugplaatsing VSO → VO (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'vsovo', fn);
  const fase = (h: H, f: FaseInvoer, als: Stap) => h.executeUpdate(faseUpdate, { args: [{ ...f, ...als }] });
  const view = (h: H) => h.query(terugplaatsingStatusQuery);
  const berichten = (v: Verstuurd[], sjabloon: string) => v.filter((x) => x.n.sjabloon === sjabloon);
  /** The letters of a kind once the first went out (the workflow sends them in its next task). */
  async function zodra(v: Verstuurd[], sjabloon: string): Promise<Verstuurd[]> {
    for (let i = 0; i < 50 && !berichten(v, sjabloon).length; i++) await new Promise((r) => setTimeout(r, 100));
    return berichten(v, sjabloon);
  }

  it('walks F1–F6: consent before the vooroverleg, the VO school decides (a no opens F2 again), the evaluation is reminded and decides', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const beleid = getPolicy('vo-groningen-stad');
      const h: H = await env.client.workflow.start(terugplaatsing, {
        taskQueue,
        workflowId: `tp-${Math.random().toString(16).slice(2)}`,
        args: [
          terugplaatsingInput({
            school: { brin: '11VS', naam: 'VSO De Brug', email: 'zorg@debrug.example', regio: 'noord' },
            beleid,
            kalender: regionaalRooster('noord', '2026-09-01', '2028-07-31'),
            signaal: 'OPP-evaluatie: de leerling haalt de doelen van het uitstroomprofiel vervolgonderwijs',
            gestartDoor: vso,
          }),
        ],
      });
      let v = await view(h);
      expect(v).toMatchObject({
        variant: 'vso-vo',
        status: 'signalering',
        volgendeStap: { stap: 'F1', wie: 'verwijzende school' },
      });
      expect(v.checklist.map((r) => `${r.stap}:${r.status}`)).toEqual([
        'F1:open',
        'F2:open',
        'F3:open',
        'F4:open',
        'F5:open',
        'F6:open',
      ]);
      // The policy describes and cites each phase (seed 004 L351: the VO school decides).
      expect(v.checklist[3]).toMatchObject({
        wie: 'ontvangende school',
        regel: expect.stringMatching(/§3\.2 \(L351\)/),
      });
      expect(v.checklist[3].omschrijving).toMatch(/^De vo-school besluit/);

      // The stappenplan is not this case's; no phase is skipped.
      expect(
        await weigering(
          h.executeUpdate(stapUpdate, { args: [{ stap: '1.2', wenselijk: true, toelichting: 'ja', ...alsVso }] }),
        ),
      ).toBe(
        "Deze terugplaatsing volgt de fasen VSO → VO van vo-groningen-stad: leg een fase vast (actie 'fase', F1 … F6).",
      );
      expect(
        await weigering(fase(h, { fase: 'F2', datum: '2027-01-11', school: hetLyceum, verslag: 'te vroeg' }, alsVso)),
      ).toBe(
        "Fase F2 kan nog niet; eerst nodig: een evaluatie van het OPP die schakeling kansrijk acht (fase F1); de toestemming van de ouders om het OPP met Het Lyceum te delen (actie 'toestemming').",
      );

      await fase(
        h,
        {
          fase: 'F1',
          datum: '2027-01-11',
          kansrijk: true,
          verslag: 'De uitstroombestemming havo is haalbaar in het regulier vo.',
        },
        alsVso,
      );
      await skipTo(env, amsterdam('2027-01-13', '10:00'));
      await h.executeUpdate(toestemmingUpdate, { args: [{ ...toestemming(hetLyceum, '2027-01-12'), ...alsVso }] });
      v = await fase(
        h,
        {
          fase: 'F2',
          datum: '2027-01-13',
          school: hetLyceum,
          verslag: 'Ouders en leerling kiezen Het Lyceum; vooroverleg gevoerd.',
        },
        alsVso,
      );
      expect(v).toMatchObject({
        status: 'verkenning',
        ontvangendeSchool: { naam: 'Het Lyceum' },
        betrokkenScholen: ['22VO'],
      });
      expect((await h.describe()).typedSearchAttributes.get(BetrokkenScholen)).toEqual(['22VO']);

      // The VO school decides, not the VSO; first the overleg on skills and support.
      expect(
        await weigering(
          fase(h, { fase: 'F4', besluit: 'positief', naderOnderzoek: false, reden: 'te vroeg' }, alsLyceum),
        ),
      ).toBe('Fase F4 kan nog niet; eerst nodig: het overleg over vaardigheden en ondersteuning (fase F3).');
      const overleg: FaseInvoer = {
        fase: 'F3',
        datum: '2027-01-18',
        deelnemers: ['VSO De Brug', 'Het Lyceum', 'ouders'],
        vaardigheden: 'zelfstandig plannen en werken in een klas van dertig',
        ondersteuning: 'een mentor en een rustige werkplek; twee uur begeleiding per week',
      };
      await skipTo(env, amsterdam('2027-01-18', '10:00'));
      await fase(h, overleg, alsLyceum);
      expect(
        await weigering(
          fase(h, { fase: 'F4', besluit: 'positief', naderOnderzoek: false, reden: 'Wij willen door.' }, alsVso),
        ),
      ).toMatch(/^Fase F4 legt de ontvangende school vast \(of het samenwerkingsverband\), niet de vso-school\.$/);
      v = await fase(
        h,
        {
          fase: 'F4',
          besluit: 'negatief',
          naderOnderzoek: true,
          reden: 'Na nader onderzoek: de ondersteuning past niet.',
        },
        alsLyceum,
      );
      expect(v).toMatchObject({ status: 'verkenning', ontvangendeSchool: null, volgendeStap: { stap: 'F2' } });
      expect(v.eerdereRondes).toEqual([expect.objectContaining({ school: { brin: '22VO', naam: 'Het Lyceum' } })]);
      const nee = await zodra(verstuurd, 'terugplaatsing-negatief');
      expect(nee).toHaveLength(1);
      expect(nee[0].n.gegevens).toMatchObject({ ontvangendeSchool: 'Het Lyceum', vsoVo: 'ja' });

      // Round two: another school of preference, with its own consent; not the one that said no, not the VSO itself.
      expect(
        await weigering(fase(h, { fase: 'F2', datum: '2027-01-18', school: hetLyceum, verslag: 'Toch weer.' }, alsVso)),
      ).toMatch(/^Het Lyceum besloot al de toeleiding niet verder vorm te geven \(maandag 18 januari 2027\)/);
      expect(
        await weigering(
          fase(
            h,
            {
              fase: 'F2',
              datum: '2027-01-18',
              school: { brin: '11VS', naam: 'VSO De Brug', email: 'zorg@debrug.example' },
              verslag: 'Zelf.',
            },
            alsVso,
          ),
        ),
      ).toBe('VSO De Brug is de vso-school zelf: kies de vo-school van eerste voorkeur.');
      await h.executeUpdate(toestemmingUpdate, { args: [{ ...toestemming(hetKompas, '2027-01-18'), ...alsVso }] });
      await fase(
        h,
        { fase: 'F2', datum: '2027-01-18', school: hetKompas, verslag: 'Tweede voorkeur: Het Kompas.' },
        alsVso,
      );
      await fase(h, { ...overleg, deelnemers: ['VSO De Brug', 'Het Kompas', 'ouders'] }, alsKompas);
      v = await fase(
        h,
        { fase: 'F4', besluit: 'positief', naderOnderzoek: false, reden: 'Het Kompas kan de ondersteuning bieden.' },
        alsKompas,
      );
      expect(v).toMatchObject({ status: 'besluitvorming', volgendeStap: { stap: 'F5', wie: 'beide scholen' } });

      // The hand-over starts the pupil on Monday 1 February; regular VO evaluates within six weeks (a product default).
      await skipTo(env, amsterdam('2027-01-25', '10:00'));
      v = await fase(
        h,
        {
          fase: 'F5',
          startdatum: '2027-02-01',
          ondersteuning: 'OPP overgedragen; mentor en begeleiding',
          nazorg: 'de vso-mentor belt na twee en na zes weken',
        },
        alsVso,
      );
      const evaluatie = terugplaatsingEvaluatiedatum('2027-02-01', beleid, 'noord');
      expect(evaluatie.datum).toBe('2027-03-15');
      expect(v).toMatchObject({
        status: 'gestart',
        startdatum: '2027-02-01',
        deadlines: [{ soort: 'evaluatie', datum: '2027-03-15' }],
      });

      await skipTo(env, amsterdam('2027-03-12', '12:00'));
      const herinneringen = berichten(verstuurd, 'terugplaatsing-herinnering');
      // 10 and 3 days before the evaluation (the policy's product default), at 08:00.
      expect(herinneringen.map((x) => `${x.datum} ${x.tijd}`)).toEqual(['2027-03-05 08:00', '2027-03-12 08:00']);
      expect(herinneringen[0].n.gegevens).toMatchObject({ vsoVo: 'ja', evaluatiedatum: 'maandag 15 maart 2027' });
      // The receiving VO school and the SWV are reminded.
      expect(herinneringen[0].n.aan).toEqual([
        { rol: 'school', email: 'zorg@kompas.example' },
        expect.objectContaining({ rol: 'coordinator' }),
      ]);

      v = await fase(
        h,
        {
          fase: 'F6',
          datum: '2027-03-12',
          deelnemers: ['ontvangende-school', 'ouders', 'verwijzende-school'],
          besluit: 'doorgaan',
          verslag: 'De leerling draait goed mee; het OPP loopt door.',
        },
        alsKompas,
      );
      expect(v).toMatchObject({
        status: 'teruggeplaatst',
        open: false,
        uitkomst: { uitkomst: 'teruggeplaatst', school: { naam: 'Het Kompas' } },
      });
      expect(await zodra(verstuurd, 'terugplaatsing-afgerond')).toHaveLength(1);
      const voor = verstuurd.length;
      await skipTo(env, amsterdam('2027-04-01', '12:00'));
      expect(verstuurd.length).toBe(voor);
      expect(await h.query(terugplaatsingRapportQuery)).toMatchObject({
        verstePunt: 'F6',
        uitkomst: 'teruggeplaatst',
        evaluatieOpTijd: true,
      });
      await recordHistory('terugplaatsing', h, 'v2', SUITE);
    });
  });

  it('ends at F1 when the OPP evaluation finds a switch not promising', async () => {
    await metWorker(async (taskQueue) => {
      const h: H = await env.client.workflow.start(terugplaatsing, {
        taskQueue,
        workflowId: `tp-${Math.random().toString(16).slice(2)}`,
        args: [terugplaatsingInput({ beleid: getPolicy('vo-groningen-stad'), gestartDoor: coordinator })],
      });
      const v = await fase(
        h,
        { fase: 'F1', datum: '2027-01-11', kansrijk: false, verslag: 'De uitstroombestemming ligt in het vso.' },
        { door: coordinator },
      );
      expect(v).toMatchObject({ status: 'niet-wenselijk', open: false });
      expect(v.checklist.map((r) => r.status)).toEqual(['gedaan', 'nvt', 'nvt', 'nvt', 'nvt', 'nvt']);
      await h.result();
    });
  });
});
