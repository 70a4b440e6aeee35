/**
 * P3 Toelaatbaarheidsverklaring (domain README P3; seed 001 §1.7.4–1.7.5, addendum L1985–2037;
 * WPO art. 18a; Awb). Requested with its HIA, consent and documents; assessed by a 1st deskundige and
 * decided by a 2nd within the assessment term (reminders before it, the directeur told once it
 * passed); granted with an end date by the SWV's duration rule; the decision letter names the
 * bezwaar route and its last day; a bezwaar is recorded (a late one too) and decided; the TLV lapses
 * at its end date. A case lives for years: every school year it continues as a new run that carries
 * its state and timeline.
 */
import { defineQuery, defineUpdate, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { compareDates, formatDutchDate, toIsoDate } from '../../domain/dates';
import { endOfGroep8 } from '../../domain/groepen';
import { termijnVerstreken } from '../../domain/deadlines';
import { tlvMomenten, type TlvMoment } from '../../domain/planning';
import { schoolYearOf } from '../../domain/schoolYear';
import { laatsteSchooljaarHerinnering } from '../../domain/terugplaatsing';
import { herbeoordelingsPlanning, tlvBeslisdatum, type HerbeoordelingsPlanning } from '../../domain/tlv';
import type { DeadlineView } from '../../shared/zaak';
import type { TlvInput, TlvInventarisRegel, TlvStatus, TlvView } from '../../shared/tlv';
import {
  Einddatum,
  Regio,
  SchoolBrin,
  SwvCode,
  VolgendeDeadline,
  ZaakSinds,
  ZaakStatus,
  ZaakType,
} from '../../temporal/searchAttributes';
import { beleidWijzigbaar } from '../beleidsversie';
import { Zaak } from '../zaakkern';
import { tlvActies } from './acties';
import { tlvMoment } from './momenten';
import { routeView } from './route';
import { einddatumVolgens } from './einddatum';
import { luisterNaarTerugplaatsing } from './terugplaatsing';
import type { Tlvzaak, Toestand } from './toestand';

export {
  aanvullenUpdate,
  beoordelenUpdate,
  besluitenUpdate,
  bezwaarAdviesUpdate,
  bezwaarBeslissenUpdate,
  bezwaarUpdate,
  bezwaarVerdagenUpdate,
  evaluatieUpdate,
  intrekkenUpdate,
  herbeoordelingUpdate,
  voorbereidenUpdate,
} from './acties';

const { regionaleKalender } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  // Bounded: the case's deadlines wait for it; on failure it goes on with its copy (and says so).
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 5 },
});

export const tlvStatusQuery = defineQuery<TlvView>('status');
/** For the yearly inventory: a granted TLV's end date and its S(B)O school (null when none is granted). */
export const tlvInventarisQuery = defineQuery<TlvInventarisRegel | null>('inventaris');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const tlvViewUpdate = defineUpdate<TlvView>('view');

/** Why a closed TLV case takes no step (the workflow's validators and the API's answer for a closed case). */
export function tlvGesloten(view: Pick<TlvView, 'status'>): string | undefined {
  if (view.status === 'verlopen') return 'De TLV is verlopen. Er kan geen stap meer worden gezet.';
  if (view.status === 'ingetrokken') return 'De TLV-aanvraag is ingetrokken. Er kan geen stap meer worden gezet.';
  if (view.status === 'afgerond')
    return 'De TLV-zaak is afgerond (afgewezen, bezwaartermijn voorbij). Er kan geen stap meer worden gezet.';
  return undefined;
}

