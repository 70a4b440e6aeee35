/**
 * P3 TLV on the time-skipping server, on real calendar dates (SPOW: the assessment within 6 weeks,
 * seed 001 L1993; the duration by groep, addendum L1996–2002; bezwaar per Awb 6:7–6:8). Every
 * timed step: it fires on its day, and not once the step it waits for is done.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { getPolicy, regionaalRooster } from '../../src/domain';
import type { ActorRef } from '../../src/shared/zaak';
import {
  beoordelenUpdate,
  besluitenUpdate,
  bezwaarAdviesUpdate,
  bezwaarBeslissenUpdate,
  bezwaarUpdate,
  bezwaarVerdagenUpdate,
  evaluatieUpdate,
  herbeoordelingUpdate,
  intrekkenUpdate,
  tlv,
  tlvStatusQuery,
} from '../../src/workflows/tlv';
import { herbeoordelingsPlanning } from '../../src/domain/tlv';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import { withRecordingWorker, type Scenario, type Verstuurd } from '../helpers/worker';
import { deskundigeA, deskundigeB, toekennen, tlvInput } from '../helpers/tlv';
import { coordinator } from '../helpers/zorgplicht';

const SUITE = 'tlv workflow (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  // Monday 14 December 2026: the aanvraag is complete that day; the kerstvakantie lies in the 6 weeks.
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2026-12-14T08:30:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'tlv', fn);
  const start = (taskQueue: string, input = tlvInput()) =>
    env.client.workflow.start(tlv, {
      taskQueue,
      workflowId: `tlv-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
  const soorten = (verstuurd: Verstuurd[], sjabloon: string) =>
    verstuurd.filter((v) => v.n.sjabloon === sjabloon).map((v) => `${v.datum} ${v.tijd}`);

  it('reminds the deskundigen on 11, 18 and 22 January 2027 and tells the directeur once the term (25 January) is over', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      const v = await h.query(tlvStatusQuery);
      expect(v.deadlines).toEqual([
        {
          soort: 'beoordelingstermijn',
          datum: '2027-01-25',
          regel: expect.stringContaining('6 weken na ontvangst van de aanvraag'),
          tijdstip: amsterdam('2027-01-26', '00:00'),
        },
      ]);
      await skipTo(env, amsterdam('2027-01-25', '23:59'));
      expect(soorten(verstuurd, 'tlv-herinnering')).toEqual([
        '2027-01-11 08:00',
        '2027-01-18 08:00',
        '2027-01-22 08:00',
      ]);
      expect(soorten(verstuurd, 'tlv-te-laat')).toEqual([]);
      expect((await h.query(tlvStatusQuery)).status).toBe('in-beoordeling');
      await skipTo(env, amsterdam('2027-01-26', '09:00'));
      expect(soorten(verstuurd, 'tlv-te-laat')).toEqual(['2027-01-26 00:00']);
      expect(verstuurd.find((x) => x.n.sjabloon === 'tlv-te-laat')!.n.aan.map((a) => a.rol)).toEqual([
        'directeur',
        'coordinator',
      ]);
      expect((await h.query(tlvStatusQuery)).status).toBe('beoordeling-te-laat');
      await recordHistory('tlv', h, 'v1', SUITE);
    });
  });

  it('two different deskundigen decide; once decided nothing more is reminded, and the end date follows the groep', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      expect(await weigering(h.executeUpdate(besluitenUpdate, { args: [toekennen()] }))).toMatch(/eerste deskundige/);
      await h.executeUpdate(beoordelenUpdate, {
        args: [
          { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
        ],
      });
      expect(await weigering(h.executeUpdate(besluitenUpdate, { args: [toekennen({ door: deskundigeA })] }))).toMatch(
        /Twee deskundigen/,
      );
      expect(
        await weigering(
          h.executeUpdate(beoordelenUpdate, {
            args: [{ advies: 'afwijzen', onderbouwing: 'nog eens', door: deskundigeB }],
          }),
        ),
      ).toMatch(/al beoordeeld/);
      await skipTo(env, amsterdam('2027-01-05', '10:00'));
      const v = await h.executeUpdate(besluitenUpdate, { args: [toekennen()] });
      expect(v.status).toBe('toegekend');
      expect(v.tlv).toEqual(
        expect.objectContaining({
          startdatum: '2027-02-01',
          einddatum: '2030-07-31',
          school: { naam: 'SBO De Vaart' },
        }),
      );
      expect(v.tlv!.einddatumRegel).toMatch(/tot het einde van groep 8/);
      expect(v.deskundigen.map((d) => [d.id, d.rol])).toEqual([
        ['oa-1', 'eerste'],
        ['orthoped-2', 'tweede'],
      ]);
      // The letter names the bezwaar route; the window ends 6 weeks after sending (Awb 6:7–6:8).
      expect(v.deadlines.map((d) => [d.soort, d.datum])).toEqual([
        ['einddatum', '2030-07-31'],
        ['bezwaartermijn', '2027-02-16'],
      ]);
      await skipTo(env, amsterdam('2027-02-01', '09:00'));
      // The letter went out on the day of the decision to the school, the parents and the coordinator,
      // and on its own to the S(B)O school.
      const brief = verstuurd.filter((x) => x.n.sjabloon === 'tlv-besluit');
      expect(brief.map((x) => x.datum)).toEqual(['2027-01-05', '2027-01-05']);
      expect(String(brief[0].n.gegevens.bezwaar)).toMatch(/16 februari 2027/);
      expect(soorten(verstuurd, 'tlv-herinnering')).toEqual([]);
      expect(soorten(verstuurd, 'tlv-te-laat')).toEqual([]);
      await recordHistory('tlv', h, 'v1', SUITE);
    });
  });

  it('continues as a new run every school year with its state and timeline, and lapses at the end date', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, tlvInput({ leerling: { naam: 'Sanne Testleerling', groep: 7 } }));
      await h.executeUpdate(beoordelenUpdate, {
        args: [
          { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
        ],
      });
      const v = await h.executeUpdate(besluitenUpdate, { args: [toekennen()] });
      // From groep 7 in school year 2026-2027: until the end of groep 8, 31 July 2028.
      expect(v.tlv!.einddatum).toBe('2028-07-31');
      expect(v.runs).toBe(1);
      await skipTo(env, amsterdam('2027-08-01', '09:00'));
      const tweede = await env.client.workflow.getHandle(h.workflowId).query(tlvStatusQuery);
      expect(tweede.runs).toBe(2);
      expect(tweede.status).toBe('toegekend');
      // The new run needs the summer of 2029, past its copy: it extends its calendar first.
      expect(tweede.tijdlijn.map((i) => i.soort)).toEqual([
        'aangevraagd',
        'beoordeeld',
        'besluit:toegekend',
        'kalender-aangevuld',
      ]);
      expect(tweede.tlv).toEqual(v.tlv);
      await skipTo(env, amsterdam('2028-07-31', '23:00'));
      expect((await env.client.workflow.getHandle(h.workflowId).query(tlvStatusQuery)).status).toBe('toegekend');
      await skipTo(env, amsterdam('2028-08-01', '09:00'));
      const eind = await env.client.workflow.getHandle(h.workflowId).query(tlvStatusQuery);
      expect(eind.status).toBe('verlopen');
      expect(eind.open).toBe(false);
      expect(eind.runs).toBe(2);
      expect(soorten(verstuurd, 'tlv-verlopen')).toEqual(['2028-08-01 00:00']);
      // Both runs replay: the first ends in continue-as-new, the second starts from its state.
      await recordHistory('tlv', env.client.workflow.getHandle(h.workflowId, h.firstExecutionRunId), 'v1-run1', SUITE);
      await recordHistory('tlv', env.client.workflow.getHandle(h.workflowId), 'v1-run2', SUITE);
      expect(verstuurd.find((x) => x.n.sjabloon === 'tlv-verlopen')!.n.aan).toEqual([
        { rol: 'coordinator', email: 'coordinator@swv.example' },
        { rol: 'school', email: 'directie@devaart.example' },
      ]);
    });
  });

  it('reminds the S(B)O school of the herbeoordeling backwards from the end date; a herbeoordeling gives a new TLV on the same case', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      // Groep 2 in 2026-27: at most until the end of the school year of groep 3, 31 July 2028.
      const h = await start(taskQueue, tlvInput({ leerling: { naam: 'Sanne Testleerling', groep: 2 } }));
      await h.executeUpdate(beoordelenUpdate, {
        args: [{ advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen', door: deskundigeA }],
      });
      const sbo = { brin: '34CD', naam: 'SBO De Vaart', email: 'directie@devaart.example' };
      const v = await h.executeUpdate(besluitenUpdate, { args: [toekennen({ school: sbo })] });
      expect(v.tlv!.einddatum).toBe('2028-07-31');
      // The case moves to the school the pupil goes to; the applicant is kept.
      expect([v.school, v.aanvrager, v.ronde]).toEqual([
        { brin: '34CD', naam: 'SBO De Vaart' },
        { brin: '12AB', naam: 'De Regenboog' },
        1,
      ]);
      const plan = herbeoordelingsPlanning(
        '2028-07-31',
        { regio: 'midden', rooster: tlvInput().kalender, emb: false },
        getPolicy('spow'),
      );
      // The summer 2028 (midden: from 8 July) comes first: the new TLV is decided on the last school day before it.
      expect(plan.besluitUiterlijk.datum).toBe('2028-07-07');
      expect(v.deadlines.find((d) => d.soort === 'herbeoordeling-aanvraag')).toMatchObject({
        datum: plan.aanvraagUiterlijk.datum,
      });
      const evaluatieHerinneringen = plan.herinneringen.filter((x) => x.soort === 'evaluatie').map((x) => x.datum);
      const aanvraagHerinneringen = plan.herinneringen.filter((x) => x.soort === 'aanvraag').map((x) => x.datum);
      // Backwards: 6 school weeks of assessment → apply by 24 May; 4 school weeks before that the
      // evaluation with the parents, by 18 April; reminders 12 and 8 weeks before the application date
      // (12 weeks falls in the voorjaarsvakantie: Friday 25 February) and 2 weeks before it.
      expect([plan.evaluatieUiterlijk.datum, plan.aanvraagUiterlijk.datum]).toEqual(['2028-04-18', '2028-05-24']);
      expect(evaluatieHerinneringen).toEqual(['2028-02-25', '2028-03-29']);
      expect(aanvraagHerinneringen).toEqual(['2028-05-10']);

      // The S(B)O school is reminded on each evaluation date, at 08:00, and the coordinator with it.
      await skipTo(env, amsterdam(plan.evaluatieUiterlijk.datum, '09:00'));
      expect(soorten(verstuurd, 'tlv-herbeoordeling')).toEqual(evaluatieHerinneringen.map((d) => `${d} 08:00`));
      expect(verstuurd.find((x) => x.n.sjabloon === 'tlv-herbeoordeling')!.n).toMatchObject({
        aan: [
          { rol: 'school', email: 'directie@devaart.example' },
          { rol: 'coordinator', email: 'coordinator@swv.example' },
        ],
        gegevens: { wat: 'de interne evaluatie met de ouders', einddatum: 'maandag 31 juli 2028' },
      });
      const handle = env.client.workflow.getHandle(h.workflowId);
      const sboSchool: ActorRef = { id: 'ib-34cd', naam: 'IB SBO De Vaart', rol: 'school' };
      const evaluatie = {
        datum: plan.evaluatieUiterlijk.datum,
        deelnemers: ['ouders', 'IB SBO De Vaart'],
        conclusie: 'herbeoordeling' as const,
        verslag: 'De leerling blijft op het SBO; de ouders steunen de herbeoordeling',
      };
      // The school that applied no longer acts in the case; the S(B)O school does.
      expect(
        await weigering(
          handle.executeUpdate(evaluatieUpdate, {
            args: [{ ...evaluatie, door: { ...sboSchool, id: 'ib-12ab' }, scope: ['12AB'] }],
          }),
        ),
      ).toMatch(/bestaat niet/);
      expect(
        await weigering(
          handle.executeUpdate(evaluatieUpdate, {
            args: [{ ...evaluatie, deelnemers: ['IB', 'directie'], door: sboSchool, scope: ['34CD'] }],
          }),
        ),
      ).toBe('De interne evaluatie is met de ouders: noem hen bij de deelnemers.');
      await handle.executeUpdate(evaluatieUpdate, { args: [{ ...evaluatie, door: sboSchool, scope: ['34CD'] }] });

      // The application reminders still come (the school has not applied yet).
      await skipTo(env, amsterdam(plan.aanvraagUiterlijk.datum, '09:00'));
      expect(soorten(verstuurd, 'tlv-herbeoordeling')).toEqual(
        [...evaluatieHerinneringen, ...aanvraagHerinneringen].map((d) => `${d} 08:00`),
      );
      const aanvraag = {
        groep: 3,
        ondertekend: {
          ouders: plan.evaluatieUiterlijk.datum,
          eersteDeskundige: plan.evaluatieUiterlijk.datum,
          school: plan.evaluatieUiterlijk.datum,
        },
        documenten: [{ soort: 'GD' as const, kenmerk: 'GD-2028-009' }],
      };
      let r = await handle.executeUpdate(herbeoordelingUpdate, {
        args: [{ ...aanvraag, door: sboSchool, scope: ['34CD'] }],
      });
      expect(r).toMatchObject({ status: 'in-beoordeling', ronde: 2, eerdere: [{ ronde: 1, tlv: v.tlv }] });
      expect(r.tlv).toEqual(v.tlv);
      expect(r.deadlines.map((d) => d.soort)).toEqual(['beoordelingstermijn', 'einddatum']);
      expect(
        await weigering(
          handle.executeUpdate(herbeoordelingUpdate, { args: [{ ...aanvraag, door: sboSchool, scope: ['34CD'] }] }),
        ),
      ).toBe('De herbeoordeling is al aangevraagd; de deskundigen beoordelen haar nu.');

      // Two deskundigen again; in groep 3 the deskundige chooses the end date: until the end of groep 8.
      await handle.executeUpdate(beoordelenUpdate, {
        args: [{ advies: 'toekennen', onderbouwing: 'Het SBO blijft passend', door: deskundigeB }],
      });
      r = await handle.executeUpdate(besluitenUpdate, {
        args: [
          toekennen({
            door: deskundigeA,
            startdatum: '2028-08-01',
            einddatum: '2033-07-31',
            school: sbo,
            reden: 'De ondersteuningsbehoefte blijft',
          }),
        ],
      });
      expect(r).toMatchObject({
        status: 'toegekend',
        ronde: 2,
        tlv: { startdatum: '2028-08-01', einddatum: '2033-07-31' },
      });
      expect(
        r.tijdlijn
          .map((i) => i.soort)
          .filter((x) => x !== 'herinnering-herbeoordeling')
          .slice(-4),
      ).toEqual(['evaluatie:herbeoordeling', 'herbeoordeling-aangevraagd', 'beoordeeld', 'besluit:toegekend']);
      // The run of school year 2027-28, with the evaluation, the application and the new decision, replays.
      await recordHistory('tlv', env.client.workflow.getHandle(h.workflowId), 'v2', SUITE);
      // The letter of round 2 goes out (its own key) to the S(B)O school, the parents and the coordinator.
      await skipTo(env, amsterdam('2028-08-02', '09:00'));
      const brieven = verstuurd.filter((x) => x.n.sjabloon === 'tlv-besluit');
      expect(brieven.map((b) => b.n.sleutel.split('/').slice(1).join('/'))).toEqual([
        'besluit',
        'besluit/sbo',
        'besluit/ronde-2',
        'besluit/ronde-2/sbo',
      ]);
      expect(brieven[2].n.aan.map((a) => a.email)).toEqual(['ouder@example.org', 'coordinator@swv.example']);
      // The old end date passed: nothing lapses, the new TLV is in force; no reminders for it yet.
      const na = await handle.query(tlvStatusQuery);
      expect([na.status, na.open, na.tlv!.einddatum]).toEqual(['toegekend', true, '2033-07-31']);
      expect(soorten(verstuurd, 'tlv-verlopen')).toEqual([]);
      expect(soorten(verstuurd, 'tlv-herbeoordeling')).toHaveLength(plan.herinneringen.length);
    });
  });

  it('runs past its copied holiday data: each school year it extends the copy through an activity, and says where no official data exists', async () => {
    await metWorker(async (taskQueue) => {
      // A copy through 2027 only: the summer of 2028 is missing from the start.
      const h = await start(
        taskQueue,
        tlvInput({
          leerling: { naam: 'Sanne Testleerling', groep: 5 },
          kalender: regionaalRooster('midden', '2026-11-30', '2027-12-31'),
        }),
      );
      await h.executeUpdate(beoordelenUpdate, {
        args: [{ advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen', door: deskundigeA }],
      });
      const v = await h.executeUpdate(besluitenUpdate, { args: [toekennen()] });
      expect(v.tlv!.einddatum).toBe('2030-07-31');
      await skipTo(env, amsterdam('2029-08-01', '09:00'));
      const nu = await env.client.workflow.getHandle(h.workflowId).query(tlvStatusQuery);
      expect([nu.status, nu.runs]).toEqual(['toegekend', 4]);
      const aangevuld = nu.tijdlijn.filter((i) => i.soort === 'kalender-aangevuld');
      // Once per run: the summer after its school year (2028 at once, then 2029, 2030, 2031).
      expect(aangevuld.map((i) => i.gegevens)).toEqual([
        { tot: '2028-09-30' },
        { tot: '2029-09-30' },
        { tot: '2030-09-30', zonderVakantiegegevensVanaf: '2030-08-26' },
        { tot: '2031-09-30', zonderVakantiegegevensVanaf: '2030-08-26' },
      ]);
      expect(aangevuld[3].omschrijving).toBe(
        'Vakantierooster regio midden aangevuld tot en met dinsdag 30 september 2031. Voor regio midden zijn vanaf maandag 26 augustus 2030 nog geen officiële schoolvakanties bekend: tot die er zijn, telt het product alleen weekenden en feestdagen als vrije dagen.',
      );
      // The run that extended its copy with the answer recorded in its history replays.
      await recordHistory('tlv', env.client.workflow.getHandle(h.workflowId), 'v2', SUITE);
    });
  });

  it('an incomplete aanvraag waits without a term and can be withdrawn: the case closes and takes no step after', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue, tlvInput({ aanvraag: undefined, soort: 'sbo' }));
      let v = await h.query(tlvStatusQuery);
      expect([v.status, v.deadlines, v.aanvraag.compleet]).toEqual(['aanvraag-onvolledig', [], false]);
      const school: ActorRef = { id: 'ib-12ab', naam: 'IB De Regenboog', rol: 'school' };
      v = await h.executeUpdate(intrekkenUpdate, {
        args: [{ reden: 'De ouders kiezen een andere school', door: school, scope: ['12AB'] }],
      });
      expect([v.status, v.open]).toEqual(['ingetrokken', false]);
      expect((await h.result()).status).toBe('ingetrokken');
      expect(verstuurd.map((x) => x.n.sjabloon)).toEqual(['tlv-aanvraag-onvolledig', 'tlv-ingetrokken']);
    });
  });

  it('decided after the summer, the end date still counts from the groep on the day of the aanvraag', async () => {
    await metWorker(async (taskQueue) => {
      const h = await start(taskQueue, tlvInput({ leerling: { naam: 'Sanne Testleerling', groep: 7 } }));
      await h.executeUpdate(beoordelenUpdate, {
        args: [
          { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
        ],
      });
      // Far too late (the directeur was told in January), in the next school year: groep 7 then is groep 8 now.
      await skipTo(env, amsterdam('2027-08-05', '10:00'));
      const v = await env.client.workflow
        .getHandle(h.workflowId)
        .executeUpdate(besluitenUpdate, { args: [toekennen({ startdatum: '2027-08-23' })] });
      expect(v.tlv!.einddatum).toBe('2028-07-31');
      expect(v.runs).toBe(2);
    });
  });

  it('the bezwaar route: advice of the LBT before the decision, one verdaging with a letter, gegrond → the deskundigen decide again', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await start(taskQueue);
      await h.executeUpdate(beoordelenUpdate, {
        args: [{ advies: 'afwijzen', onderbouwing: 'Een arrangement volstaat', door: deskundigeA }],
      });
      await h.executeUpdate(besluitenUpdate, {
        args: [{ uitkomst: 'afgewezen', reden: 'Eerst een arrangement', door: deskundigeB }],
      });
      // Sent Monday 14 December 2026: the window ends Monday 25 January 2027; 12 weeks on: 19 April 2027.
      await skipTo(env, amsterdam('2027-01-12', '10:00'));
      let v = await h.executeUpdate(bezwaarUpdate, {
        args: [{ ontvangen: '2027-01-12', indiener: 'ouders', reden: 'Het arrangement werkt niet', door: coordinator }],
      });
      expect(v.deadlines.find((d) => d.soort === 'beslistermijn-bezwaar-1')!.datum).toBe('2027-04-19');
      const beslissen = {
        bezwaar: 1,
        uitkomst: 'gegrond' as const,
        reden: 'De grenzen zijn bereikt',
        door: coordinator,
      };
      expect(await weigering(h.executeUpdate(bezwaarBeslissenUpdate, { args: [beslissen] }))).toMatch(
        /^Eerst het advies van de Landelijke Bezwaaradviescommissie/,
      );
      expect(await weigering(h.executeUpdate(bezwaarBeslissenUpdate, { args: [{ ...beslissen, bezwaar: 2 }] }))).toBe(
        'Er is geen bezwaar 2; deze zaak heeft 1 bezwaar/bezwaren.',
      );
      // Put off once by 6 weeks (Awb 7:10 lid 3): 31 May 2027, and the parents are told.
      v = await h.executeUpdate(bezwaarVerdagenUpdate, {
        args: [{ bezwaar: 1, weken: 6, reden: 'Het advies van de LBT is er nog niet', door: coordinator }],
      });
      expect(v.deadlines.find((d) => d.soort === 'beslistermijn-bezwaar-1')!.datum).toBe('2027-05-31');
      expect(
        await weigering(
          h.executeUpdate(bezwaarVerdagenUpdate, { args: [{ weken: 2, reden: 'nog eens', door: coordinator }] }),
        ),
      ).toMatch(/^De beslissing op dit bezwaar is al eenmaal verdaagd/);
      await h.executeUpdate(bezwaarAdviesUpdate, {
        args: [{ datum: '2027-01-12', advies: 'gegrond', toelichting: 'HIA toont de grenzen', door: coordinator }],
      });
      v = await h.executeUpdate(bezwaarBeslissenUpdate, { args: [beslissen] });
      // Reconsidered: the refusal is revoked, two deskundigen decide again within 6 weeks.
      expect(v).toMatchObject({
        status: 'in-beoordeling',
        ronde: 2,
        eerdere: [{ ronde: 1, besluit: { uitkomst: 'afgewezen' }, afloop: 'herroepen: bezwaar 1 gegrond' }],
        bezwaren: [
          { nr: 1, advies: { advies: 'gegrond' }, verdaagd: { weken: 6 }, beslissing: { uitkomst: 'gegrond' } },
        ],
      });
      expect(v.bezwaren[0].beslissing!.beroepstermijn!.datum).toBe('2027-02-23');
      expect(v.deadlines.map((d) => d.soort)).toEqual(['beoordelingstermijn']);
      await skipTo(env, amsterdam('2027-01-13', '10:00'));
      const brieven = verstuurd.filter((x) => x.n.sjabloon.startsWith('tlv-bezwaar-'));
      expect(brieven.map((b) => [b.n.sjabloon, b.n.aan.map((a) => a.rol)])).toEqual([
        ['tlv-bezwaar-verdaagd', ['ouders', 'coordinator']],
        ['tlv-bezwaar-beslissing', ['ouders', 'coordinator']],
      ]);
      expect(brieven[1].n.gegevens).toMatchObject({ beroepstermijn: 'dinsdag 23 februari 2027', gegrond: 'ja' });
      // The deskundigen decide again: a grant now, with its own letter (round 2).
      expect(
        await weigering(
          h.executeUpdate(evaluatieUpdate, {
            args: [
              {
                datum: '2027-01-13',
                deelnemers: ['ouders', 'IB'],
                conclusie: 'herbeoordeling',
                verslag: 'blijven',
                door: coordinator,
              },
            ],
          }),
        ),
      ).toBe('Er is geen toegekende TLV in werking: een herbeoordeling hoort bij een lopende TLV.');
      await h.executeUpdate(beoordelenUpdate, {
        args: [{ advies: 'toekennen', onderbouwing: 'Na heroverweging', door: deskundigeA }],
      });
      v = await h.executeUpdate(besluitenUpdate, { args: [toekennen({ startdatum: '2027-02-01' })] });
      expect([v.status, v.ronde, v.open]).toEqual(['toegekend', 2, true]);
      await skipTo(env, amsterdam('2027-01-14', '10:00'));
      expect(
        verstuurd.filter((x) => x.n.sjabloon === 'tlv-besluit').map((x) => x.n.sleutel.split('/').slice(1).join('/')),
      ).toEqual(['besluit', 'besluit/ronde-2', 'besluit/ronde-2/sbo']);
      await recordHistory('tlv', h, 'v2', SUITE);
    });
  });

  it('a refused TLV closes a week after its bezwaar window (Awb 6:9); a late bezwaar before then is recorded, not refused', async () => {
    await metWorker(async (taskQueue) => {
      const afwijzen = async (h: Awaited<ReturnType<typeof start>>) => {
        await h.executeUpdate(beoordelenUpdate, {
          args: [
            { advies: 'afwijzen', onderbouwing: 'De basisschool kan met een arrangement verder', door: deskundigeA },
          ],
        });
        return h.executeUpdate(besluitenUpdate, {
          args: [{ uitkomst: 'afgewezen', reden: 'Eerst een arrangement op de eigen school', door: deskundigeB }],
        });
      };
      await skipTo(env, amsterdam('2026-12-21', '10:00'));
      const h = await start(taskQueue);
      const v = await afwijzen(h);
      // Sent Monday 21 December 2026: the window ends Monday 1 February 2027.
      expect(v.deadlines).toEqual([expect.objectContaining({ soort: 'bezwaartermijn', datum: '2027-02-01' })]);
      await skipTo(env, amsterdam('2027-02-08', '23:00'));
      expect((await h.query(tlvStatusQuery)).status).toBe('afgewezen');
      await skipTo(env, amsterdam('2027-02-09', '09:00'));
      const dicht = await h.query(tlvStatusQuery);
      expect([dicht.status, dicht.open]).toEqual(['afgerond', false]);
      expect(dicht.tijdlijn.at(-1)!.soort).toBe('afgerond');

      // Refused on 9 February: the window ends 23 March; a bezwaar arrives on 25 March, posted on the 24th.
      const laat = await start(taskQueue, tlvInput({ aanvraag: { ...tlvInput().aanvraag!, ontvangen: '2027-02-09' } }));
      await afwijzen(laat);
      await skipTo(env, amsterdam('2027-03-25', '10:00'));
      const b = await laat.executeUpdate(bezwaarUpdate, {
        args: [
          {
            ontvangen: '2027-03-25',
            indiener: 'ouders',
            terPostBezorgd: '2027-03-24',
            reden: 'De ouders zien geen mogelijkheden op de eigen school',
            door: coordinator,
          },
        ],
      });
      expect(b.bezwaren).toEqual([expect.objectContaining({ ontvangen: '2027-03-25', oordeel: 'te-laat' })]);
      expect(b.tijdlijn.at(-1)!.soort).toBe('bezwaar:te-laat');
      expect(b.deadlines.map((d) => d.soort)).toEqual(['bezwaartermijn', 'beslistermijn-bezwaar-1']);
      // With a bezwaar the case stays open past the week.
      await skipTo(env, amsterdam('2027-04-05', '09:00'));
      expect((await laat.query(tlvStatusQuery)).open).toBe(true);
    });
  });
});
