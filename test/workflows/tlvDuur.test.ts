/**
 * P3 TLV end dates by the SPOW duration rule on the time-skipping server, on real dates (issue 12):
 * groep 1–2 until at most the end of the school year of groep 3, groep 3 as the deskundige chooses,
 * from groep 4 until the end of groep 8, a reasoned deviation (addendum, seed 001 L1996–2002); EMB
 * for the whole SO stay, until the end of the school year in which the pupil turns 14 (§1.7.5, seed
 * 001 L1166–1171). The groep is the one on the day the aanvraag came in (Monday 11 January 2027,
 * school year 2026-2027); a school year ends on 31 July. Each end date is a deadline that passes at
 * the end of that day in Amsterdam, when the TLV lapses.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { schooljaarWaarin } from '../../src/domain';
import type { TlvBesluiten, TlvInput, TlvView } from '../../src/shared/tlv';
import { beoordelenUpdate, besluitenUpdate, tlv, tlvStatusQuery } from '../../src/workflows/tlv';
import { amsterdam, skipTo, timeSkippingEnv, weigering } from '../helpers/temporal';
import { withRecordingWorker, type Scenario } from '../helpers/worker';
import { deskundigeA, toekennen, tlvInput } from '../helpers/tlv';

/** Monday 11 January 2027: the aanvraag is complete that day (school year 2026-2027). */
const ONTVANGEN = '2027-01-11';

function inGroepMet(leerling: TlvInput['leerling'], aanvraag: Partial<NonNullable<TlvInput['aanvraag']>> = {}) {
  return tlvInput({ leerling, aanvraag: { ...tlvInput().aanvraag!, ontvangen: ONTVANGEN, ...aanvraag } });
}
const inGroep = (groep: number) => inGroepMet({ naam: 'Sanne Testleerling', groep });

/** The end date as a deadline: it passes at the next midnight in Amsterdam (CEST on 31 July: 22:00 UTC). */
const eindDeadline = (datum: string, tijdstip: string, regel: string) => ({
  soort: 'einddatum',
  datum,
  regel,
  tijdstip,
});