export async function tlv(input: TlvInput): Promise<TlvView> {
  // The case's policy: the version it started with, until a coordinator moves it (beleidsversie.ts).
  let beleid = input.beleid;
  const { tijdzone } = beleid.tijden;
  const regio = input.school.regio ?? beleid.regio;
  const vandaag = () => toIsoDate(Date.now(), tijdzone);
  const t: Toestand = input.eerder?.toestand ?? {
    runs: 0,
    ...(input.aanvraag ? { beoordelingstermijn: tlvBeslisdatum(input.aanvraag.ontvangen, beleid) } : {}),
    teLaat: false,
    deskundigen: [],
    bezwaren: [],
  };
  t.runs++;
  const geplandOp = Date.now();
  const schooljaar = schoolYearOf(vandaag());
  const open = () => !t.gesloten;
  /** The holidays this case counts with: its copy from the start, as extended since (`kalenderAanvullen`). */
  const kalender = () => t.kalender?.rooster ?? input.kalender;
  // Cases from before the herbeoordeling (issue 12) replay without its reminders.
  const herbeoordelen = patched('tlv-herbeoordeling');
  /** The school the pupil is at: the applying school, and the S(B)O school once the TLV is granted. */
  const school = () => {
    // The TLV in force, or the last one (lapsed during a herbeoordeling): the pupil is still at that school.
    const huidig = t.tlv ?? [...(t.eerdere ?? [])].reverse().find((e) => e.tlv)?.tlv;
    return huidig?.school.brin
      ? { brin: huidig.school.brin, naam: huidig.school.naam }
      : { brin: input.school.brin, naam: input.school.naam };
  };
  /** The TLV in force runs to the end of primary school (EMB: the end of the SO stay at 14). */
  const eindeBasisonderwijs = (): boolean => {
    const { groep } = leerling();
    const a = aanvraag();
    if (!t.tlv) return false;
    return (
      t.tlv.emb || (groep !== undefined && !!a && compareDates(t.tlv.einddatum, endOfGroep8(groep, a.ontvangen)) >= 0)
    );
  };
  let plan: { sleutel: string; plan: HerbeoordelingsPlanning | undefined } | undefined;
  /**
   * The herbeoordeling of the TLV in force, computed backwards from its end date (once per end date).
   * A TLV that runs to the end of primary school has none here: after SBO the pupil goes to VO
   * without one; after SO (and EMB, seed 001 L1173–1174) the VSO needs a new TLV from the SWV VO.
   */
  const herbeoordelingsplan = (): HerbeoordelingsPlanning | undefined => {
    // A TLV for the whole school career has no herbeoordeling (VO Groningen, seed 004 L163, L190).
    if (!t.tlv || !herbeoordelen || beleid.tlv.duur.soort === 'schoolloopbaan') return undefined;
    // Again when the end date or the calendar changed.
    const sleutel = `${t.tlv.einddatum}/${kalender().length}`;
    if (plan?.sleutel !== sleutel) {
      const poVoorbij = eindeBasisonderwijs();
      plan = {
        sleutel,
        plan:
          poVoorbij && t.tlv.soort === 'sbo'
            ? undefined
            : herbeoordelingsPlanning(
                t.tlv.einddatum,
                {
                  regio,
                  rooster: kalender(),
                  zonderVakantiegegevensVanaf: t.kalender?.zonderVakantiegegevensVanaf,
                  emb: poVoorbij,
                },
                beleid,
              ),
      };
    }
    return plan.plan;
  };
  /** The day a terugplaatsing its evaluation started ended without a return (the pupil stays), if so. */
  const terugplaatsingGestopt = (): string | undefined =>
    t.herbeoordeling?.evaluatie?.conclusie === 'terugplaatsing' &&
    t.terugplaatsing?.uitkomst &&
    t.terugplaatsing.uitkomst !== 'teruggeplaatst' &&
    t.terugplaatsing.op
      ? toIsoDate(Date.parse(t.terugplaatsing.op), tijdzone)
      : undefined;
  /** The reminders still relevant: none once the school applied or chose a terugplaatsing or the lapse. */
  const herbeoordelingHerinneringen = () => {
    const p = herbeoordelingsplan();
    const h = t.herbeoordeling;
    // A terugplaatsing that stopped: the pupil stays, the evaluation is to be held again; reminders
    // from that day on (the ones due while it ran are not sent late).
    const terug = terugplaatsingGestopt();
    const evaluatie = terug ? undefined : h?.evaluatie;
    if (!p || !t.tlv || h?.aangevraagd || (evaluatie && evaluatie.conclusie !== 'herbeoordeling')) return [];
    return p.herinneringen.filter(
      (x) => !(evaluatie && x.soort === 'evaluatie') && !(terug && compareDates(x.datum, terug) <= 0),
    );
  };
  // The aanvraag and the groep as completed later, when the case started without them.
  const aanvraag = () => t.aanvulling?.aanvraag ?? input.aanvraag;
  const leerling = () => ({ ...input.leerling, ...t.aanvulling?.leerling });
  const iso = (ms: number) => new Date(ms).toISOString();
  // A term is over at the end of its last day (deadlines.ts: termijnVerstreken).
  const tijdstip = (datum: string) => iso(termijnVerstreken(datum, beleid));

  const status = (): TlvStatus =>
    t.gesloten?.soort ??
    (t.besluit
      ? t.besluit.uitkomst === 'toegekend' && t.terugplaatsing?.uitkomst === 'teruggeplaatst'
        ? 'niet-meer-gebruikt'
        : t.besluit.uitkomst
      : !t.beoordelingstermijn
        ? 'aanvraag-onvolledig'
        : t.teLaat
          ? 'beoordeling-te-laat'
          : 'in-beoordeling');

  const planning = (): TlvMoment[] =>
    open()
      ? zaak.vooruit(
          tlvMomenten(
            {
              beoordelingstermijn: t.beoordelingstermijn,
              besloten: !!t.besluit,
              teLaat: t.teLaat,
              bezwaren: t.bezwaren.flatMap((b, i) => (b.beslissing ? [] : [{ nr: i + 1, beslisdatum: b.beslisdatum }])),
              einddatum: t.tlv && { datum: t.tlv.einddatum, regel: t.tlv.einddatumRegel },
              // Not while the pupil is back in a regular school: the S(B)O board has no one to place.
              laatsteSchooljaar:
                t.tlv && t.terugplaatsing?.uitkomst !== 'teruggeplaatst'
                  ? laatsteSchooljaarHerinnering(t.tlv.einddatum, beleid, regio, kalender())
                  : undefined,
              herbeoordeling: t.tlv && { einddatum: t.tlv.einddatum, herinneringen: herbeoordelingHerinneringen() },
              // A refusal closes after its window once no bezwaar is open (none came, or all are decided).
              // (A refused herbeoordeling: the TLV in force runs on to its end date.)
              afwijzingBezwaartermijn:
                t.besluit?.uitkomst === 'afgewezen' && !t.tlv && t.bezwaren.every((b) => b.beslissing)
                  ? t.bezwaartermijn
                  : undefined,
              schooljaarEinde: schooljaar.end,
              geplandOp,
            },
            beleid,
            regio,
            kalender(),
          ),
        )
      : [];

  function deadlines(): DeadlineView[] {
    const uit: DeadlineView[] = [];
    const d = (soort: string, x: { datum: string; regel: string }) =>
      uit.push({ soort, datum: x.datum, regel: x.regel, tijdstip: tijdstip(x.datum) });
    if (!t.besluit && t.beoordelingstermijn) d('beoordelingstermijn', t.beoordelingstermijn);
    if (t.tlv) d('einddatum', { datum: t.tlv.einddatum, regel: t.tlv.einddatumRegel });
    const p = herbeoordelingsplan();
    if (p && herbeoordelingHerinneringen().length > 0) d('herbeoordeling-aanvraag', p.aanvraagUiterlijk);
    if (t.bezwaartermijn) d('bezwaartermijn', t.bezwaartermijn);
    t.bezwaren.forEach((b, i) => b.beslissing || d(`beslistermijn-bezwaar-${i + 1}`, b.beslisdatum));
    return uit;
  }

  function aanvraagView(): TlvView['aanvraag'] {
    const a = aanvraag();
    if (!a) return { soort: input.soort, emb: false, documenten: [], compleet: false };
    return { ontvangen: a.ontvangen, soort: a.soort, emb: a.emb, documenten: a.documenten, compleet: true };
  }

  function view(): TlvView {
    const route = routeView(beleid, t);
    const h = planning().find((m) => m.soort === 'herinnering' || m.soort === 'herinnering-bezwaar');
    return {
      id: zaak.id,
      type: 'tlv',
      status: status(),
      open: open(),
      school: school(),
      aanvrager: { brin: input.school.brin, naam: input.school.naam },
      ronde: t.ronde ?? 1,
      eerdere: [...(t.eerdere ?? [])],
      ...(t.herbeoordeling ? { herbeoordeling: t.herbeoordeling } : {}),
      leerling: { naam: input.leerling.naam, groep: leerling().groep },
      aanvraag: aanvraagView(),
      ...(input.zorgplichtZaak ? { zorgplichtZaak: input.zorgplichtZaak } : {}),
      ...(t.terugplaatsing ? { terugplaatsing: t.terugplaatsing } : {}),
      ...(route ? { route } : {}),
      ...(t.voorbereiding ? { voorbereiding: t.voorbereiding } : {}),
      ...(t.adviezen ? { adviezen: [...t.adviezen] } : {}),
      deskundigen: [...t.deskundigen],
      beoordeling: t.beoordeling,
      besluit: t.besluit,
      tlv: t.tlv,
      bezwaren: t.bezwaren.map(({ beslisdatum: _b, termijnEinde: _t, ronde: _r, ...b }, i) => ({ nr: i + 1, ...b })),
      deadlines: open() ? deadlines() : [],
      volgendeHerinnering: h
        ? { datum: h.datum, tijdstip: iso(h.at), regel: h.regel, deadline: h.deadline ?? '' }
        : null,
      tijdlijn: [...zaak.tijdlijn],
      beleid: beleid.code,
      ...(beleid.versie ? { beleidsversie: beleid.versie } : {}),
      runs: t.runs,
    };
  }

  const aan: Tlvzaak['aan'] = {
    school: { rol: 'school', email: input.school.email },
    coordinator: { rol: 'coordinator', email: input.coordinatorEmail },
    ouders: input.ouders.map((o) => ({ rol: 'ouders', email: o.email })),
  };
  const zaak: Zaak<TlvView> = new Zaak({
    brin: () => school().brin,
    coordinator: aan.coordinator,
    view,
    gesloten: () => tlvGesloten({ status: status() }),
    // Codes and dates only.
    zoekvelden: () => {
      // The earliest deadline still ahead (the list's deadlineVoor), not one years away or past.
      const volgende = deadlines()
        .filter((d) => Date.parse(d.tijdstip) > Date.now())
        .sort((a, b) => a.tijdstip.localeCompare(b.tijdstip))[0];
      return [
        { key: ZaakStatus, value: status() },
        // The school that reads and acts: the S(B)O school once the TLV is granted.
        { key: SchoolBrin, value: school().brin },
        { key: VolgendeDeadline, value: open() && volgende ? new Date(volgende.tijdstip) : null },
        // The list of TLVs ending before a date (eindeVoor).
        { key: Einddatum, value: t.tlv ? t.tlv.einddatum : null },
      ];
    },
    berichtGegevens: () => ({
      zaakId: zaak.id,
      leerling: input.leerling.naam,
      school: input.school.naam,
      ...(t.beoordelingstermijn
        ? {
            beoordelingstermijn: formatDutchDate(t.beoordelingstermijn.datum),
            beoordelingstermijnRegel: t.beoordelingstermijn.regel,
          }
        : {}),
    }),
    geheugen: input.eerder?.zaak,
  });

  /**
   * Each run needs the holidays through the summer after its school year. A case copies about two
   * years at its start; a run past that asks the region's calendar through an activity (recorded in
   * the history, so replay stays deterministic). Where no official data exists yet, the answer says
   * so and only weekends and feestdagen count there. Cases from before this replay without it.
   */
  function kalenderNodig(): string | undefined {
    const jaar = Number(schooljaar.end.slice(0, 4)) + 1;
    const heeftZomer = kalender().some((v) => /zomer/i.test(v.naam) && v.van.startsWith(`${jaar}-`));
    if (!open() || heeftZomer || !patched('tlv-kalender')) return undefined;
    return `${jaar}-09-30`;
  }
  async function kalenderAanvullen(tot: string): Promise<void> {
    let k: Awaited<ReturnType<typeof regionaleKalender>>;
    try {
      k = await regionaleKalender({ regio, van: schooljaar.start, tot });
    } catch {
      zaak.noteer({
        soort: 'kalender-niet-aangevuld',
        omschrijving: `Het vakantierooster kon niet worden aangevuld tot ${formatDutchDate(tot)}: de zaak rekent met haar kopie; na de zomer telt zij alleen weekenden en feestdagen`,
      });
      zaak.gewijzigd();
      return;
    }
    const bekend = new Set(kalender().map((v) => `${v.naam}/${v.van}`));
    t.kalender = {
      rooster: [...kalender(), ...k.rooster.filter((v) => !bekend.has(`${v.naam}/${v.van}`))],
      tot,
      ...(k.zonderVakantiegegevensVanaf ? { zonderVakantiegegevensVanaf: k.zonderVakantiegegevensVanaf } : {}),
    };
    zaak.noteer({
      soort: 'kalender-aangevuld',
      omschrijving: `Vakantierooster regio ${regio} aangevuld tot en met ${formatDutchDate(tot)}${k.melding ? `. ${k.melding}` : ''}`,
      gegevens: {
        tot,
        ...(k.zonderVakantiegegevensVanaf ? { zonderVakantiegegevensVanaf: k.zonderVakantiegegevensVanaf } : {}),
      },
    });
    zaak.gewijzigd();
  }

  /**
   * A TLV in force under a new version of the policy: an end date that was the old rule's standard
   * becomes the new rule's (SPOW's addendum lengthened them, seed 001 L1974–1984); a chosen or
   * deviating end date, or one the new rule leaves to the deskundige, stays.
   */
  function standaardEinde(
    tlv: NonNullable<Toestand['tlv']>,
    afgiftedatum: string,
    vorigBeleid: typeof beleid,
  ): Pick<NonNullable<Toestand['tlv']>, 'einddatum' | 'einddatumRegel'> {
    // The standard: the rule's date without a chosen one (undefined where the rule needs one).
    const volgens = (p: typeof beleid) => {
      try {
        return einddatumVolgens(p, {
          leerling: leerling(),
          aanvraag: { soort: tlv.soort, emb: tlv.emb, ontvangen: afgiftedatum },
          toekenning: { startdatum: tlv.startdatum, categorie: tlv.categorie },
        });
      } catch {
        return undefined;
      }
    };
    const oud = volgens(vorigBeleid);
    const nieuw = volgens(beleid);
    if (!nieuw || !oud || oud.datum !== tlv.einddatum)
      return { einddatum: tlv.einddatum, einddatumRegel: tlv.einddatumRegel };
    return { einddatum: nieuw.datum, einddatumRegel: nieuw.regel };
  }

  const z: Tlvzaak = {
    zaak,
    t,
    input,
    get beleid() {
      return beleid;
    },
    open,
    vandaag,
    aan,
    aanvraag,
    leerling,
    herbeoordelingsplan,
    eindeBasisonderwijs,
  };
  setHandler(tlvStatusQuery, view);
  setHandler(tlvInventarisQuery, () =>
    // A pupil back in a regular school is not the S(B)O school's to evaluate any more.
    t.tlv && open() && t.terugplaatsing?.uitkomst !== 'teruggeplaatst'
      ? {
          zaakId: zaak.id,
          leerling: input.leerling.naam,
          einddatum: t.tlv.einddatum,
          einddatumRegel: t.tlv.einddatumRegel,
          sbo: { ...t.tlv.school, ...(t.sboEmail ? { email: t.sboEmail } : {}) },
          coordinatorEmail: input.coordinatorEmail,
        }
      : null,
  );
  tlvActies(z);
  luisterNaarTerugplaatsing(z);
  beleidWijzigbaar(zaak, {
    huidig: () => beleid,
    zet: (p) => {
      beleid = p;
      plan = undefined;
    },
    herbereken: (vorig, dag) => {
      const a = aanvraag();
      // An assessment still running counts from the aanvraag under the new term (not after a
      // gegrond bezwaar: that one runs from the day of the decision on bezwaar). A new term is late
      // only once it passed: the planner tells the directeur then (or at once, when it has passed).
      if (a && t.beoordelingstermijn && !t.besluit && !t.heroverweging) {
        const nieuw = tlvBeslisdatum(a.ontvangen, beleid);
        if (nieuw.datum !== t.beoordelingstermijn.datum) t.teLaat = false;
        t.beoordelingstermijn = nieuw;
      }
      if (t.tlv && a) {
        const einde = standaardEinde(t.tlv, a.ontvangen, vorig);
        if (einde.einddatum !== t.tlv.einddatum && compareDates(einde.einddatum, dag) < 0)
          return `Onder deze versie zou de TLV al op ${formatDutchDate(einde.einddatum)} zijn geëindigd: de zaak blijft bij haar versie.`;
        t.tlv = { ...t.tlv, ...einde };
      }
      return undefined;
    },
    toestand: () => t,
    deadlines,
    // A granted TLV whose end date changed: the S(B)O school, the parents and the coordinator hear it.
    gewijzigd: (wijzigingen) => {
      const eind = wijzigingen.find((w) => w.soort === 'einddatum');
      if (!eind?.van || !eind.naar || !t.tlv) return;
      const aanSbo = t.sboEmail ? [{ rol: 'school' as const, email: t.sboEmail }] : [];
      // One letter per move (a case moved back and forth gets each).
      const zet = zaak.tijdlijn.filter((x) => x.soort === 'beleid-gewijzigd').length;
      zaak.bericht('tlv-einddatum-gewijzigd', `einddatum/${zet}`, [...aanSbo, ...aan.ouders, aan.coordinator], {
        van: formatDutchDate(eind.van),
        naar: formatDutchDate(eind.naar),
        regel: t.tlv.einddatumRegel,
        versie: beleid.versie ?? '',
      });
    },
  });

  if (!input.eerder) {
    if (input.aanvraag && t.beoordelingstermijn) {
      zaak.noteer({
        soort: 'aangevraagd',
        omschrijving: `TLV ${input.aanvraag.soort.toUpperCase()} aangevraagd (HIA ${formatDutchDate(input.aanvraag.hia.datum)}); beoordelen vóór ${formatDutchDate(t.beoordelingstermijn.datum)}`,
        door: input.aangevraagdDoor,
        gegevens: { documenten: input.aanvraag.documenten.length },
      });
      zaak.bericht('tlv-aanvraag', 'aanvraag', [{ rol: 'deskundige' }, aan.coordinator]);
    } else {
      // Requested from a zorgplicht case without the aanvraag: the term starts once it is complete.
      zaak.noteer({
        soort: 'aangevraagd-onvolledig',
        omschrijving: `TLV${input.soort ? ` ${input.soort.toUpperCase()}` : ''} aangevraagd vanuit de zorgplichtzaak; de aanvraag is nog niet compleet (groep, HIA, interventietraject, toestemming van de ouders, documenten). De beoordelingstermijn van 6 weken begint als zij compleet is.`,
        door: input.aangevraagdDoor,
        gegevens: input.zorgplichtZaak ? { zorgplichtZaak: input.zorgplichtZaak } : {},
      });
      zaak.bericht('tlv-aanvraag-onvolledig', 'aanvraag-onvolledig', [aan.school, aan.coordinator]);
    }
  }
  zaak.start(
    [
      { key: ZaakType, value: 'tlv' },
      { key: SchoolBrin, value: input.school.brin },
      { key: SwvCode, value: beleid.code },
      { key: Regio, value: regio },
      { key: ZaakSinds, value: input.aanvraag?.ontvangen ?? vandaag() },
    ],
    tlvViewUpdate,
  );

  // The case plans a year ahead (the herbeoordeling): past its copied calendar it extends the copy.
  // (Only awaited when needed: an await of nothing would let queued mail go before the first timer,
  // and the commands of cases from before would come in another order.)
  const kalenderTot = kalenderNodig();
  if (kalenderTot) await kalenderAanvullen(kalenderTot);

  // A new school year, or a history Temporal finds long: the case continues as a new run.
  let nieuwSchooljaar = false;
  const verder = () => nieuwSchooljaar || zaak.vervolgen();
  await zaak.plan({
    zolang: () => open() && !verder(),
    planning,
    voerUit: (m) => {
      if (m.soort === 'nieuw-schooljaar') nieuwSchooljaar = true;
      else tlvMoment(z, m);
    },
  });
  if (open()) {
    return zaak.vervolg<typeof tlv>(() => [{ ...input, beleid, eerder: { toestand: t, zaak: zaak.geheugen() } }]);
  }
  await zaak.afronden();
  return view();
}
