/**
 * Versioned policies (issue 15): a case keeps the version it started with; a coordinator may move it
 * to another version, after a preview that changes nothing, and the timeline records the move.
 * SPOW's addendum replaced the TLV durations of its plan (seed 001 L1972–2002): under the plan an
 * SBO TLV in groep 5 runs to the fixed moment at the end of groep 5 (L1137–1138), under the addendum
 * to the end of groep 8. Real dates: the aanvraag of Monday 14 December 2026, groep 5 (school year
 * 2026-2027): end of groep 5 is 31 July 2027, end of groep 8 is 31 July 2030.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beleidsversie, getPolicy, type Policy } from '../../src/domain';
import { render } from '../../src/mail/templates';
import type { TlvView } from '../../src/shared/tlv';
import { beleidVoorbeeldQuery, beleidWijzigenUpdate } from '../../src/workflows/beleidsversie';
import { beoordelenUpdate, besluitenUpdate, tlv, tlvStatusQuery } from '../../src/workflows/tlv';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import { recordingWorker } from '../helpers/worker';
import { deskundigeA, toekennen, tlvInput } from '../helpers/tlv';
import { coordinator } from '../helpers/zorgplicht';

const plan2020 = beleidsversie('spow', '2020-2024')!;
const addendum = beleidsversie('spow', '2020-2024-addendum')!;

const SUITE = 'a case and the versions of its policy (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2026-12-14T08:30:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  async function toegekend(taskQueue: string, beleid: Policy) {
    const h = await env.client.workflow.start(tlv, {
      taskQueue,
      workflowId: `tlv-versie-${Math.random().toString(16).slice(2)}`,
      args: [tlvInput({ beleid })],
    });
    await h.executeUpdate(beoordelenUpdate, {
      args: [
        { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
      ],
    });
    await h.executeUpdate(besluitenUpdate, { args: [toekennen()] });
    return h;
  }

  it('the version a case started with stays, though a newer one is in force: an SBO TLV in groep 5 ends with groep 5 (31 July 2027)', async () => {
    expect(getPolicy('spow').versie).toBe('2020-2024-addendum');
    const taskQueue = `versie-${Math.random().toString(16).slice(2)}`;
    const { worker } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const h = await toegekend(taskQueue, plan2020);
      const v = await h.query(tlvStatusQuery);
      expect(v.beleidsversie).toBe('2020-2024');
      expect(v.tlv!.einddatum).toBe('2027-07-31');
      expect(v.tlv!.einddatumRegel).toMatch(/vaste momenten aan het eind van de groepen 2, 5 en 8 \(einde groep 5\)/);
      // The same aanvraag under the addendum: to the end of groep 8.
      const n = await (await toegekend(taskQueue, addendum)).query(tlvStatusQuery);
      expect(n.beleidsversie).toBe('2020-2024-addendum');
      expect(n.tlv!.einddatum).toBe('2030-07-31');
    });
  });

  it('moving it: the preview shows the end date 31 July 2027 → 31 July 2030 and changes nothing; the move does, once, and the timeline says so', async () => {
    const taskQueue = `versie-${Math.random().toString(16).slice(2)}`;
    const { worker, verstuurd } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const h = await toegekend(taskQueue, plan2020);
      const voor = await h.query(tlvStatusQuery);
      // Under the plan the TLV ends with groep 5: the herbeoordeling is planned before it.
      expect(voor.deadlines.map((d) => d.soort)).toEqual(
        expect.arrayContaining(['einddatum', 'herbeoordeling-aanvraag', 'bezwaartermijn']),
      );

      const p = await h.query(beleidVoorbeeldQuery, { spow: addendum });
      expect(p).toMatchObject({ beleid: 'spow', van: '2020-2024', naar: '2020-2024-addendum' });
      expect(p.wijzigingen).toEqual(
        expect.arrayContaining([
          { soort: 'einddatum', van: '2027-07-31', naar: '2030-07-31', regel: expect.stringContaining('addendum') },
          // An SBO TLV to the end of primary school has no herbeoordeling (the pupil goes on to VO).
          { soort: 'herbeoordeling-aanvraag', van: expect.any(String) },
        ]),
      );
      expect(p.wijzigingen.map((w) => w.soort)).not.toContain('bezwaartermijn');
      expect(await h.query(tlvStatusQuery)).toEqual(voor);

      const stap = {
        versie: '2020-2024-addendum',
        reden: 'Het addendum verlengt de TLV tot einde groep 8',
        door: coordinator,
      };
      // Refused, and nothing changes: another role, a version the policy lacks, the same version.
      const school = { id: 'school-12AB', naam: 'IB De Regenboog', rol: 'school' as const };
      expect(
        await weigering(
          h.executeUpdate(beleidWijzigenUpdate, {
            args: [{ ...stap, door: school, scope: ['12AB'], kandidaten: { spow: addendum } }],
          }),
        ),
      ).toMatch(/De rol school zet deze stap niet/);
      expect(
        await weigering(h.executeUpdate(beleidWijzigenUpdate, { args: [{ ...stap, versie: '2030', kandidaten: {} }] })),
      ).toMatch(/Beleid spow heeft geen versie '2030'/);
      expect(
        await weigering(
          h.executeUpdate(beleidWijzigenUpdate, {
            args: [{ ...stap, versie: '2020-2024', kandidaten: { spow: plan2020 } }],
          }),
        ),
      ).toMatch(/volgt al versie '2020-2024'/);
      expect(await h.query(tlvStatusQuery)).toEqual(voor);

      const na: TlvView = await h.executeUpdate(beleidWijzigenUpdate, {
        args: [{ ...stap, kandidaten: { spow: addendum } }],
      });
      expect(na.beleidsversie).toBe('2020-2024-addendum');
      expect(na.tlv!.einddatum).toBe('2030-07-31');
      expect(na.deadlines.map((d) => d.soort)).not.toContain('herbeoordeling-aanvraag');
      const regel = na.tijdlijn.find((x) => x.soort === 'beleid-gewijzigd')!;
      expect(regel).toMatchObject({
        door: coordinator,
        reden: 'Het addendum verlengt de TLV tot einde groep 8',
        gegevens: { van: '2020-2024', naar: '2020-2024-addendum' },
      });
      expect(regel.omschrijving).toMatch(/versie 2020-2024 → 2020-2024-addendum/);
      expect(regel.omschrijving).toMatch(
        /einddatum: zaterdag 31 juli 2027 → woensdag 31 juli 2030; herbeoordeling-aanvraag: vrijdag 4 juni 2027 → geen/,
      );

      // The parents, the school and the S(B)O school hear of the new end date, once.
      await new Promise((r) => setTimeout(r, 500));
      const brieven = verstuurd.filter((x) => x.n.sjabloon === 'tlv-einddatum-gewijzigd');
      expect(brieven).toHaveLength(1);
      expect(brieven[0].n.aan.map((a) => a.rol)).toEqual(['school', 'ouders', 'coordinator']);
      expect(render('tlv-einddatum-gewijzigd', 'ouders', brieven[0].n.gegevens).tekst).toMatch(
        /liep tot en met zaterdag 31 juli 2027\. .* versie 2020-2024-addendum .*: zij loopt tot en met woensdag 31 juli 2030\./s,
      );
      // The herbeoordeling reminders of the plan's end date are not sent any more: the first would
      // have gone in the spring of 2027; nothing goes to the school through the summer.
      await skipTo(env, amsterdam('2027-08-02', '09:00'));
      expect(verstuurd.filter((x) => x.n.sjabloon.startsWith('tlv-herbeoordeling'))).toEqual([]);
      const later = await h.query(tlvStatusQuery);
      expect(later.status).toBe('toegekend');
      expect(later.tlv!.einddatum).toBe('2030-07-31');
      await recordHistory('tlv', h, 'v4', SUITE);
    });
  });

  it('a move that would end the TLV in the past is refused, and so is a version not yet in force', async () => {
    const taskQueue = `versie-${Math.random().toString(16).slice(2)}`;
    const { worker } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const h = await toegekend(taskQueue, addendum);
      // September 2027: under the plan of 2020 this TLV (groep 5 in 2026-2027) would have ended on 31 July.
      await skipTo(env, amsterdam('2027-09-06', '09:00'));
      const p = await h.query(beleidVoorbeeldQuery, { spow: plan2020 });
      expect(p.fout).toMatch(/zou de TLV al op zaterdag 31 juli 2027 zijn geëindigd/);
      const stap = { versie: '2020-2024', reden: 'Terug naar de duur van het plan', door: coordinator };
      expect(
        await weigering(h.executeUpdate(beleidWijzigenUpdate, { args: [{ ...stap, kandidaten: { spow: plan2020 } }] })),
      ).toMatch(/zou de TLV al op zaterdag 31 juli 2027 zijn geëindigd/);
      const toekomst = { ...addendum, versie: '2028', geldigVanaf: '2028-08-01' };
      expect(
        await weigering(
          h.executeUpdate(beleidWijzigenUpdate, {
            args: [{ ...stap, versie: '2028', kandidaten: { spow: toekomst } }],
          }),
        ),
      ).toMatch(/geldt pas vanaf dinsdag 1 augustus 2028/);
      const v = await h.query(tlvStatusQuery);
      expect(v).toMatchObject({ beleidsversie: '2020-2024-addendum', tlv: { einddatum: '2030-07-31' } });
    });
  });
});
