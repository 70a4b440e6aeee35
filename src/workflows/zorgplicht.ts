/**
 * P1 Zorgplicht after aanmelding (domain README P1; WPO art. 40): from the written aanmelding to a
 * legal outcome. The school is reminded before every deadline that is theirs; the 6-week deadline
 * is marked when it passes; at 10 weeks without a decision the pupil is temporarily placed.
 */
import { defineQuery, defineUpdate, ParentClosePolicy, setHandler } from '@temporalio/workflow';
import { formatDutchDate, toInstant } from '../domain/dates';
import {
  herinneringen,
  tijdelijkePlaatsingsdatum,
  verlengdeBeslisdatum,
  zorgplichtBeslisdatum,
  type Dated,
} from '../domain/deadlines';
import { zorgplichtMomenten, type ZorgplichtMoment } from '../domain/planning';
import type { Policy } from '../domain/policy';
import type { Ontvanger } from '../shared/bericht';
import type { ActorRef, DeadlineView, HerinneringView } from '../shared/zaak';
import type {
  Besluiten,
  EldersIngeschreven,
  ImpasseMelden,
  Verlengen,
  ZorgplichtInput,
  ZorgplichtStatus,
  ZorgplichtView,
} from '../shared/zorgplicht';
import { gronden, tlvSoorten, uitkomsten } from '../shared/zorgplichtUitkomsten';
import * as argument from './argumenten';
import { SchoolBrin, SwvCode, VolgendeDeadline, ZaakStatus, ZaakType } from '../temporal/searchAttributes';
import { impasse as impasseWorkflow } from './impasse';
import { Zaak } from './zaakkern';

export const statusQuery = defineQuery<ZorgplichtView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const viewUpdate = defineUpdate<ZorgplichtView>('view');
export const verlengenUpdate = defineUpdate<ZorgplichtView, [Verlengen]>('verlengen');
export const besluitenUpdate = defineUpdate<ZorgplichtView, [Besluiten]>('besluiten');
export const impasseMeldenUpdate = defineUpdate<ZorgplichtView, [ImpasseMelden]>('impasse-melden');
export const eldersIngeschrevenUpdate = defineUpdate<ZorgplichtView, [EldersIngeschreven]>('elders-ingeschreven');

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

/** Why a closed case takes no step (the workflow's validators and the API's answer for a closed case). */
export function zorgplichtGesloten(view: Pick<ZorgplichtView, 'besluit'>): string | undefined {
  const b = view.besluit;
  return b && `De zaak is gesloten: ${b.uitkomst} op ${b.op.slice(0, 10)}. Er kan geen stap meer worden gezet.`;
}

/** The state of one case, in one serializable object (what a continueAsNew would carry). */
interface Toestand {
  beslistermijn: Dated;
  /** Reminders at or before this moment are skipped: they were already past when planned. */
  geplandOp: number;
  termijnOverschreden: boolean;
  tijdelijkGeplaatst: boolean;
  ingeschrevenElders: ZorgplichtInput['ingeschrevenElders'];
  verlenging?: ZorgplichtView['verlenging'];
  impasse?: ZorgplichtView['impasse'];
  besluit?: ZorgplichtView['besluit'];
  impasseZaak?: string;
}

