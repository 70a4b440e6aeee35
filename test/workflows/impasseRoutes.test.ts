/**
 * The impasse routes of a plan's own (issue 15 item 5), on real dates from Monday 11 January 2027:
 * Almere's doorzettingsmacht (seed 002 L593), PPO-NK's dispute between school boards (seed 003
 * L512–515) and VO Groningen Stad's thuiszitterspact (seed 004 L420, L562). Each rung has its owner,
 * its service level (a product default: 10 school days), reminders and a stuck mark; the
 * plaatsingstafel's own steps are refused on them.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, impasseServiceniveau, regionaalRooster, toIsoDate } from '../../src/domain';
import type { ImpasseInput } from '../../src/shared/impasse';
import type { ActorRef } from '../../src/shared/zaak';
import { ImpasseNiveau } from '../../src/temporal/searchAttributes';
import {
  aanwijzenUpdate,
  bindendBesluitUpdate,
  escalerenUpdate,
  impasse,
  impasseStatusQuery,
  oudersReactieUpdate,
  plaatsenUpdate,
  vastleggenUpdate,
} from '../../src/workflows/impasse';
import { impasseMeldenUpdate, statusQuery, zorgplicht } from '../../src/workflows/zorgplicht';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering, zodraGestart } from '../helpers/temporal';
import { moment, withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { coordinator, school, zorgplichtInput } from '../helpers/zorgplicht';

const directeur: ActorRef = { id: 'dir-1', naam: 'Directeur SWV', rol: 'directeur' };
const deLinde = { brin: '34CD', naam: 'De Linde' };

function impasseInput(beleid: string, overrides: Partial<ImpasseInput> = {}): ImpasseInput {
  return {
    leerling: { naam: 'Sanne Testleerling' },
    school: { brin: '12AB', naam: 'De Regenboog', regio: 'noord', email: 'directie@regenboog.example' },
    ouders: [{ email: 'ouder@example.org' }],
    beleid: getPolicy(beleid),
    kalender: regionaalRooster('noord', '2027-01-01', '2028-07-31'),
    reden: 'geen passende plek gevonden',
    aanleiding: 'overig',
    gemeldDoor: coordinator,
    ...overrides,
  };
}

const SUITE = 'impasse routes of their own (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 11 January 2027, 09:00 in Amsterdam: no holiday in regio noord until the voorjaarsvakantie (15 February).
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'routes', fn);
  const start = (taskQueue: string, input: ImpasseInput) =>
    env.client.workflow.start(impasse, {
      taskQueue,
      workflowId: `imp-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
  const momenten = (v: Verstuurd[], vanaf = 0) => v.slice(vanaf).map(moment);
  const view = (h: WorkflowHandle<typeof impasse>) => h.query(impasseStatusQuery);

  it('Almere: doorzettingskracht on E1, then the teamleider Toeleiding names the school on E2 (doorzettingsmacht, seed 002 L593)', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, impasseInput('almere'));
      const s = await view(h);
      expect(s).toMatchObject({ route: 'doorzettingsmacht', niveau: 'E1', eigenaar: 'coordinator', status: 'open' });
      expect(s.treden!.map((t) => t.code)).toEqual(['E1', 'E2']);
      expect(s.niveauOmschrijving).toMatch(/^Doorzettingskracht/);
      // 10 school days after Monday 11 January: Monday 25 January, by the plan's rung (a product default term).
      expect(s.deadlines[0]).toMatchObject({ soort: 'serviceniveau-E1', datum: '2027-01-25' });
      expect(s.deadlines[0].regel).toMatch(/10 schooldagen op trede E1 \(Ondersteuningsplan .*Almere, §5\.4/);

      // The plaatsingstafel's steps are not this route's, and doorzettingsmacht waits for E2.
      const route = /deze zaak volgt de route doorzettingsmacht van almere/;
      expect(
        await weigering(
          h.executeUpdate(bindendBesluitUpdate, {
            args: [
              {
                adviesDerde: 'Advies: De Linde.',
                school: deLinde,
                reden: 'bindend',
                bestuurNietInDb: false,
                door: directeur,
              },
            ],
          }),
        ),
      ).toMatch(route);
      expect(
        await weigering(
          h.executeUpdate(oudersReactieUpdate, { args: [{ akkoord: true, reden: 'akkoord', door: coordinator }] }),
        ),
      ).toMatch(route);
      expect(
        await weigering(
          h.executeUpdate(escalerenUpdate, {
            args: [{ naar: 'E2', reden: 'overleg vastgelopen', deelnemers: ['ouders'], door: coordinator }],
          }),
        ),
      ).toMatch(/horen bij de plaatsingstafel/);
      expect(
        await weigering(
          h.executeUpdate(aanwijzenUpdate, { args: [{ school: deLinde, reden: 'te vroeg', door: coordinator }] }),
        ),
      ).toBe(
        'Doorzettingsmacht is pas aan de orde als de doorzettingskracht faalt: escaleer eerst naar E2 (Doorzettingsmacht: bij stagnerende besluitvorming bepaalt de teamleider Toeleiding, binnen de gestelde kaders, welke school verplicht is de leerling een passende plek te bieden).',
      );
      expect(await view(h)).toEqual(s);

      // Reminded 3 and 1 school days before, stuck on the day itself at 17:00; the directeur is told once.
      await skipTo(env, amsterdam('2027-01-25', '17:01'));
      expect(momenten(verstuurd)).toEqual([
        'impasse-herinnering:coordinator@2027-01-20 08:00',
        'impasse-herinnering:coordinator@2027-01-22 08:00',
        'impasse-vastgelopen:directeur@2027-01-25 17:00',
      ]);
      expect((await view(h)).status).toBe('vastgelopen');

      const e2 = await h.executeUpdate(escalerenUpdate, {
        args: [{ naar: 'E2', reden: 'besluitvorming stagneert', door: coordinator }],
      });
      expect(e2).toMatchObject({ niveau: 'E2', eigenaar: 'coordinator', vastgelopen: null });
      expect(e2.niveauOmschrijving).toMatch(/^Doorzettingsmacht/);
      expect(e2.deadlines[0].datum).toBe(
        impasseServiceniveau('2027-01-25', getPolicy('almere'), 'noord', undefined, 'E2').datum,
      );
      expect((await h.describe()).typedSearchAttributes.get(ImpasseNiveau)).toBe('E2');
      expect(
        await weigering(
          h.executeUpdate(escalerenUpdate, { args: [{ naar: 'E3', reden: 'verder', door: coordinator }] }),
        ),
      ).toBe(
        'E2 is de laatste trede van de route doorzettingsmacht van almere: de teamleider Toeleiding wijst de school aan (aanwijzen).',
      );
      // The teamleider Toeleiding is the SWV's: not the directeur.
      expect(
        await weigering(
          h.executeUpdate(aanwijzenUpdate, { args: [{ school: deLinde, reden: 'aangewezen', door: directeur }] }),
        ),
      ).toMatch(/handelt de rol coordinator, niet directeur/);

      await skipTo(env, amsterdam('2027-01-27', '10:00'));
      const voor = verstuurd.length;
      const eind = await h.executeUpdate(aanwijzenUpdate, {
        args: [
          {
            school: deLinde,
            reden: 'De Linde heeft plek en ervaring; partijen kwamen niet tot overeenstemming',
            door: coordinator,
          },
        ],
      });
      expect(eind).toMatchObject({
        status: 'geplaatst',
        open: false,
        uitkomst: { aangewezen: true, school: deLinde, niveau: 'E2' },
      });
      expect(eind.tijdlijn.at(-1)).toMatchObject({ soort: 'aangewezen', door: coordinator });
      expect(await h.result()).toMatchObject({ geplaatst: true, aangewezen: true, school: deLinde });
      // The parents, the school, the coordinator and the directeur hear which school was named.
      const brief = verstuurd.slice(voor).find((v) => v.n.sjabloon === 'impasse-geplaatst')!;
      expect(brief.n.aan.map((a) => a.rol)).toEqual(['school', 'ouders', 'coordinator', 'directeur']);
      expect(brief.n.gegevens).toMatchObject({ plaatsingsschool: 'De Linde', aangewezen: 'ja' });
      // Nothing more once the school is named.
      await skipTo(env, amsterdam('2027-03-01', '12:00'));
      expect(momenten(verstuurd, voor)).toEqual([
        'impasse-geplaatst:school+ouders+coordinator+directeur@2027-01-27 10:00',
      ]);
      await recordHistory('impasse', h, 'v4', SUITE);
    });
  });

  it('PPO-NK: overleg between the boards, a mediator engaged by the directeur-bestuurder, then the geschillencommissie (seed 003 L512–515)', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, impasseInput('ppo-nk'));
      const s = await view(h);
      expect(s).toMatchObject({ route: 'bestuursgeschil', eigenaar: 'coordinator' });
      expect(s.treden!.map((t) => `${t.code}:${t.eigenaar}`)).toEqual([
        'E1:coordinator',
        'E2:directeur',
        'E3:directeur',
      ]);

      // E2 names the mediator (L514); the advice of the plaatsingstafel is not this route's.
      expect(
        await weigering(
          h.executeUpdate(escalerenUpdate, { args: [{ naar: 'E2', reden: 'overleg mislukt', door: coordinator }] }),
        ),
      ).toBe('Op E2 schakelt het bestuur van het samenwerkingsverband een mediator in: noem de mediator (mediator).');
      await skipTo(env, amsterdam('2027-01-18', '10:00'));
      const e2 = await h.executeUpdate(escalerenUpdate, {
        args: [
          { naar: 'E2', reden: 'overleg tussen de besturen mislukt', mediator: 'Mediator Noord', door: coordinator },
        ],
      });
      expect(e2).toMatchObject({ niveau: 'E2', eigenaar: 'directeur' });
      expect(e2.tijdlijn.at(-1)).toMatchObject({ soort: 'niveau:E2', gegevens: { mediator: 'Mediator Noord' } });
      // 10 school days after Monday 18 January: Monday 1 February. Its owner, the directeur, is reminded.
      expect(e2.deadlines[0].datum).toBe('2027-02-01');
      expect(
        await weigering(
          h.executeUpdate(plaatsenUpdate, { args: [{ school: deLinde, reden: 'akkoord', door: coordinator }] }),
        ),
      ).toMatch(/handelt de rol directeur, niet coordinator/);
      const voor = verstuurd.length;
      await skipTo(env, amsterdam('2027-02-01', '17:01'));
      expect(momenten(verstuurd, voor)).toEqual([
        'impasse-herinnering:directeur@2027-01-27 08:00',
        'impasse-herinnering:directeur@2027-01-29 08:00',
        'impasse-vastgelopen:directeur@2027-02-01 17:00',
      ]);

      const e3 = await h.executeUpdate(escalerenUpdate, {
        args: [{ naar: 'E3', reden: 'mediatie leidde niet tot een oplossing', door: directeur }],
      });
      expect(e3.niveauOmschrijving).toMatch(/geschillencommissie/);
      expect(
        await weigering(h.executeUpdate(escalerenUpdate, { args: [{ naar: 'E4', reden: 'verder', door: directeur }] })),
      ).toBe(
        'E3 is de laatste trede van de route bestuursgeschil van ppo-nk: de zaak eindigt met een plaatsing (plaatsen) of stopt (stoppen).',
      );
      expect(
        await weigering(
          h.executeUpdate(aanwijzenUpdate, { args: [{ school: deLinde, reden: 'aanwijzen', door: directeur }] }),
        ),
      ).toMatch(/hoort bij een route met doorzettingsmacht/);
      await h.executeUpdate(vastleggenUpdate, {
        args: [
          {
            soort: 'geschillencommissie',
            tekst: 'De commissie oordeelt dat De Linde de leerling toelaat.',
            door: directeur,
          },
        ],
      });
      const eind = await h.executeUpdate(plaatsenUpdate, {
        args: [{ school: deLinde, reden: 'na het oordeel van de geschillencommissie', door: directeur }],
      });
      expect(eind).toMatchObject({ status: 'geplaatst', uitkomst: { niveau: 'E3', school: deLinde } });
      expect(eind.uitkomst!.aangewezen).toBeUndefined();
      await recordHistory('impasse', h, 'v4', SUITE);
    });
  });

  it('VO Groningen Stad: from the zorgplicht case to the thuiszitterspact casusoverleg (seed 004 L420, L562), placed on E2', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const input = zorgplichtInput({
        beleid: getPolicy('vo-groningen-stad'),
        kalender: regionaalRooster('noord', '2026-06-01', '2028-07-31'),
        school: { brin: '12AB', naam: 'Het Lyceum', email: 'directie@lyceum.example', regio: 'noord' },
        aanmelddatum: '2027-01-04',
      });
      const zp = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      await zp.executeUpdate(impasseMeldenUpdate, {
        args: [{ reden: 'geen school kan bieden wat nodig is', door: school }],
      });
      const kind = (await zodraGestart(env, `${input.zaakId}-impasse`)) as WorkflowHandle<typeof impasse>;
      const s = await view(kind);
      expect(s).toMatchObject({
        route: 'thuiszitterspact',
        niveau: 'E1',
        beleid: 'vo-groningen-stad',
        beleidsversie: '2023-2027',
      });
      expect(s.deadlines[0].datum).toBe('2027-01-25');

      const e2 = await kind.executeUpdate(escalerenUpdate, {
        args: [{ naar: 'E2', reden: 'school en ouders vinden geen oplossing', door: coordinator }],
      });
      expect(e2.niveauOmschrijving).toMatch(/casusoverleg van het Thuiszitterspact/);
      // The pact's table consults leerplicht; the plaatsingstafel's notes are not this rung's.
      expect(
        await weigering(
          kind.executeUpdate(vastleggenUpdate, {
            args: [{ soort: 'skt-geraadpleegd', tekst: 'SKT', door: coordinator }],
          }),
        ),
      ).toBe("Op E2 kan 'skt-geraadpleegd' niet worden vastgelegd; wel: leerplicht-geraadpleegd.");
      await kind.executeUpdate(vastleggenUpdate, {
        args: [{ soort: 'leerplicht-geraadpleegd', tekst: 'Leerplicht zit aan tafel.', door: coordinator }],
      });
      await skipTo(env, amsterdam('2027-01-13', '11:00'));
      await kind.executeUpdate(plaatsenUpdate, {
        args: [{ school: { brin: '56EF', naam: 'Het Kompas' }, reden: 'plek via het casusoverleg', door: coordinator }],
      });
      expect(await kind.result()).toMatchObject({ geplaatst: true, niveau: 'E2' });
      const zorg = await zp.result();
      expect(zorg).toMatchObject({
        open: false,
        besluit: { uitkomst: 'elders-toegelaten', details: { toelatendeSchool: 'Het Kompas', impasseNiveau: 'E2' } },
      });
      // No reminder of the impasse after the placement.
      await skipTo(env, amsterdam('2027-02-01', '12:00'));
      expect(verstuurd.filter((v) => v.n.sjabloon === 'impasse-herinnering')).toHaveLength(0);
      expect((await zp.query(statusQuery)).open).toBe(false);
      expect(toIsoDate(Date.parse(zorg.besluit!.op))).toBe('2027-01-13');
      await recordHistory('impasse', kind, 'v4', SUITE);
    });
  });
});
