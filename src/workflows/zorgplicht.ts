/**
 * P1 Zorgplicht after aanmelding (domain README P1; WPO art. 40): from the written aanmelding to a
 * legal outcome. The school is reminded before every deadline that is theirs; the 6-week deadline
 * is marked when it passes; at 10 weeks without a decision the pupil is temporarily placed.
 */
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  defineQuery,
  defineUpdate,
  ParentClosePolicy,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { formatDutchDate, toInstant } from '../domain/dates';
import { herinneringen, tijdelijkePlaatsingsdatum, verlengdeBeslisdatum, zorgplichtBeslisdatum, type Dated } from '../domain/deadlines';
import type { Policy } from '../domain/policy';
import type { Notificatie, Ontvanger } from '../shared/notificatie';
import { rolNietToegestaan } from '../shared/fouten';
import { Uitgaand } from './notificaties';
import type { ActorRef, DeadlineView, HerinneringView, TijdlijnItem } from '../shared/zaak';
import type { Besluiten, EldersIngeschreven, ImpasseMelden, Verlengen, ZorgplichtInput, ZorgplichtStatus, ZorgplichtView } from '../shared/zorgplicht';
import { gronden, tlvSoorten, uitkomsten } from '../shared/zorgplichtUitkomsten';
import * as argument from './argumenten';
import { SchoolBrin, SwvCode, VolgendeDeadline, ZaakStatus, ZaakType } from '../temporal/searchAttributes';
import { impasse as impasseWorkflow } from './impasse';


export const statusQuery = defineQuery<ZorgplichtView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const viewUpdate = defineUpdate<ZorgplichtView>('view');
export const verlengenUpdate = defineUpdate<ZorgplichtView, [Verlengen]>('verlengen');
export const besluitenUpdate = defineUpdate<ZorgplichtView, [Besluiten]>('besluiten');
export const impasseMeldenUpdate = defineUpdate<ZorgplichtView, [ImpasseMelden]>('impasse-melden');
export const eldersIngeschrevenUpdate = defineUpdate<ZorgplichtView, [EldersIngeschreven]>('elders-ingeschreven');


/** A timed step of the case: a reminder, or a legal deadline taking effect. */
interface Moment {
  sleutel: string;
  soort: 'herinnering' | 'termijn-overschreden' | 'tijdelijke-plaatsing';
  at: number;
  deadline: Dated & { soort: string };
  regel: string;
  datum: string;
}

/** The two legal deadlines as every view shows them, with the moment the product acts on each. */
function zorgplichtDeadlines(beslistermijn: Dated, plaatsing: Dated, tijden: Policy['tijden']): DeadlineView[] {
  const tijdstip = (d: Dated) => new Date(toInstant(d.datum, tijden.deadline, tijden.tijdzone)).toISOString();
  return [
    { soort: 'beslistermijn', ...beslistermijn, tijdstip: tijdstip(beslistermijn) },
    { soort: 'tijdelijke-plaatsing', ...plaatsing, tijdstip: tijdstip(plaatsing) },
  ];
}

/** Decisions the school or coordinator may record (a school only on its own BRIN: argument.stap). */
const BESLISSERS: ActorRef['rol'][] = ['school', 'coordinator'];