export async function zorgplicht(input: ZorgplichtInput): Promise<ZorgplichtView> {
  const policy = input.beleid;
  const regio = input.school.regio ?? policy.regio;
  const tijden = policy.tijden;
  const oorspronkelijk = zorgplichtBeslisdatum(input.aanmelddatum, policy);
  const plaatsing = tijdelijkePlaatsingsdatum(input.aanmelddatum, policy);
  const t: Toestand = {
    beslistermijn: oorspronkelijk,
    geplandOp: Date.now(),
    termijnOverschreden: false,
    tijdelijkGeplaatst: false,
    ingeschrevenElders: input.ingeschrevenElders,
  };
  const school: Ontvanger = { rol: 'school', email: input.school.email };
  const coordinator: Ontvanger = { rol: 'coordinator', email: input.coordinatorEmail };
  const ouders: Ontvanger[] = input.ouders.map((o) => ({ rol: 'ouders', email: o.email }));

  const status = (): ZorgplichtStatus => {
    if (t.besluit) return t.besluit.uitkomst;
    if (t.tijdelijkGeplaatst) return 'tijdelijk-geplaatst';
    if (t.impasse) return 'impasse';
    if (t.termijnOverschreden) return 'termijn-overschreden';
    if (t.verlenging) return 'verlengd';
    return 'in-onderzoek';
  };

  /** Every timed step still ahead, derived from the state: a decision or extension re-plans. */
  const planning = (): ZorgplichtMoment[] =>
    t.besluit ? [] : zaak.vooruit(zorgplichtMomenten({ ...t, plaatsing }, policy, regio, input.kalender));

  function view(): ZorgplichtView {
    const h = planning().find((m) => m.soort === 'herinnering');
    const volgendeHerinnering: HerinneringView | null = h
      ? { datum: h.datum, tijdstip: new Date(h.at).toISOString(), regel: h.regel, deadline: h.deadline.soort }
      : null;
    return {
      id: zaak.id,
      type: 'zorgplicht',
      status: status(),
      open: !t.besluit,
      beleid: policy.code,
      aanmelddatum: input.aanmelddatum,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      deadlines: zorgplichtDeadlines(t.beslistermijn, plaatsing, tijden),
      volgendeHerinnering,
      termijnOverschreden: t.termijnOverschreden,
      tijdelijkGeplaatst: t.tijdelijkGeplaatst,
      verlenging: t.verlenging,
      impasse: t.impasse && { ...t.impasse, zaakId: t.impasseZaak },
      ingeschrevenElders: t.ingeschrevenElders,
      besluit: t.besluit,
      tijdlijn: [...zaak.tijdlijn],
    };
  }

  const zaak: Zaak<ZorgplichtView> = new Zaak({
    brin: input.school.brin,
    coordinator,
    view,
    gesloten: () => zorgplichtGesloten(t),
    // Codes, status and dates only (no personal data).
    zoekvelden: () => {
      const open = planning().find((m) => m.soort !== 'herinnering');
      return [
        { key: ZaakStatus, value: status() },
        { key: VolgendeDeadline, value: open ? new Date(open.at) : null },
      ];
    },
    berichtGegevens: () => ({
      leerling: input.leerling.naam,
      school: input.school.naam,
      aanmelddatum: formatDutchDate(input.aanmelddatum),
      beslisdatum: formatDutchDate(t.beslistermijn.datum),
      beslisregel: t.beslistermijn.regel,
      plaatsingsdatum: formatDutchDate(plaatsing.datum),
      plaatsingsregel: plaatsing.regel,
      zaakId: zaak.id,
    }),
  });
  const wat = 'een zorgplichtzaak';

  setHandler(statusQuery, view);

  zaak.actie(
    verlengenUpdate,
    {
      vorm: (args) => {
        argument.geheelGetal(args.weken, 'weken', 1, 52);
        argument.reden(args.reden);
      },
      rollen: BESLISSERS,
      toestand: (args) => {
        if (t.verlenging)
          throw new Error(
            `De beslistermijn is al verlengd (op ${t.verlenging.op.slice(0, 10)}); de wet staat één verlenging toe.`,
          );
        if (t.tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst; verlengen kan niet meer.');
        if (Date.now() >= toInstant(oorspronkelijk.datum, tijden.deadline, tijden.tijdzone) || t.termijnOverschreden) {
          throw new Error(`Verlengen kan alleen vóór de beslisdatum (${formatDutchDate(oorspronkelijk.datum)}).`);
        }
        const max = policy.zorgplicht.verlengingMaxWeken;
        if (args.weken > max.waarde)
          throw new Error(`Verlengen kan met ten hoogste ${max.waarde} weken (${max.regel}).`);
      },
      voerUit: ({ weken, reden, door }) => {
        t.verlenging = { weken, reden, door, op: zaak.nu() };
        t.beslistermijn = verlengdeBeslisdatum(input.aanmelddatum, weken, policy);
        t.geplandOp = Date.now();
        zaak.noteer({
          soort: 'verlengd',
          omschrijving: `Beslistermijn eenmaal verlengd met ${weken} weken tot ${formatDutchDate(t.beslistermijn.datum)}`,
          door,
          reden,
          gegevens: { weken, beslisdatum: t.beslistermijn.datum },
        });
        // WPO art. 40: the parents are told of the extension in writing.
        zaak.bericht('verlenging-ouders', `verlenging/${t.beslistermijn.datum}`, ouders, {
          weken: String(weken),
          reden,
        });
      },
    },
    wat,
  );

  zaak.actie(
    besluitenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.uitkomst, uitkomsten, 'uitkomst');
        argument.reden(args.reden);
        // WPO art. 40: refusal is only lawful once another school has agreed to admit the pupil.
        if (args.uitkomst === 'elders-toegelaten') argument.schoolRef(args.toelatendeSchool, 'toelatendeSchool');
        if (args.uitkomst === 'geen-zorgplicht') argument.keuze(args.grond, gronden, 'grond');
        if (args.uitkomst === 'tlv-aangevraagd' && args.soort !== undefined)
          argument.keuze(args.soort, tlvSoorten, 'soort');
      },
      rollen: BESLISSERS,
      voerUit: (args) => {
        const details: Record<string, string> = {};
        if (args.uitkomst === 'elders-toegelaten') details.toelatendeSchool = args.toelatendeSchool.naam;
        if (args.uitkomst === 'geen-zorgplicht') details.grond = args.grond;
        if (args.uitkomst === 'tlv-aangevraagd' && args.soort) details.soort = args.soort;
        t.besluit = { uitkomst: args.uitkomst, reden: args.reden, door: args.door, op: zaak.nu(), details };
        const geplaatst = t.tijdelijkGeplaatst;
        const omschrijving: Record<typeof args.uitkomst, string> = {
          toegelaten: geplaatst ? 'Toegelaten: de tijdelijke plaatsing is definitief' : 'Toegelaten op deze school',
          'elders-toegelaten': `Toegelaten op een andere school${geplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
          'tlv-aangevraagd': 'TLV aangevraagd: de zaak gaat over naar het TLV-proces',
          'geen-zorgplicht': `Geen zorgplicht (${details.grond})${geplaatst ? '; de tijdelijke plaatsing eindigt' : ''}`,
          ingetrokken: 'Aanmelding ingetrokken door de ouders',
        };
        zaak.noteer({
          soort: `besluit:${args.uitkomst}`,
          omschrijving: omschrijving[args.uitkomst],
          door: args.door,
          reden: args.reden,
          gegevens: details,
        });
      },
    },
    wat,
  );

  zaak.actie(
    impasseMeldenUpdate,
    {
      vorm: (args) => argument.reden(args.reden),
      rollen: BESLISSERS,
      toestand: () => {
        if (t.impasse) throw new Error(`Er is al een impasse gemeld (op ${t.impasse.op.slice(0, 10)}).`);
      },
      voerUit: ({ reden, door }) => {
        t.impasse = { reden, door, op: zaak.nu() };
        zaak.noteer({
          soort: 'impasse',
          omschrijving: 'Impasse gemeld: de school vindt geen passende plek. De wettelijke termijnen lopen door.',
          door,
          reden,
        });
        zaak.bericht('impasse-coordinator', 'impasse', [coordinator], { reden });
      },
    },
    wat,
  );

  zaak.actie(
    eldersIngeschrevenUpdate,
    {
      vorm: (args) => {
        argument.schoolRef(args.school);
        if (args.reden !== undefined) argument.reden(args.reden);
      },
      // It switches off the temporary placement of WPO art. 40: the SWV records it, not the school.
      rollen: ['coordinator'],
      toestand: () => {
        if (t.tijdelijkGeplaatst) throw new Error('De leerling is al tijdelijk geplaatst.');
      },
      voerUit: (args) => {
        t.ingeschrevenElders = args.school;
        zaak.noteer({
          soort: 'elders-ingeschreven',
          omschrijving: `Leerling staat ingeschreven op een andere school (${args.school.naam}): geen tijdelijke plaatsing na 10 weken`,
          door: args.door,
          reden: args.reden,
        });
      },
    },
    wat,
  );

  function voerUit(m: ZorgplichtMoment): void {
    const datum = formatDutchDate(m.deadline.datum);
    if (m.soort === 'herinnering') {
      const verwacht =
        m.deadline.soort === 'beslistermijn'
          ? `uiterlijk ${datum} een besluit over de toelating`
          : `een besluit vóór ${datum}; anders wordt de leerling dan tijdelijk geplaatst`;
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering aan de school: ${verwacht}`,
        gegevens: { deadline: m.deadline.soort, datum: m.datum },
      });
      // Late (SMTP trouble) and the school decided, or the deadline moved: not worth sending any more.
      const deadline = m.deadline;
      zaak.bericht(
        'herinnering-school',
        m.sleutel,
        [school],
        { deadlinedatum: datum, verwacht, regel: m.regel },
        () =>
          !t.besluit &&
          (deadline.soort === 'beslistermijn' ? deadline.datum === t.beslistermijn.datum : !t.tijdelijkGeplaatst),
      );
    } else if (m.soort === 'termijn-overschreden') {
      t.termijnOverschreden = true;
      zaak.noteer({
        soort: 'termijn-overschreden',
        omschrijving: `Beslistermijn verstreken op ${datum} zonder besluit${t.verlenging ? ' (na verlenging)' : ' of verlenging'}`,
        gegevens: { datum: m.deadline.datum },
      });
      zaak.bericht('termijn-overschreden', m.sleutel, [school, coordinator], t.verlenging ? { verlengd: 'ja' } : {});
    } else if (t.ingeschrevenElders) {
      zaak.noteer({
        soort: 'geen-tijdelijke-plaatsing',
        omschrijving: `Geen besluit na 10 weken, maar de leerling staat ingeschreven op ${t.ingeschrevenElders.naam}: geen tijdelijke plaatsing`,
      });
      zaak.bericht('geen-tijdelijke-plaatsing', m.sleutel, [school, coordinator]);
    } else {
      t.tijdelijkGeplaatst = true;
      zaak.noteer({
        soort: 'tijdelijk-geplaatst',
        omschrijving: `Geen besluit op ${datum}: de leerling is tijdelijk geplaatst en ingeschreven (WPO art. 40) tot de school beslist`,
      });
      zaak.bericht('tijdelijk-geplaatst', m.sleutel, [school, coordinator, ...ouders]);
    }
  }

  // Start: the planned steps, with reminders already past recorded as skipped.
  zaak.noteer({
    soort: 'aangemeld',
    omschrijving: `Schriftelijke aanmelding van ${formatDutchDate(input.aanmelddatum)} geregistreerd; beslissen uiterlijk ${formatDutchDate(oorspronkelijk.datum)}`,
    door: input.gestartDoor,
    gegevens: { beleid: policy.code },
  });
  for (const h of herinneringen(oorspronkelijk, policy, regio, input.kalender)) {
    if (toInstant(h.datum, tijden.herinnering, tijden.tijdzone) <= t.geplandOp) {
      zaak.noteer({
        soort: 'herinnering-overgeslagen',
        omschrijving: `Herinnering van ${formatDutchDate(h.datum)} overgeslagen: dat moment lag al voor de registratie`,
        gegevens: { datum: h.datum },
      });
    }
  }
  zaak.start(
    [
      { key: ZaakType, value: 'zorgplicht' },
      { key: SchoolBrin, value: input.school.brin },
      { key: SwvCode, value: policy.code },
    ],
    viewUpdate,
  );

  /**
   * P2 runs as a linked child: the impasse climbs its ladder and a placement there closes this case.
   * When this case closes otherwise, the child is cancelled and records that it stopped.
   */
  let impasseGestart = false;
  const startImpasse = (gemeld: NonNullable<Toestand['impasse']>) =>
    zaak.koppel(
      impasseWorkflow,
      {
        workflowId: `${zaak.id}-impasse`,
        args: [
          {
            leerling: { naam: input.leerling.naam },
            school: { brin: input.school.brin, naam: input.school.naam, regio: input.school.regio },
            kalender: input.kalender,
            beleid: policy,
            reden: gemeld.reden,
            aanleiding: 'zorgplicht',
            gemeldDoor: gemeld.door,
            zorgplichtZaak: zaak.id,
            coordinatorEmail: input.coordinatorEmail,
          },
        ],
        // A backstop for servers that cancel children when the parent closes.
        parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      },
      {
        gestart: (kind) => {
          t.impasseZaak = kind;
          zaak.noteer({
            soort: 'impasse-gestart',
            omschrijving: `Impasseproces gestart (zaak ${kind})`,
            gegevens: { impasseZaak: kind },
          });
        },
        klaar: (uitkomst) => {
          if (t.besluit || !uitkomst.geplaatst || !uitkomst.school) return;
          const hier = uitkomst.school.brin === input.school.brin;
          t.besluit = {
            uitkomst: hier ? 'toegelaten' : 'elders-toegelaten',
            reden: uitkomst.reden,
            door: uitkomst.door,
            op: zaak.nu(),
            details: hier
              ? { impasseNiveau: uitkomst.niveau }
              : { toelatendeSchool: uitkomst.school.naam, impasseNiveau: uitkomst.niveau },
          };
          zaak.noteer({
            soort: `besluit:${t.besluit.uitkomst}`,
            omschrijving: `Geplaatst via de impasse (${uitkomst.niveau}) op ${uitkomst.school.naam}`,
            door: uitkomst.door,
            reden: uitkomst.reden,
            gegevens: t.besluit.details,
          });
          zaak.gewijzigd();
        },
      },
    );

  await zaak.plan({
    zolang: () => !t.besluit,
    planning,
    voerUit,
    tussendoor: () => {
      if (!t.impasse || impasseGestart) return false;
      impasseGestart = true;
      startImpasse(t.impasse);
      return true;
    },
  });
  await zaak.afronden();
  // Once more at the end, as every case has done since P1 landed: their histories hold it.
  zaak.publiceer();
  return view();
}
