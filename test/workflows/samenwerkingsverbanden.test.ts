/**
 * The five samenwerkingsverbanden of the seeds (issue 15), each on its own policy, on real dates:
 * a written aanmelding on Monday 11 January 2027, the school asks a TLV with the aanvraag ready, and
 * the TLV follows the SWV's own route: who prepares, who advises, who decides, with which categories
 * and end date, and what the decision letter says about bezwaar.
 * - SPOW (seed 001): the 1st deskundige assesses, the 2nd decides; end of groep 8 (addendum L1996).
 * - SPPOH (seed 000): MDO consensus with an S(B)O school and the parents, two deskundigen advise, the
 *   directeur decides (L469–473); bezwaar: LBT, the directeur, rechtbank Den Haag (L298).
 * - Almere (seed 002): the TLO, two deskundigen, the SWV decides; SBO / SO I–III; at least one full
 *   school year (L612–637); ouders and schoolbestuur object within six weeks (L641); the S(B)O board
 *   is reminded in the TLV's last school year (L649).
 * - PPO-NK (seed 003): four parties, the behandelaar without consensus, the commission decides;
 *   categories 1–3; at least a year (L350–360).
 * - VO Groningen Stad (seed 004): WVO zorgplicht; consensus → no CvA, a higher category always via the
 *   CvA (L189–195); the whole school career to the end of the school year the pupil turns 20 (L221).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beleidOp, regionaalRooster, type Policy } from '../../src/domain';
import { render } from '../../src/mail/templates';
import type { Aanvraag, TlvView } from '../../src/shared/tlv';
import type { ActorRef } from '../../src/shared/zaak';
import {
  beoordelenUpdate,
  besluitenUpdate as tlvBesluitenUpdate,
  tlvStatusQuery,
  voorbereidenUpdate,
} from '../../src/workflows/tlv';
import { besluitenUpdate, statusQuery, zorgplicht } from '../../src/workflows/zorgplicht';
import { recordHistory } from '../helpers/histories';
import { amsterdam, skipTo, timeSkippingEnv, weigering, zodraGestart } from '../helpers/temporal';
import { deskundigeA, deskundigeB } from '../helpers/tlv';
import { recordingWorker, type Verstuurd } from '../helpers/worker';
import { coordinator, school, zorgplichtInput } from '../helpers/zorgplicht';

const AANMELDING = '2027-01-11';
const directeur: ActorRef = { id: 'directeur-swv', naam: 'Directeur SWV', rol: 'directeur' };
const deskundigeC: ActorRef = { id: 'jeugdarts-3', naam: 'Jeugdarts', rol: 'deskundige' };
const sbo = { brin: '99ZZ', naam: 'SBO De Vaart', email: 'directie@devaart.example' };

const aanvraag = (soort: 'sbo' | 'so'): Aanvraag & { ontvangen: string } => ({
  ontvangen: AANMELDING,
  soort,
  emb: false,
  hia: { datum: '2027-01-06', deelnemers: ['ouders', 'IB De Regenboog', 'OA'] },
  interventietraject: 'Een jaar arrangement met ambulante begeleiding, geëvalueerd in het OPP',
  toestemmingOuders: { datum: '2027-01-07', schriftelijk: true },
  documenten: [{ soort: 'OPP', kenmerk: 'OPP-2027-001' }],
});

const SUITE = 'the five samenwerkingsverbanden: zorgplicht → TLV on their own routes (time-skipping, real dates)';
describe(SUITE, () => {
  let env: TestWorkflowEnvironment;
  beforeEach(async () => {
    env = await timeSkippingEnv({ start: `${AANMELDING}T08:30:00Z` });
  });
  afterEach(async () => {
    await env?.teardown();
  });

  /**
   * A zorgplicht case under `code`'s policy in force on the day of the aanmelding, and the TLV the
   * school asks from it with the aanvraag ready: `scenario` gets the TLV, the policy and the mail.
   */
  async function vanZorgplichtNaarTlv(
    code: string,
    leerling: { groep?: number; schooljaarWaarin14?: string },
    soort: 'sbo' | 'so',
    scenario: (t: TlvHandle, beleid: Policy, verstuurd: Verstuurd[]) => Promise<void>,
  ) {
    const beleid = beleidOp(code, AANMELDING);
    const taskQueue = `swv-${code}-${Math.random().toString(16).slice(2)}`;
    const { worker, verstuurd } = await recordingWorker(env, taskQueue);
    await worker.runUntil(async () => {
      const input = zorgplichtInput({
        beleid,
        aanmelddatum: AANMELDING,
        school: { brin: '12AB', naam: 'De Regenboog', email: 'directie@regenboog.example', regio: beleid.regio },
        kalender: regionaalRooster(beleid.regio, '2027-01-01', '2029-12-31'),
      });
      const h = await env.client.workflow.start(zorgplicht, { taskQueue, workflowId: input.zaakId, args: [input] });
      const zp = await h.query(statusQuery);
      // Zorgplicht: six weeks after the written aanmelding, under the PO or the VO law.
      expect(zp.beleid).toBe(code);
      expect(zp.deadlines.find((d) => d.soort === 'beslistermijn')).toMatchObject({
        datum: '2027-02-22',
        regel:
          beleid.sector === 'vo'
            ? 'Wet op het voortgezet onderwijs, artikel 27 lid 2c (nu Wet voortgezet onderwijs 2020): 6 weken na aanmelding'
            : 'Wet op het primair onderwijs, artikel 40 lid 4: 6 weken na aanmelding',
      });
      const gevraagd = await h.executeUpdate(besluitenUpdate, {
        args: [
          {
            uitkomst: 'tlv-aangevraagd',
            reden: 'HIA: het speciaal (basis)onderwijs past het best',
            tlv: { leerling, aanvraag: aanvraag(soort) },
            door: school,
          },
        ],
      });
      const t = await tlvZaak(gevraagd.tlv!.zaakId);
      const v = await t.query(tlvStatusQuery);
      expect(v).toMatchObject({ status: 'in-beoordeling', beleid: code, beleidsversie: beleid.versie });
      await scenario(t, beleid, verstuurd);
      await recordHistory('tlv', t, 'v4', SUITE);
      // The TLV started as a case of its own that outlives this one (the kernel's 'los-kind-blijft').
      if (code === 'almere') await recordHistory('zorgplicht', h, 'v6', SUITE);
    });
  }
  type TlvHandle = ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>;
  const tlvZaak = (id: string): Promise<TlvHandle> => zodraGestart(env, id);
  const advies = (t: TlvHandle, door: ActorRef) =>
    t.executeUpdate(beoordelenUpdate, {
      args: [{ advies: 'toekennen', onderbouwing: 'De ondersteuningsbehoefte overstijgt de basisschool', door }],
    });
  const voorbereiden = (t: TlvHandle, v: Record<string, unknown>, door: ActorRef = school) =>
    t.executeUpdate(voorbereidenUpdate, {
      args: [
        {
          datum: '2027-01-11',
          deelnemers: ['ouders', 'IB De Regenboog', 'SBO De Vaart'],
          verslag: 'Overleg over de aanvraag',
          door,
          ...v,
        } as never,
      ],
    });
  const besluit = (t: TlvHandle, door: ActorRef, extra: Record<string, unknown> = {}) =>
    t.executeUpdate(tlvBesluitenUpdate, {
      args: [
        {
          uitkomst: 'toegekend',
          reden: 'Het speciaal (basis)onderwijs biedt de ondersteuning die nodig is',
          startdatum: '2027-03-01',
          school: sbo,
          door,
          ...extra,
        } as never,
      ],
    });
  /** The decision letter to the parents, as they read it. */
  const brief = (verstuurd: Verstuurd[]) => {
    const b = verstuurd.find((x) => x.n.sjabloon === 'tlv-besluit' && x.n.aan.some((a) => a.rol === 'ouders'))!;
    return render('tlv-besluit', 'ouders', b.n.gegevens).tekst;
  };
  const wacht = async (verstuurd: Verstuurd[], sjabloon: string) => {
    for (let i = 0; i < 50 && !verstuurd.some((x) => x.n.sjabloon === sjabloon); i++)
      await new Promise((r) => setTimeout(r, 100));
  };

  it('SPOW: the 1st deskundige assesses, the 2nd decides; an SBO TLV from groep 5 runs to the end of groep 8 (31 July 2030); the letter names the second opinion and the GPO', async () => {
    await vanZorgplichtNaarTlv('spow', { groep: 5 }, 'sbo', async (t, beleid, verstuurd) => {
      expect((await t.query(tlvStatusQuery)).route).toEqual({ soort: 'twee-deskundigen', beslisser: 'deskundige' });
      expect(await weigering(voorbereiden(t, { consensus: true }))).toMatch(/kent geen voorbereiding/);
      await advies(t, deskundigeA);
      const v: TlvView = await besluit(t, deskundigeB);
      expect(v.tlv).toMatchObject({ einddatum: '2030-07-31' });
      expect(v.tlv!.einddatumRegel).toMatch(
        /^Ondersteuningsplan SPOW 2020-2024, addendum: een TLV S\(B\)O vanaf groep 4/,
      );
      expect(beleid.versie).toBe('2020-2024-addendum');
      await wacht(verstuurd, 'tlv-besluit');
      const tekst = brief(verstuurd);
      expect(tekst).toMatch(/second opinion bij de toelaatbaarheidscommissie van "SWV Onderwijs dat past"/);
      expect(tekst).toMatch(/De bezwaartermijn loopt intussen door/);
      expect(tekst).toMatch(/Geschillencommissie passend onderwijs/);
      expect(tekst).not.toMatch(/Besloten door/);
    });
  });

  it('SPPOH: MDO consensus with an S(B)O school and the parents, two independent deskundigen advise, the directeur decides; bezwaar: LBT, directeur, rechtbank Den Haag', async () => {
    await vanZorgplichtNaarTlv('sppoh', { groep: 5 }, 'sbo', async (t, _beleid, verstuurd) => {
      expect((await t.query(tlvStatusQuery)).route).toEqual({ soort: 'mdo-directeur', beslisser: 'directeur' });
      expect(await weigering(advies(t, deskundigeA))).toMatch(
        /^Eerst de voorbereiding \(voorbereiden\): consensus in het MDO/,
      );
      expect(await weigering(voorbereiden(t, { consensus: false }))).toMatch(/Zonder consensus in het MDO/);
      expect(await weigering(voorbereiden(t, { consensus: true, instemmingOuders: { gegeven: true } }))).toMatch(
        /Noem de S\(B\)O-school die aan het MDO deelnam: haar betrokkenheid is verplicht/,
      );
      expect(
        await weigering(
          voorbereiden(t, {
            consensus: true,
            sboSchool: { naam: 'SBO De Vaart' },
            instemmingOuders: { gegeven: false },
          }),
        ),
      ).toMatch(/alleen in uitzonderlijke gevallen: geef de reden/);
      const mdo = await voorbereiden(t, {
        consensus: true,
        sboSchool: { brin: '99ZZ', naam: 'SBO De Vaart' },
        instemmingOuders: { gegeven: true },
        zienswijze: 'De ouders zien de overstap als een kans voor hun kind.',
      });
      expect(mdo.voorbereiding).toMatchObject({ consensus: true, zienswijze: expect.stringContaining('kans') });
      await advies(t, deskundigeA);
      expect(await weigering(advies(t, deskundigeA))).toMatch(/al geadviseerd: een tweede, andere deskundige/);
      expect(await weigering(besluit(t, directeur, { einddatum: '2029-07-31' }))).toMatch(
        /^Eerst adviseren twee deskundigen/,
      );
      await advies(t, deskundigeB);
      expect(await weigering(besluit(t, deskundigeC, { einddatum: '2029-07-31' }))).toMatch(
        /De rol deskundige zet deze stap niet in een TLV-zaak; wel: directeur/,
      );
      // No duration rule of its own: the TLV states its end date.
      expect(await weigering(besluit(t, directeur))).toMatch(/Einddatum van de TLV is verplicht/);
      const v: TlvView = await besluit(t, directeur, { einddatum: '2029-07-31' });
      expect(v.status).toBe('toegekend');
      expect(v.besluit!.door).toEqual(directeur);
      expect(v.adviezen!.map((a) => a.door.id)).toEqual([deskundigeA.id, deskundigeB.id]);
      await wacht(verstuurd, 'tlv-besluit');
      const tekst = brief(verstuurd);
      expect(tekst).toMatch(/Besloten door de directeur van het samenwerkingsverband, namens het bestuur\./);
      expect(tekst).toMatch(/advies aan de landelijke adviescommissie bezwaar TLV \(LBT\)/);
      expect(tekst).toMatch(/beroep open bij de rechtbank Den Haag/);
    });
  });

  it('Almere: the TLO, two deskundigen, the SWV decides; an SO TLV names its category and runs at least one full school year (to 31 July 2028 from a start on 1 March 2027); the S(B)O board is reminded on 1 September 2027', async () => {
    await vanZorgplichtNaarTlv('almere', { groep: 5 }, 'so', async (t, beleid, verstuurd) => {
      expect(beleid.regio).toBe('noord');
      expect(await weigering(voorbereiden(t, { consensus: false }))).toMatch(
        /toelaatbaarheidsoverleg komt tot een gezamenlijk advies/,
      );
      await voorbereiden(t, {
        consensus: true,
        deelnemers: ['ouders', 'huidige school', 'SO De Boog', 'tweede deskundige Toeleiding'],
      });
      await advies(t, deskundigeA);
      await advies(t, deskundigeB);
      expect((await t.query(tlvStatusQuery)).route).toEqual({
        soort: 'toelaatbaarheidsoverleg',
        beslisser: 'coordinator',
      });
      expect(await weigering(besluit(t, deskundigeC, { categorie: 'so-ii', einddatum: '2028-07-31' }))).toMatch(
        /wel: coordinator/,
      );
      expect(await weigering(besluit(t, coordinator, { einddatum: '2028-07-31' }))).toMatch(
        /Noem de categorie van de TLV: 'so-i' .*'so-ii' .*'so-iii'/,
      );
      expect(await weigering(besluit(t, coordinator, { categorie: 'sbo', einddatum: '2028-07-31' }))).toMatch(
        /Onbekende categorie 'sbo' voor een TLV SO/,
      );
      expect(await weigering(besluit(t, coordinator, { categorie: 'so-ii', einddatum: '2028-02-29' }))).toMatch(
        /minimaal 1 volledig schooljaar: bij een start op maandag 1 maart 2027 tot ten minste maandag 31 juli 2028/,
      );
      const v: TlvView = await besluit(t, coordinator, { categorie: 'so-ii', einddatum: '2028-07-31' });
      expect(v.tlv).toMatchObject({ categorie: 'so-ii', einddatum: '2028-07-31' });
      await wacht(verstuurd, 'tlv-besluit');
      const tekst = brief(verstuurd);
      expect(tekst).toMatch(/Besloten door het samenwerkingsverband \(verwerkt door het steunpunt Toeleiding\)/);
      expect(tekst).toMatch(/belanghebbenden \(ouders, schoolbestuur\) bezwaar maken/);
      // The last school year of the TLV (2027-2028): the S(B)O board is reminded on 1 September 2027.
      await skipTo(env, amsterdam('2027-09-02', '09:00'));
      const laatste = verstuurd.filter((x) => x.n.sjabloon === 'tlv-laatste-schooljaar');
      expect(laatste.map((x) => `${x.datum} ${x.tijd}`)).toEqual(['2027-09-01 08:00']);
      expect(laatste[0].n.aan).toEqual([
        { rol: 'school', email: sbo.email },
        { rol: 'coordinator', email: 'coordinator@swv.example' },
      ]);
      expect(render('tlv-laatste-schooljaar', 'school', laatste[0].n.gegevens).tekst).toMatch(
        /loopt dit schooljaar af, op maandag 31 juli 2028/,
      );
    });
  });

  it('PPO-NK: the four parties; without consensus the behandelaar weighs in; the commission decides, with a category 1–3, for at least a year (to 31 July 2028 from 1 March 2027)', async () => {
    await vanZorgplichtNaarTlv('ppo-nk', { groep: 5 }, 'so', async (t, beleid, verstuurd) => {
      expect(beleid.regio).toBe('noord');
      const standpunten = [
        { partij: 'ouders', eens: true },
        { partij: 'verwijzende school', eens: true },
        { partij: 'ontvangende school', eens: false },
      ];
      expect(await weigering(voorbereiden(t, { standpunten }, coordinator))).toMatch(
        /Leg het standpunt vast van consulent passend onderwijs/,
      );
      const vier = [...standpunten, { partij: 'consulent passend onderwijs', eens: true }];
      expect(await weigering(voorbereiden(t, { standpunten: vier }, coordinator))).toMatch(
        /Leg vast of de ouders instemmen: voor de toekenning is hun instemming nodig/,
      );
      const instemmingOuders = { gegeven: true };
      expect(await weigering(voorbereiden(t, { standpunten: vier, instemmingOuders }, coordinator))).toMatch(
        /Zonder overeenstemming telt het oordeel van de behandelaar zwaar/,
      );
      const behandelaar = { naam: 'Kinderpsychiater', oordeel: 'Een kleine groep in het SO is nu nodig' };
      const v0 = await voorbereiden(t, { standpunten: vier, behandelaar, instemmingOuders }, coordinator);
      expect(v0.voorbereiding).toMatchObject({ behandelaar });
      expect(await weigering(advies(t, deskundigeA))).toMatch(/De toewijzingscommissie besluit zelf/);
      expect(await weigering(besluit(t, coordinator, { categorie: '2' }))).toMatch(/wel: deskundige/);
      expect(await weigering(besluit(t, deskundigeA, { categorie: 'midden' }))).toMatch(/kies uit 1, 2, 3/);
      const v: TlvView = await besluit(t, deskundigeA, { categorie: '2' });
      expect(v.tlv).toMatchObject({ categorie: '2', einddatum: '2028-07-31' });
      expect(v.tlv!.einddatumRegel).toMatch(/tijdelijke geldigheid van ten minste één jaar/);
      await wacht(verstuurd, 'tlv-besluit');
      const tekst = brief(verstuurd);
      // Not described in the plan: the law's route.
      expect(tekst).toMatch(/Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen \(LBT\)/);
      expect(tekst).toMatch(/Besloten door de toewijzingscommissie/);
    });
  });

  it('VO Groningen Stad: consensus without the CvA, but a higher category only through the CvA; the TLV runs the whole school career, to the end of the school year the pupil turns 20 (31 July 2032), without herbeoordeling', async () => {
    // Born in the school year 2025-2026 plus 14 years: turns 20 in 2031-2032.
    await vanZorgplichtNaarTlv(
      'vo-groningen-stad',
      { schooljaarWaarin14: '2025-2026' },
      'so',
      async (t, beleid, verstuurd) => {
        expect(beleid.sector).toBe('vo');
        await voorbereiden(t, {
          consensus: true,
          deelnemers: ['ouders en leerling', 'verwijzende school', 'VSO De Brug'],
        });
        expect((await t.query(tlvStatusQuery)).route).toEqual({
          soort: 'consensus-of-cva',
          beslisser: 'coordinator',
          cva: false,
        });
        expect(await weigering(advies(t, deskundigeA))).toMatch(/zonder tussenkomst van de CvA/);
        expect(await weigering(besluit(t, coordinator, { categorie: '2' }))).toMatch(
          /Een hogere bekostigingscategorie dan '1' beoordeelt altijd de CvA/,
        );
        const v: TlvView = await besluit(t, coordinator, { categorie: '1' });
        expect(v.tlv).toMatchObject({ categorie: '1', einddatum: '2032-07-31' });
        expect(v.tlv!.einddatumRegel).toMatch(
          /in principe tot het jaar waarin de leerling 20 jaar wordt \(schooljaar 2031-2032/,
        );
        expect(v.deadlines.map((d) => d.soort)).not.toContain('herbeoordeling-aanvraag');
        await wacht(verstuurd, 'tlv-besluit');
        const tekst = brief(verstuurd);
        expect(tekst).toMatch(/Vóór of naast het bezwaar: de Commissie van Advies \(bemiddeling\)/);
        expect(tekst).toMatch(/advies aan de landelijke bezwaaradviescommissie toelaatbaarheidsverklaringen \(LBT\)/);
      },
    );
  });

  it('VO Groningen Stad without consensus: the CvA advises and decides (route 2), and may grant a higher category', async () => {
    await vanZorgplichtNaarTlv('vo-groningen-stad', { schooljaarWaarin14: '2025-2026' }, 'so', async (t) => {
      await voorbereiden(t, { consensus: false, deelnemers: ['ouders en leerling', 'verwijzende school'] });
      expect((await t.query(tlvStatusQuery)).route).toEqual({
        soort: 'consensus-of-cva',
        beslisser: 'deskundige',
        cva: true,
      });
      expect(await weigering(besluit(t, deskundigeA, { categorie: '3' }))).toMatch(/^Eerst adviseert de CvA/);
      await advies(t, deskundigeA);
      expect(await weigering(besluit(t, coordinator, { categorie: '3' }))).toMatch(/wel: deskundige/);
      const v: TlvView = await besluit(t, deskundigeA, { categorie: '3' });
      expect(v.tlv).toMatchObject({ categorie: '3', einddatum: '2032-07-31' });
    });
  });
});
