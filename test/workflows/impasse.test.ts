import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, impasseServiceniveau, toIsoDate } from '../../src/domain';
import { niveaus, type BindendBesluit, type Escaleren, type Niveau } from '../../src/shared/impasse';
import type { ActorRef } from '../../src/shared/zaak';
import { ImpasseNiveau, VastgelopenNiveau } from '../../src/temporal/searchAttributes';
import {
  bindendBesluitUpdate,
  escalerenUpdate,
  impasse,
  impasseGesloten,
  impasseStatusQuery,
  oudersReactieUpdate,
  plaatsenUpdate,
  stoppenUpdate,
  vastleggenUpdate,
} from '../../src/workflows/impasse';
import { besluitenUpdate, impasseMeldenUpdate, statusQuery, zorgplicht } from '../../src/workflows/zorgplicht';
import { recordHistory } from '../helpers/histories';
import { impasseInput } from '../helpers/impasse';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import { withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { coordinator, school, zorgplichtInput } from '../helpers/zorgplicht';

const directeur: ActorRef = { id: 'dir-1', naam: 'Directeur SWV', rol: 'directeur' };
const bestuur: ActorRef = { id: 'db-1', naam: 'Dagelijks Bestuur', rol: 'bestuur' };
const deLinde = { brin: '34CD', naam: 'De Linde' };
/** The DB's binding decision on E6 for De Linde, whose board (WSKO) sits in the DB (SPOW). */
const dbBesluit: BindendBesluit = {
  adviesDerde: 'Advies: De Linde is de best passende school.',
  school: deLinde,
  reden: 'bindend',
  bestuurNietInDb: false,
  bestuur: 'WSKO',
  door: bestuur,
};

/** The escalation that brings a case from `van` to the next rung, by that rung's owner. */
function escalatie(van: Niveau): Escaleren {
  const stap: Partial<Record<Niveau, Escaleren>> = {
    E1: {
      naar: 'E2',
      reden: 'plaatsingstafel belegd',
      deelnemers: ['ouders', 'huidige-school', 'thuisnabije-scholen', 'leerplicht'],
      door: coordinator,
    },
    E2: {
      naar: 'E3',
      reden: 'geen vrijwillige plaatsing',
      advies: { school: deLinde, onderbouwing: 'De Linde heeft een kleine groep en ervaring met deze hulpvraag.' },
      door: coordinator,
    },
    E3: { naar: 'E4', reden: 'gesprek met directeur De Linde', door: directeur },
    E4: { naar: 'E5', reden: 'De Linde weigert vrijwillige plaatsing', door: directeur },
    E5: { naar: 'E6', reden: 'DB vraagt onafhankelijk advies', derde: 'Onderwijsconsulenten', door: bestuur },
  };
  const escaleren = stap[van];
  if (!escaleren) throw new Error(`${van} escaleert niet met escaleren`);
  return escaleren;
}

async function klimNaar(h: WorkflowHandle<typeof impasse>, doel: Niveau): Promise<void> {
  const nu = (await h.query(impasseStatusQuery)).niveau;
  for (const van of niveaus.slice(niveaus.indexOf(nu))) {
    if (van === doel) return;
    if (van === 'E6') {
      await h.executeUpdate(bindendBesluitUpdate, { args: [dbBesluit] });
      await h.executeUpdate(oudersReactieUpdate, {
        args: [{ akkoord: false, reden: 'ouders willen een andere school', door: coordinator }],
      });
    } else {
      await h.executeUpdate(escalerenUpdate, { args: [escalatie(van)] });
    }
  }
}

const SUITE = 'impasse workflow (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 14 December 2026, 09:00: the kerstvakantie (19 Dec–3 Jan, all regions) lies inside E1's service level.
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2026-12-14T08:00:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'impasse', fn);
  const start = (taskQueue: string, input = impasseInput()) =>
    env.client.workflow.start(impasse, {
      taskQueue,
      workflowId: `imp-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
  /** A zorgplicht case with a reported impasse, and the impasse once its child case has started. */
  async function metImpasse(taskQueue: string, input = zorgplichtInput()) {
    const zp = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
    await zp.executeUpdate(impasseMeldenUpdate, { args: [{ reden: 'geen passende plek', door: school }] });
    let kindId: string | undefined;
    for (let i = 0; i < 50 && !kindId; i++) {
      kindId = (await zp.query(statusQuery)).impasse?.zaakId;
      if (!kindId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(kindId).toBe(`${input.zaakId}-impasse`);
    return { zp, kind: env.client.workflow.getHandle<typeof impasse>(kindId!) };
  }
  const momenten = (v: Verstuurd[]) =>
    v.map((x) => `${x.n.sjabloon}:${x.n.aan.map((a) => a.rol).join('+')}@${x.datum} ${x.tijd}`);

  it('reminds the owner on school days before the service level and marks E1 stuck on 11 January 2027, across the kerstvakantie', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      const s = await h.query(impasseStatusQuery);
      expect(s).toMatchObject({ niveau: 'E1', eigenaar: 'coordinator', status: 'open' });
      expect(s.deadlines[0]).toMatchObject({ soort: 'serviceniveau-E1', datum: '2027-01-11' });
      expect(s.deadlines[0].regel).toMatch(/10 schooldagen/);

      await skipTo(env, amsterdam('2027-01-11', '16:59'));
      expect((await h.query(impasseStatusQuery)).status).toBe('open');
      expect(momenten(verstuurd)).toEqual([
        'impasse-herinnering:coordinator@2027-01-06 08:00',
        'impasse-herinnering:coordinator@2027-01-08 08:00',
      ]);

      await skipTo(env, amsterdam('2027-01-11', '17:01'));
      const stuck = await h.query(impasseStatusQuery);
      expect(stuck.status).toBe('vastgelopen');
      expect(stuck.vastgelopen!.niveau).toBe('E1');
      expect(toIsoDate(Date.parse(stuck.vastgelopen!.sinds))).toBe('2027-01-11');
      expect(momenten(verstuurd).at(-1)).toBe('impasse-vastgelopen:directeur@2027-01-11 17:00');
      const sa = (await h.describe()).typedSearchAttributes;
      expect(sa.get(VastgelopenNiveau)).toBe('E1');
      expect(sa.get(ImpasseNiveau)).toBe('E1');

      // Once: no second message while it stays stuck.
      await skipTo(env, amsterdam('2027-02-01', '12:00'));
      expect(verstuurd.filter((v) => v.n.sjabloon === 'impasse-vastgelopen')).toHaveLength(1);

      // Escalating clears the stuck mark; E2 gets its own service level from today.
      const e2 = await h.executeUpdate(escalerenUpdate, { args: [escalatie('E1')] });
      expect(e2).toMatchObject({ niveau: 'E2', status: 'open', vastgelopen: null });
      expect(e2.deadlines[0].datum).toBe(
        impasseServiceniveau('2027-02-01', getPolicy('spow'), 'midden', undefined, 'E2').datum,
      );
      expect((await h.describe()).typedSearchAttributes.get(VastgelopenNiveau)).toBeUndefined();
      await recordHistory('impasse', h, 'v4', SUITE);
      await h.terminate('klaar');
    });
  });

  it('gives every rung its own service level, reminds its owner and marks it stuck on its school-day date', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      for (const niveau of niveaus) {
        const s = await h.query(impasseStatusQuery);
        expect(s.niveau).toBe(niveau);
        const sinds = toIsoDate(Date.parse(s.niveauSinds));
        const sn = impasseServiceniveau(sinds, getPolicy('spow'), 'midden', undefined, niveau);
        expect(s.deadlines[0].datum).toBe(sn.datum);
        const voor = verstuurd.length;
        await skipTo(env, amsterdam(sn.datum, '17:01'));
        const nieuw = verstuurd.slice(voor);
        expect(
          nieuw.filter((v) => v.n.sjabloon === 'impasse-herinnering').every((v) => v.n.aan[0].rol === s.eigenaar),
        ).toBe(true);
        expect(nieuw.filter((v) => v.n.sjabloon === 'impasse-herinnering')).toHaveLength(2);
        expect(nieuw.filter((v) => v.n.sjabloon === 'impasse-vastgelopen').map((v) => v.datum)).toEqual([sn.datum]);
        expect((await h.query(impasseStatusQuery)).vastgelopen?.niveau).toBe(niveau);
        if (niveau !== 'E7') await klimNaar(h, niveaus[niveaus.indexOf(niveau) + 1]);
      }
      await recordHistory('impasse', h, 'v4', SUITE);
      await h.terminate('klaar');
    });
  });

  it('sends no reminder and no stuck mark after a placement', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await skipTo(env, amsterdam('2027-01-06', '09:00'));
      await h.executeUpdate(plaatsenUpdate, {
        args: [{ school: deLinde, reden: 'De Linde plaatst vrijwillig', door: coordinator }],
      });
      expect(await h.result()).toMatchObject({ geplaatst: true, niveau: 'E1', school: deLinde });
      await skipTo(env, amsterdam('2027-02-01', '09:00'));
      expect(momenten(verstuurd)).toEqual([
        'impasse-herinnering:coordinator@2027-01-06 08:00',
        'impasse-geplaatst:coordinator+directeur@2027-01-06 09:00',
      ]);
    });
  });

  it('refuses skipped rungs, wrong roles and steps out of order, and changes nothing', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue);
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
      const voor = await h.query(impasseStatusQuery);
      await weiger(
        h.executeUpdate(escalerenUpdate, { args: [{ ...escalatie('E2'), door: coordinator }] }),
        /volgende trede: van E1 naar E2, niet naar E3/,
      );
      await weiger(
        h.executeUpdate(escalerenUpdate, { args: [{ ...escalatie('E1'), door: school }] }),
        /rol coordinator.*niet school/,
      );
      await weiger(
        h.executeUpdate(escalerenUpdate, { args: [{ ...escalatie('E1'), door: directeur }] }),
        /niet directeur/,
      );
      await weiger(
        h.executeUpdate(bindendBesluitUpdate, { args: [{ ...dbBesluit, reden: 'te vroeg' }] }),
        /volgt op E6/,
      );
      await weiger(
        h.executeUpdate(oudersReactieUpdate, { args: [{ akkoord: true, reden: 'te vroeg', door: coordinator }] }),
        /bindend besluit/,
      );
      await weiger(
        h.executeUpdate(vastleggenUpdate, {
          args: [{ soort: 'geschillencommissie', tekst: 'te vroeg', door: coordinator }],
        }),
        /Op E1 kan/,
      );
      await weiger(
        h.executeUpdate(plaatsenUpdate, { args: [{ school: deLinde, reden: 'geen eigenaar', door: bestuur }] }),
        /niet bestuur/,
      );
      expect(await h.query(impasseStatusQuery)).toEqual(voor);

      // Each rung's field on its own rung: an advice sent along to E2 would propose a school unvetted.
      await weiger(
        h.executeUpdate(escalerenUpdate.name, {
          args: [{ ...escalatie('E1'), advies: { school: deLinde, onderbouwing: 'Meegestuurd zonder tafel.' } }],
        }),
        'Naar E2 hoort niet: advies (E3); elk hoort bij zijn eigen trede.',
      );
      // E3 needs the OA's reasoned advice naming a school.
      await h.executeUpdate(escalerenUpdate, { args: [escalatie('E1')] });
      // Input the types do not allow goes by the Update's name, as the Temporal CLI or UI would send it.
      await weiger(
        h.executeUpdate(escalerenUpdate.name, { args: [{ naar: 'E3', reden: 'zonder advies', door: coordinator }] }),
        'Op E3 ligt een onderbouwd advies bij de directeur: geef advies.school en advies.onderbouwing.',
      );
      await klimNaar(h, 'E6');
      // A board not in the DB is invited before the binding decision: the policy's list of the DB's
      // boards decides, whatever the caller says (bestuurNietInDb: false).
      const besluitVoor = (extra: Record<string, unknown>) =>
        h.executeUpdate(bindendBesluitUpdate.name, {
          args: [
            {
              adviesDerde: 'Advies: De Linde past het best.',
              school: deLinde,
              reden: 'bindend',
              door: bestuur,
              ...extra,
            },
          ],
        });
      await weiger(
        besluitVoor({ bestuurNietInDb: false }),
        'Noem het bestuur van De Linde (bestuur): of het in het DB zit, volgt uit Ondersteuningsplan SPOW 2020-2024, §3.3 De structuur van de organisatie.',
      );
      await weiger(
        besluitVoor({ bestuurNietInDb: false, bestuur: 'Stichting De Linde' }),
        'Het bestuur van De Linde (Stichting De Linde) zit niet in het DB (daarin: WSKO, SOOW, PCPOW, SO): nodig het eerst uit (vastleggen: bestuur-uitgenodigd).',
      );
      await weiger(
        h.executeUpdate(escalerenUpdate.name, { args: [{ naar: 'E7', reden: 'door', door: bestuur }] }),
        'Op E6 beslist het Dagelijks Bestuur bindend (bindend-besluit); E7 volgt als de ouders het niet aanvaarden.',
      );
      await h.executeUpdate(vastleggenUpdate, {
        args: [{ soort: 'bestuur-uitgenodigd', tekst: 'Bestuur De Linde uitgenodigd voor het DB', door: bestuur }],
      });
      const besluit = await h.executeUpdate(bindendBesluitUpdate, {
        args: [
          {
            adviesDerde: 'Advies: De Linde past het best.',
            school: deLinde,
            reden: 'bindend',
            bestuurNietInDb: false,
            bestuur: 'Stichting De Linde',
            door: bestuur,
          },
        ],
      });
      expect(besluit.bindendBesluit!.school).toEqual(deLinde);
      await h.terminate('klaar');
    });
  });

  const ouders = [{ email: 'ouder@example.org' }];

  it("lets only the rung's owner act, and tells the parents of the directeur, the DB, the derde, the decision and the placement", async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(
        taskQueue,
        impasseInput({
          ouders,
          school: { brin: '12AB', naam: 'De Regenboog', regio: 'midden', email: 'ib@regenboog.example' },
        }),
      );
      expect(
        await weigering(
          h.executeUpdate(escalerenUpdate, {
            args: [{ naar: 'E2', reden: 'tafel zonder ouders', deelnemers: ['huidige-school'], door: coordinator }],
          }),
        ),
      ).toBe('De ouders nemen deel aan de plaatsingstafel: neem hen op in de deelnemers.');
      await klimNaar(h, 'E4');
      const voor = await h.query(impasseStatusQuery);
      expect(
        await weigering(
          h.executeUpdate(plaatsenUpdate, { args: [{ school: deLinde, reden: 'plaatsing', door: coordinator }] }),
        ),
      ).toBe('Op E4 (Gesprek directeur SWV met directeur school) handelt de rol directeur, niet coordinator.');
      expect(
        await weigering(
          h.executeUpdate(vastleggenUpdate, {
            args: [{ soort: 'ondersteuningsaanbod', tekst: 'extra begeleiding', door: coordinator }],
          }),
        ),
      ).toBe('Op E4 (Gesprek directeur SWV met directeur school) handelt de rol directeur, niet coordinator.');
      expect(await h.query(impasseStatusQuery)).toEqual(voor);

      await klimNaar(h, 'E6');
      await h.executeUpdate(bindendBesluitUpdate, { args: [dbBesluit] });
      // The DB, owner of E6, records the parents' answer.
      const klaar = await h.executeUpdate(oudersReactieUpdate, {
        args: [{ akkoord: true, reden: 'ouders aanvaarden De Linde', door: bestuur }],
      });
      expect(klaar).toMatchObject({
        status: 'geplaatst',
        uitkomst: { geplaatst: true, school: deLinde, niveau: 'E6' },
      });
      await h.result();
      await skipTo(env, amsterdam('2026-12-14', '09:30'));
      const aanOuders = verstuurd.filter((v) => v.n.aan.some((a) => a.rol === 'ouders'));
      expect(aanOuders.map((v) => `${v.n.sjabloon}/${v.n.sleutel.split('/').slice(1).join('/')}`)).toEqual([
        'impasse-ouders/niveau/E3',
        'impasse-ouders/niveau/E5',
        'impasse-ouders/niveau/E6',
        'impasse-ouders/bindend-besluit',
        'impasse-geplaatst/geplaatst',
      ]);
      expect(verstuurd.at(-1)!.n.aan).toEqual([
        { rol: 'school', email: 'ib@regenboog.example' },
        { rol: 'ouders', email: 'ouder@example.org' },
        { rol: 'coordinator' },
        { rol: 'directeur' },
      ]);
      expect(verstuurd.find((v) => v.n.sleutel.endsWith('/bindend-besluit'))!.n.gegevens).toMatchObject({
        bindendBesluit: 'ja',
        voorgesteldeSchool: 'De Linde',
      });
      await recordHistory('impasse', h, 'v4', SUITE);
    });
  });

  it('goes to E7 when the parents do not accept the advised school, already at E3', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue, impasseInput({ ouders }));
      await klimNaar(h, 'E3');
      const e7 = await h.executeUpdate(oudersReactieUpdate, {
        args: [{ akkoord: false, reden: 'ouders willen De Linde niet', door: directeur }],
      });
      expect(e7).toMatchObject({ niveau: 'E7', eigenaar: 'directeur', status: 'open' });
      expect(e7.tijdlijn.at(-1)).toMatchObject({
        soort: 'niveau:E7',
        reden: 'ouders willen De Linde niet',
        gegevens: { ouders: 'niet akkoord', voorgesteldeSchool: 'De Linde' },
      });
      expect(
        await weigering(
          h.executeUpdate(oudersReactieUpdate, { args: [{ akkoord: true, reden: 'toch wel', door: directeur }] }),
        ),
      ).toBe('De ouders hebben al gereageerd: de zaak staat op E7.');
      await recordHistory('impasse', h, 'v4', SUITE);
      await h.terminate('klaar');
    });
  });

  it('stops without a placement by the coordinator: the zorgplicht case shows it and its terms run on', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const { zp, kind } = await metImpasse(taskQueue, zorgplichtInput({ aanmelddatum: '2026-12-14' }));
      expect(
        await weigering(kind.executeUpdate(stoppenUpdate, { args: [{ reden: 'verhuisd', door: directeur }] })),
      ).toBe('De rol directeur zet deze stap niet in een impasse; wel: coordinator.');
      const gestopt = await kind.executeUpdate(stoppenUpdate, {
        args: [{ reden: 'Het gezin is naar Groningen verhuisd.', door: coordinator }],
      });
      expect(gestopt).toMatchObject({ status: 'gestopt', open: false, uitkomst: { geplaatst: false, niveau: 'E1' } });
      expect(await kind.result()).toMatchObject({ geplaatst: false, reden: 'Het gezin is naar Groningen verhuisd.' });
      // A closed case takes no step: the API answers 409 with this text (the workflow has completed).
      expect(impasseGesloten(await kind.query(impasseStatusQuery))).toBe(
        'De impasse is gestopt (2026-12-14). Er kan geen stap meer worden gezet.',
      );

      let zorg = await zp.query(statusQuery);
      for (let i = 0; i < 50 && !zorg.impasse?.gestopt; i++) {
        await new Promise((r) => setTimeout(r, 100));
        zorg = await zp.query(statusQuery);
      }
      expect(zorg).toMatchObject({
        status: 'in-onderzoek',
        open: true,
        impasse: { gestopt: { reden: 'Het gezin is naar Groningen verhuisd.', door: coordinator } },
      });
      expect(zorg.tijdlijn.at(-1)).toMatchObject({ soort: 'impasse-gestopt' });
      expect(
        await weigering(zp.executeUpdate(impasseMeldenUpdate, { args: [{ reden: 'opnieuw', door: school }] })),
      ).toBe(
        'De impasse van 2026-12-14 is gestopt; een nieuwe impasse start de coördinator (POST /api/v1/zaken/impasse).',
      );
      // The coordinator's mail names the impasse case, where the ladder's steps are taken.
      expect(verstuurd.find((v) => v.n.sjabloon === 'impasse-coordinator')!.n.gegevens.impasseZaak).toBe(
        kind.workflowId,
      );
      await zp.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'toegelaten', reden: 'toch een plek', door: school }],
      });
      await zp.result();
      await recordHistory('zorgplicht', zp, 'v5', SUITE);
      await recordHistory('impasse', kind, 'v4', SUITE);
    });
  });

  it.each(niveaus.map((n) => [n]))('a placement on %s closes the impasse and the zorgplicht case', async (niveau) => {
    await metWorker(async (taskQueue) => {
      const { zp, kind: h } = await metImpasse(taskQueue, zorgplichtInput({ beleid: getPolicy('spow') }));
      await klimNaar(h, niveau);
      if (niveau === 'E6') {
        await h.executeUpdate(bindendBesluitUpdate, { args: [dbBesluit] });
        await h.executeUpdate(oudersReactieUpdate, {
          args: [{ akkoord: true, reden: 'ouders aanvaarden De Linde', door: coordinator }],
        });
      } else {
        const door =
          niveau === 'E5' ? bestuur : niveau === 'E3' || niveau === 'E4' || niveau === 'E7' ? directeur : coordinator;
        await h.executeUpdate(plaatsenUpdate, { args: [{ school: deLinde, reden: 'plaatsing op De Linde', door }] });
      }
      expect(await h.result()).toMatchObject({ geplaatst: true, niveau, school: deLinde });
      const eind = await zp.result();
      expect(eind).toMatchObject({
        status: 'elders-toegelaten',
        open: false,
        besluit: { uitkomst: 'elders-toegelaten', details: { toelatendeSchool: 'De Linde', impasseNiveau: niveau } },
      });
      if (niveau === 'E7') await recordHistory('impasse', h, 'v4', SUITE);
    });
  });

  it('stops the impasse when the zorgplicht case is closed otherwise', async () => {
    await metWorker(async (taskQueue) => {
      const { zp, kind } = await metImpasse(taskQueue);
      await zp.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'ingetrokken', reden: 'ouders trekken de aanmelding in', door: coordinator }],
      });
      await zp.result();
      await expect(kind.result()).rejects.toThrow();
      expect((await kind.describe()).status.name).toBe('CANCELLED');
      const s = await kind.query(impasseStatusQuery);
      expect(s.status).toBe('gestopt');
      expect(s.tijdlijn.at(-1)!.soort).toBe('gestopt');
      // Both sides of the link: the parent cancelling its child, the child recording that it stopped.
      await recordHistory('zorgplicht', zp, 'v5', SUITE);
      await recordHistory('impasse', kind, 'v4', SUITE);
    });
  });
});