describe('tlv end dates by the duration rule (time-skipping, real dates)', () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: '2027-01-11T08:30:00Z' });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  const metWorker = (fn: Scenario) => withRecordingWorker(env, 'tlvduur', fn);
  /** Started and assessed by the 1st deskundige: the 2nd decides next. */
  async function beoordeeld(taskQueue: string, input: TlvInput) {
    const h = await env.client.workflow.start(tlv, {
      taskQueue,
      workflowId: `tlvduur-${Math.random().toString(16).slice(2)}`,
      args: [input],
    });
    await h.executeUpdate(beoordelenUpdate, {
      args: [
        { advies: 'toekennen', onderbouwing: 'HIA en OPP tonen de grenzen van de basisschool', door: deskundigeA },
      ],
    });
    return h;
  }
  type Handle = Awaited<ReturnType<typeof beoordeeld>>;
  const besluiten = (h: Handle, b: TlvBesluiten) => h.executeUpdate(besluitenUpdate, { args: [b] });
  /** A refused decision changes nothing: still in assessment, no TLV, only the 1st deskundige. */
  async function ongewijzigd(h: Handle) {
    const v = await h.query(tlvStatusQuery);
    expect(v.status).toBe('in-beoordeling');
    expect(v.tlv).toBeUndefined();
    expect(v.besluit).toBeUndefined();
    expect(v.deskundigen.map((d) => d.rol)).toEqual(['eerste']);
    expect(v.deadlines.map((d) => d.soort)).toEqual(['beoordelingstermijn']);
  }
  function verwacht(v: TlvView, datum: string, tijdstip: string, regel: RegExp[]) {
    expect(v.status).toBe('toegekend');
    expect(v.tlv!.einddatum).toBe(datum);
    for (const r of regel) expect(v.tlv!.einddatumRegel).toMatch(r);
    expect(v.deadlines.find((d) => d.soort === 'einddatum')).toEqual(
      eindDeadline(datum, tijdstip, v.tlv!.einddatumRegel),
    );
    // Other deadlines (bezwaar, herbeoordeling) are not this file's subject: one end date, and the assessment term is done.
    expect(v.deadlines.filter((d) => d.soort === 'einddatum')).toHaveLength(1);
    expect(v.deadlines.map((d) => d.soort)).not.toContain('beoordelingstermijn');
  }

  it('groep 2: at most the end of the school year of groep 3 (31 July 2028); a later end date is refused', async () => {
    await metWorker(async (taskQueue) => {
      const h = await beoordeeld(taskQueue, inGroep(2));
      expect(await weigering(besluiten(h, toekennen({ einddatum: '2029-07-31' })))).toMatch(
        /vóór groep 3 loopt tot maximaal einde schooljaar groep 3 \(2028-07-31\).*tijdelijk, tot uiterlijk het einde van het schooljaar van groep 3/,
      );
      await ongewijzigd(h);
      // Groep 2 in 2026-2027, groep 3 in 2027-2028: that school year ends on 31 July 2028.
      verwacht(await besluiten(h, toekennen()), '2028-07-31', '2028-07-31T22:00:00.000Z', [
        /SPOW/,
        /voor een kind tot groep 3 is tijdelijk/,
        /tot uiterlijk het einde van het schooljaar van groep 3/,
      ]);
      expect('2028-07-31T22:00:00.000Z').toBe(amsterdam('2028-08-01', '00:00'));
    });
  });

  it('groep 3: the deskundige chooses the end date, at most the end of groep 8; without one it is refused', async () => {
    await metWorker(async (taskQueue) => {
      const h = await beoordeeld(taskQueue, inGroep(3));
      expect(await weigering(besluiten(h, toekennen()))).toMatch(
        /in groep 3 is een expliciete einddatum verplicht.*tijdelijk of voor de gehele basisschoolperiode/,
      );
      await ongewijzigd(h);
      // Groep 3 in 2026-2027: groep 8 in 2031-2032.
      expect(await weigering(besluiten(h, toekennen({ einddatum: '2032-08-01' })))).toMatch(
        /Einddatum 2032-08-01 ligt na einde groep 8 \(2032-07-31\)/,
      );
      await ongewijzigd(h);
      // A temporary TLV, until the end of groep 4.
      verwacht(await besluiten(h, toekennen({ einddatum: '2028-07-31' })), '2028-07-31', '2028-07-31T22:00:00.000Z', [
        /TLV in groep 3/,
        /naar de situatie van het kind tijdelijk of voor de gehele basisschoolperiode/,
      ]);
    });
  });

  it('groep 4: the whole primary school period, until the end of groep 8 (31 July 2031)', async () => {
    await metWorker(async (taskQueue) => {
      const h = await beoordeeld(taskQueue, inGroep(4));
      // Groep 4 in 2026-2027, groep 8 in 2030-2031.
      verwacht(await besluiten(h, toekennen()), '2031-07-31', '2031-07-31T22:00:00.000Z', [
        /vanaf groep 4/,
        /gehele basisschoolperiode \(tot het einde van groep 8\)/,
      ]);
    });
  });

  it('groep 7: until the end of groep 8, the end of the next school year (31 July 2028)', async () => {
    await metWorker(async (taskQueue) => {
      const h = await beoordeeld(taskQueue, inGroep(7));
      verwacht(await besluiten(h, toekennen()), '2028-07-31', '2028-07-31T22:00:00.000Z', [
        /vanaf groep 4/,
        /tot het einde van groep 8/,
      ]);
    });
  });

  it('a reasoned deviation from the end of groep 8 is accepted and says so; a reason without an end date, or an end date without a reason, is refused', async () => {
    await metWorker(async (taskQueue) => {
      const h = await beoordeeld(taskQueue, inGroep(4));
      const reden = 'Na twee jaar SBO wordt terugplaatsing naar de basisschool beoogd';
      expect(await weigering(besluiten(h, toekennen({ afwijkingReden: reden })))).toMatch(
        /afwijkingReden hoort bij een afwijkende einddatum: geef ook de einddatum/,
      );
      await ongewijzigd(h);
      expect(await weigering(besluiten(h, toekennen({ einddatum: '2029-07-31' })))).toMatch(
        /Afwijken van einde groep 8 \(2031-07-31\) kan alleen beargumenteerd: geef een reden/,
      );
      await ongewijzigd(h);
      // Until the end of groep 6 instead of groep 8.
      const v = await besluiten(h, toekennen({ einddatum: '2029-07-31', afwijkingReden: reden }));
      verwacht(v, '2029-07-31', '2029-07-31T22:00:00.000Z', [/beargumenteerde afwijking van de vastgestelde duur/]);
      expect(v.tlv!.einddatumRegel).toContain(`: ${reden}`);
    });
  });

  it('EMB: until the end of the school year in which the pupil turns 14; born 31 July or 1 August 2016 is a school year apart', async () => {
    await metWorker(async (taskQueue) => {
      // The API's input from the birth date (src/processen/tlv.ts); the groep plays no part for EMB
      // (groep 6 would end on 31 July 2029 by the regular rule).
      const emb = (naam: string, geboortedatum: string) =>
        inGroepMet(
          { naam, groep: 6, schooljaarWaarin14: schooljaarWaarin(geboortedatum, 14).label },
          { soort: 'so', emb: true },
        );
      // Born 31 July 2016: 14 on 31 July 2030, the last day of school year 2029-2030.
      const juli = await beoordeeld(taskQueue, emb('Sam Juli', '2016-07-31'));
      expect(await weigering(besluiten(juli, toekennen({ einddatum: '2029-07-31' })))).toMatch(
        /Een EMB-TLV loopt tot einde schooljaar 2029-2030 \(2030-07-31\)/,
      );
      await ongewijzigd(juli);
      verwacht(await besluiten(juli, toekennen()), '2030-07-31', '2030-07-31T22:00:00.000Z', [
        /EMB/,
        /het hele verblijf op het SO/,
        /tot het einde van het schooljaar waarin de leerling 14 wordt \(schooljaar 2029-2030\)/,
      ]);
      // Born 1 August 2016: 14 on 1 August 2030, the first day of school year 2030-2031.
      const augustus = await beoordeeld(taskQueue, emb('Sam Augustus', '2016-08-01'));
      const v = await besluiten(augustus, toekennen());
      verwacht(v, '2031-07-31', '2031-07-31T22:00:00.000Z', [
        /EMB/,
        /waarin de leerling 14 wordt \(schooljaar 2030-2031\)/,
      ]);
      expect(v.tlv).toEqual(expect.objectContaining({ soort: 'so', emb: true }));
    });
  });

  it('a short TLV lapses exactly once, when its end date is over, with a mail to the coordinator; nothing is sent after', async () => {
    await metWorker(async (taskQueue, verstuurd) => {
      const h = await beoordeeld(taskQueue, inGroep(5));
      const v = await besluiten(
        h,
        toekennen({ einddatum: '2027-03-05', afwijkingReden: 'Een korte plaatsing ter observatie' }),
      );
      // Friday 5 March 2027 (CET): the TLV is over at midnight, 23:00 UTC.
      verwacht(v, '2027-03-05', '2027-03-05T23:00:00.000Z', [/beargumenteerde afwijking/]);
      const verlopen = () => verstuurd.filter((x) => x.n.sjabloon === 'tlv-verlopen');

      await skipTo(env, amsterdam('2027-03-05', '23:50'));
      const nog = await h.query(tlvStatusQuery);
      expect([nog.status, nog.open]).toEqual(['toegekend', true]);
      expect(verlopen()).toEqual([]);

      await skipTo(env, amsterdam('2027-03-06', '09:00'));
      const eind = await h.query(tlvStatusQuery);
      expect([eind.status, eind.open]).toEqual(['verlopen', false]);
      expect(eind.deadlines).toEqual([]);
      expect(eind.tijdlijn.filter((i) => i.soort === 'verlopen')).toHaveLength(1);
      expect(verlopen().map((x) => `${x.datum} ${x.tijd}`)).toEqual(['2027-03-06 00:00']);
      expect(verlopen()[0].n.aan).toEqual([
        { rol: 'coordinator', email: 'coordinator@swv.example' },
        { rol: 'school', email: 'directie@devaart.example' },
      ]);
      expect((await h.result()).status).toBe('verlopen');
      const gestuurd = verstuurd.length;

      // Past the next school year's start: the closed case sends nothing more.
      await skipTo(env, amsterdam('2027-09-01', '09:00'));
      expect(verstuurd).toHaveLength(gestuurd);
      expect(verlopen()).toHaveLength(1);
      expect((await h.query(tlvStatusQuery)).status).toBe('verlopen');
    });
  });
});