export async function zorgplicht(input: ZorgplichtInput): Promise<ZorgplichtView> {
  const policy = input.beleid;
  const regio = input.school.regio ?? policy.regio;
  const tijden = policy.tijden;
  const id = workflowInfo().workflowId;

  const oorspronkelijk = zorgplichtBeslisdatum(input.aanmelddatum, policy);
  const plaatsing = tijdelijkePlaatsingsdatum(input.aanmelddatum, policy);
  let beslistermijn: Dated = oorspronkelijk;
  /** Reminders at or before this moment are skipped: they were already past when planned. */
  let geplandOp = Date.now();
  let termijnOverschreden = false;
  let tijdelijkGeplaatst = false;
  let ingeschrevenElders = input.ingeschrevenElders;
  let verlenging: ZorgplichtView['verlenging'];
  let impasse: ZorgplichtView['impasse'];
  let besluit: ZorgplichtView['besluit'];
  let impasseZaak: string | undefined;
  const afgehandeld = new Set<string>();
  const tijdlijn: TijdlijnItem[] = [];
  const uitgaand = new Uitgaand((n, reden) => {
    log({ soort: 'bericht-niet-bezorgd', omschrijving: `Bericht '${n.sjabloon}' kon niet worden bezorgd: ${reden}`, gegevens: { sjabloon: n.sjabloon } });
    // The coordinator makes sure the recipient hears it another way (not for this notice itself).
    if (n.sjabloon !== 'bericht-niet-bezorgd') bericht('bericht-niet-bezorgd', `niet-bezorgd/${n.sleutel.slice(id.length + 1)}`, [coordinator], { wat: n.sjabloon, reden });
  });
  let versie = 0;

  const nu = () => new Date(Date.now()).toISOString();
  const iso = (ms: number) => new Date(ms).toISOString();
  const log = (item: Omit<TijdlijnItem, 'op'>) => tijdlijn.push({ op: nu(), ...item });

  const status = (): ZorgplichtStatus => {
    if (besluit) return besluit.uitkomst;
    if (tijdelijkGeplaatst) return 'tijdelijk-geplaatst';
    if (impasse) return 'impasse';
    if (termijnOverschreden) return 'termijn-overschreden';
    if (verlenging) return 'verlengd';
    return 'in-onderzoek';
  };

  /** Every timed step still ahead, derived from the state: a decision or extension re-plans. */
  function planning(): Moment[] {
    if (besluit) return [];
    const momenten: Moment[] = [];
    const deadlines = [
      { ...beslistermijn, soort: 'beslistermijn', naam: 'beslisdatum' },
      ...(tijdelijkGeplaatst ? [] : [{ ...plaatsing, soort: 'tijdelijke-plaatsing', naam: 'datum van tijdelijke plaatsing' }]),
    ];
    const herinnerd = new Set<string>();
    for (const deadline of deadlines) {
      if (deadline.soort === 'tijdelijke-plaatsing' && deadline.datum === beslistermijn.datum) continue;
      for (const h of herinneringen(deadline, policy, regio, input.kalender, { naam: deadline.naam })) {
        if (herinnerd.has(h.datum)) continue;
        herinnerd.add(h.datum);
        const at = toInstant(h.datum, tijden.herinnering, tijden.tijdzone);
        if (at <= geplandOp) continue;
        momenten.push({ sleutel: `herinnering/${deadline.soort}/${deadline.datum}/${h.datum}`, soort: 'herinnering', at, deadline, regel: h.regel, datum: h.datum });
      }
    }
    // With the full extension the decision deadline is the placement date: the placement says it all.
    if (!termijnOverschreden && !(tijdelijkGeplaatst || beslistermijn.datum === plaatsing.datum)) {
      momenten.push({
        sleutel: `termijn-overschreden/${beslistermijn.datum}`,
        soort: 'termijn-overschreden',
        at: toInstant(beslistermijn.datum, tijden.deadline, tijden.tijdzone),
        deadline: { ...beslistermijn, soort: 'beslistermijn' },
        regel: beslistermijn.regel,
        datum: beslistermijn.datum,
      });
    }
    if (!tijdelijkGeplaatst) {
      momenten.push({
        sleutel: `tijdelijke-plaatsing/${plaatsing.datum}`,
        soort: 'tijdelijke-plaatsing',
        at: toInstant(plaatsing.datum, tijden.deadline, tijden.tijdzone),
        deadline: { ...plaatsing, soort: 'tijdelijke-plaatsing' },
        regel: plaatsing.regel,
        datum: plaatsing.datum,
      });
    }
    return momenten.filter((m) => !afgehandeld.has(m.sleutel)).sort((a, b) => a.at - b.at);
  }

  const view = (): ZorgplichtView => {
    const h = planning().find((m) => m.soort === 'herinnering');
    const volgendeHerinnering: HerinneringView | null = h
      ? { datum: h.datum, tijdstip: iso(h.at), regel: h.regel, deadline: h.deadline.soort }
      : null;
    return {
      id,
      type: 'zorgplicht',
      status: status(),
      open: !besluit,
      beleid: policy.code,
      aanmelddatum: input.aanmelddatum,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      deadlines: zorgplichtDeadlines(beslistermijn, plaatsing, tijden),
      volgendeHerinnering,
      termijnOverschreden,
      tijdelijkGeplaatst,
      verlenging,
      impasse: impasse && { ...impasse, zaakId: impasseZaak },
      ingeschrevenElders,
      besluit,
      tijdlijn: [...tijdlijn],
    };
  };

  /** Search attributes: codes, status and dates only (no personal data). */
  function publiceer(): void {
    const open = planning().find((m) => m.soort !== 'herinnering');
    upsertSearchAttributes([
      { key: ZaakStatus, value: status() },
      { key: VolgendeDeadline, value: open ? new Date(open.at) : null },
    ]);
  }

  function bericht(sjabloon: Notificatie['sjabloon'], sleutel: string, aan: Ontvanger[], gegevens: Record<string, string> = {}, actueel?: () => boolean): void {
    uitgaand.push({
      sleutel: `${id}/${sleutel}`,
      sjabloon,
      aan,
      gegevens: {
        leerling: input.leerling.naam,
        school: input.school.naam,
        aanmelddatum: formatDutchDate(input.aanmelddatum),
        beslisdatum: formatDutchDate(beslistermijn.datum),
        beslisregel: beslistermijn.regel,
        plaatsingsdatum: formatDutchDate(plaatsing.datum),
        plaatsingsregel: plaatsing.regel,
        zaakId: id,
        ...gegevens,
      },
    }, actueel);
  }
  const school: Ontvanger = { rol: 'school', email: input.school.email };
  const coordinator: Ontvanger = { rol: 'coordinator', email: input.coordinatorEmail };
  const ouders: Ontvanger[] = input.ouders.map((o) => ({ rol: 'ouders', email: o.email }));

  function gesloten(): string | undefined {
    if (!besluit) return undefined;
    return `De zaak is gesloten: ${besluit.uitkomst} op ${besluit.op.slice(0, 10)}. Er kan geen stap meer worden gezet.`;
  }
  function magBeslissen(door: ActorRef, rollen: ActorRef['rol'][] = BESLISSERS): void {
    if (!rollen.includes(door.rol)) throw rolNietToegestaan(`De rol ${door.rol} zet deze stap niet in een zorgplichtzaak; wel: ${rollen.join(', ')}.`);
  }
  const gewijzigd = () => {
    versie++;
    publiceer();
    uitgaand.herzie();
  };

  // Validators reject an illegal step with a reason and change nothing; handlers return the new view.
  setHandler(statusQuery, view);

  setHandler(
    verlengenUpdate,
    (args) => {
      const { weken, reden } = args;
      verlenging = { weken, reden, door: args.door, op: nu() };
      beslistermijn = verlengdeBeslisdatum(input.aanmelddatum, weken, policy);
      geplandOp = Date.now();
      log({ soort: 'verlengd', omschrijving: `Beslistermijn eenmaal verlengd met ${weken} weken tot ${formatDutchDate(beslistermijn.datum)}`, door: args.door, reden, gegevens: { weken, beslisdatum: beslistermijn.datum } });
      // WPO art. 40: the parents are told of the extension in writing.
      bericht('verlenging-ouders', `verlenging/${beslistermijn.datum}`, ouders, { weken: String(weken), reden });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.geheelGetal(args.weken, 'weken', 1, 52);
        argument.reden(args.reden);
        magBeslissen(args.door);
        const dicht = gesloten();
        if (dicht) throw new Error(dicht);
        if (verlenging) throw new Error(`De beslistermijn is al verlengd (op ${verlenging.op.slice(0, 10)}); de wet staat één verlenging toe.`);
        if (tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst; verlengen kan niet meer.');
        if (Date.now() >= toInstant(oorspronkelijk.datum, tijden.deadline, tijden.tijdzone) || termijnOverschreden) {
          throw new Error(`Verlengen kan alleen vóór de beslisdatum (${formatDutchDate(oorspronkelijk.datum)}).`);
        }
        const max = policy.zorgplicht.verlengingMaxWeken;
        if (args.weken > max.waarde) throw new Error(`Verlengen kan met ten hoogste ${max.waarde} weken (${max.regel}).`);
      },
    },
  );

  setHandler(
    besluitenUpdate,
    (args) => {
      const details: Record<string, string> = {};
      if (args.uitkomst === 'elders-toegelaten') details.toelatendeSchool = args.toelatendeSchool.naam;
      if (args.uitkomst === 'geen-zorgplicht') details.grond = args.grond;
      if (args.uitkomst === 'tlv-aangevraagd' && args.soort) details.soort = args.soort;
      besluit = { uitkomst: args.uitkomst, reden: args.reden, door: args.door, op: nu(), details };
      const omschrijving: Record<typeof args.uitkomst, string> = {
        toegelaten: tijdelijkGeplaatst ? 'Toegelaten: de tijdelijke plaatsing is definitief' : 'Toegelaten op deze school',
        'elders-toegelaten': `Toegelaten op een andere school${tijdelijkGeplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
        'tlv-aangevraagd': 'TLV aangevraagd: de zaak gaat over naar het TLV-proces',
        'geen-zorgplicht': `Geen zorgplicht (${details.grond})${tijdelijkGeplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
        ingetrokken: 'Aanmelding ingetrokken door de ouders',
      };
      log({ soort: `besluit:${args.uitkomst}`, omschrijving: omschrijving[args.uitkomst], door: args.door, reden: args.reden, gegevens: details });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.keuze(args.uitkomst, uitkomsten, 'uitkomst');
        argument.reden(args.reden);
        // WPO art. 40: refusal is only lawful once another school has agreed to admit the pupil.
        if (args.uitkomst === 'elders-toegelaten') argument.schoolRef(args.toelatendeSchool, 'toelatendeSchool');
        if (args.uitkomst === 'geen-zorgplicht') argument.keuze(args.grond, gronden, 'grond');
        if (args.uitkomst === 'tlv-aangevraagd' && args.soort !== undefined) argument.keuze(args.soort, tlvSoorten, 'soort');
        magBeslissen(args.door);
        const dicht = gesloten();
        if (dicht) throw new Error(dicht);
      },
    },
  );

  setHandler(
    impasseMeldenUpdate,
    (args) => {
      impasse = { reden: args.reden, door: args.door, op: nu() };
      log({ soort: 'impasse', omschrijving: 'Impasse gemeld: de school vindt geen passende plek. De wettelijke termijnen lopen door.', door: args.door, reden: args.reden });
      bericht('impasse-coordinator', 'impasse', [coordinator], { reden: args.reden });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.reden(args.reden);
        magBeslissen(args.door);
        const dicht = gesloten();
        if (dicht) throw new Error(dicht);
        if (impasse) throw new Error(`Er is al een impasse gemeld (op ${impasse.op.slice(0, 10)}).`);
      },
    },
  );

  setHandler(
    eldersIngeschrevenUpdate,
    (args) => {
      ingeschrevenElders = args.school;
      log({ soort: 'elders-ingeschreven', omschrijving: `Leerling staat ingeschreven op een andere school (${args.school.naam}): geen tijdelijke plaatsing na 10 weken`, door: args.door, reden: args.reden });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.schoolRef(args.school);
        if (args.reden !== undefined) argument.reden(args.reden);
        // It switches off the temporary placement of WPO art. 40: the SWV records it, not the school.
        magBeslissen(args.door, ['coordinator']);
        const dicht = gesloten();
        if (dicht) throw new Error(dicht);
        if (tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst.');
      },
    },
  );

  function voerUit(m: Moment): void {
    const datum = formatDutchDate(m.deadline.datum);
    if (m.soort === 'herinnering') {
      const wat = m.deadline.soort === 'beslistermijn' ? `uiterlijk ${datum} een besluit over de toelating` : `een besluit vóór ${datum}; anders wordt de leerling dan tijdelijk geplaatst`;
      log({ soort: 'herinnering', omschrijving: `Herinnering aan de school: ${wat}`, gegevens: { deadline: m.deadline.soort, datum: m.datum } });
      // Late (SMTP trouble) and the school decided, or the deadline moved: not worth sending any more.
      const deadline = m.deadline;
      bericht('herinnering-school', m.sleutel, [school], { deadlinedatum: datum, verwacht: wat, regel: m.regel }, () =>
        !besluit && (deadline.soort === 'beslistermijn' ? deadline.datum === beslistermijn.datum : !tijdelijkGeplaatst),
      );
    } else if (m.soort === 'termijn-overschreden') {
      termijnOverschreden = true;
      log({ soort: 'termijn-overschreden', omschrijving: `Beslistermijn verstreken op ${datum} zonder besluit${verlenging ? ' (na verlenging)' : ' of verlenging'}`, gegevens: { datum: m.deadline.datum } });
      bericht('termijn-overschreden', m.sleutel, [school, coordinator], verlenging ? { verlengd: 'ja' } : {});
    } else if (ingeschrevenElders) {
      log({ soort: 'geen-tijdelijke-plaatsing', omschrijving: `Geen besluit na 10 weken, maar de leerling staat ingeschreven op ${ingeschrevenElders.naam}: geen tijdelijke plaatsing` });
      bericht('geen-tijdelijke-plaatsing', m.sleutel, [school, coordinator]);
    } else {
      tijdelijkGeplaatst = true;
      log({ soort: 'tijdelijk-geplaatst', omschrijving: `Geen besluit op ${datum}: de leerling is tijdelijk geplaatst en ingeschreven (WPO art. 40) tot de school beslist` });
      bericht('tijdelijk-geplaatst', m.sleutel, [school, coordinator, ...ouders]);
    }
    afgehandeld.add(m.sleutel);
    gewijzigd();
  }


  // Start: the planned steps, with reminders already past recorded as skipped.
  log({ soort: 'aangemeld', omschrijving: `Schriftelijke aanmelding van ${formatDutchDate(input.aanmelddatum)} geregistreerd; beslissen uiterlijk ${formatDutchDate(oorspronkelijk.datum)}`, door: input.gestartDoor, gegevens: { beleid: policy.code } });
  for (const h of herinneringen(oorspronkelijk, policy, regio, input.kalender)) {
    if (toInstant(h.datum, tijden.herinnering, tijden.tijdzone) <= geplandOp) {
      log({ soort: 'herinnering-overgeslagen', omschrijving: `Herinnering van ${formatDutchDate(h.datum)} overgeslagen: dat moment lag al voor de registratie`, gegevens: { datum: h.datum } });
    }
  }
  upsertSearchAttributes([
    { key: ZaakType, value: 'zorgplicht' },
    { key: SchoolBrin, value: input.school.brin },
    { key: SwvCode, value: policy.code },
  ]);
  publiceer();
  // Registered once the start is recorded, so the first view already shows it.
  setHandler(viewUpdate, view);

  /**
   * P2 runs as a child: the impasse process climbs its ladder and a placement there closes this
   * case. When this case closes otherwise, the child is cancelled and records that it stopped.
   */
  let impasseScope: CancellationScope | undefined;
  let impasseLoopt: Promise<unknown> | undefined;
  function startImpasse(gemeld: NonNullable<typeof impasse>): void {
    impasseScope = new CancellationScope();
    impasseLoopt = impasseScope
      .run(async () => {
        const kind = await startChild(impasseWorkflow, {
          workflowId: `${id}-impasse`,
          args: [
            {
              leerling: { naam: input.leerling.naam },
              school: { brin: input.school.brin, naam: input.school.naam, regio: input.school.regio },
              kalender: input.kalender,
              beleid: policy,
              reden: gemeld.reden,
              aanleiding: 'zorgplicht',
              gemeldDoor: gemeld.door,
              zorgplichtZaak: id,
            },
          ],
          // A backstop for servers that cancel children when the parent closes.
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        });
        impasseZaak = kind.workflowId;
        log({ soort: 'impasse-gestart', omschrijving: `Impasseproces gestart (zaak ${kind.workflowId})`, gegevens: { impasseZaak: kind.workflowId } });
        gewijzigd();
        return kind.result();
      })
      .then((uitkomst) => {
        impasseScope = undefined;
        if (besluit || !uitkomst.geplaatst || !uitkomst.school) return;
        const hier = uitkomst.school.brin === input.school.brin;
        besluit = {
          uitkomst: hier ? 'toegelaten' : 'elders-toegelaten',
          reden: uitkomst.reden,
          door: uitkomst.door,
          op: nu(),
          details: hier ? { impasseNiveau: uitkomst.niveau } : { toelatendeSchool: uitkomst.school.naam, impasseNiveau: uitkomst.niveau },
        };
        log({ soort: `besluit:${besluit.uitkomst}`, omschrijving: `Geplaatst via de impasse (${uitkomst.niveau}) op ${uitkomst.school.naam}`, door: uitkomst.door, reden: uitkomst.reden, gegevens: besluit.details });
        gewijzigd();
      })
      .catch(() => {
        // Stopped or failed: this case stays open and its legal deadlines keep running.
        impasseScope = undefined;
      });
  }

  while (!besluit) {
    if (impasse && !impasseLoopt) {
      startImpasse(impasse);
      continue;
    }
    const volgende = planning()[0];
    const v = versie;
    if (!volgende) {
      // Nothing timed ahead (e.g. temporarily placed): wait for the school's decision.
      await condition(() => versie !== v);
      continue;
    }
    const wacht = volgende.at - Date.now();
    if (wacht > 0) {
      const iets = await condition(() => versie !== v, wacht);
      if (iets) continue;
    }
    voerUit(volgende);
  }
  if (impasseScope) {
    impasseScope.cancel();
    await impasseLoopt;
  }
  await condition(() => allHandlersFinished() && uitgaand.leeg);
  publiceer();
  return view();
}
