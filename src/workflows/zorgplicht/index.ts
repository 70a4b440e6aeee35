/**
 * P1 Zorgplicht after aanmelding (domain README P1; WPO art. 40): from the written aanmelding to a
 * legal outcome. The school is reminded before every deadline that is theirs; the 6-week deadline
 * is marked when it passes; at 10 weeks without a decision the pupil is temporarily placed.
 */
import { defineQuery, defineUpdate, patched, setHandler } from '@temporalio/workflow';
import { formatDutchDate, toInstant } from '../../domain/dates';
import { nonSchoolDayReason, schoolHolidayOn } from '../../domain/holidays';
import {
  herinneringen,
  termijnVerstreken,
  tijdelijkePlaatsingsdatum,
  zorgplichtBeslisdatum,
  type Dated,
} from '../../domain/deadlines';
import { zorgplichtMomenten, type ZorgplichtMoment } from '../../domain/planning';
import type { Policy } from '../../domain/policy';
import type { DeadlineView, HerinneringView } from '../../shared/zaak';
import type { ZorgplichtInput, ZorgplichtStatus, ZorgplichtView } from '../../shared/zorgplicht';
import { SchoolBrin, SwvCode, VolgendeDeadline, ZaakStatus, ZaakType } from '../../temporal/searchAttributes';
import { Zaak } from '../zaakkern';
import { zorgplichtActies } from './acties';
import { koppelImpasse } from './impasse';
import { koppelTlv, luisterNaarTlv } from './tlv';
import { zorgplichtMoment } from './momenten';
import type { Toestand, Zorgplichtzaak } from './toestand';

export {
  besluitenUpdate,
  eldersIngeschrevenUpdate,
  impasseMeldenUpdate,
  informatieOntvangenUpdate,
  informatieVragenUpdate,
  oudergesprekUpdate,
  verlengenUpdate,
} from './acties';

export const statusQuery = defineQuery<ZorgplichtView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const viewUpdate = defineUpdate<ZorgplichtView>('view');

/** The two legal deadlines as every view shows them, with the moment the product acts on each. */
function zorgplichtDeadlines(beslistermijn: Dated, plaatsing: Dated, policy: Policy): DeadlineView[] {
  const tijdstip = (d: Dated) => new Date(termijnVerstreken(d.datum, policy)).toISOString();
  return [
    { soort: 'beslistermijn', ...beslistermijn, tijdstip: tijdstip(beslistermijn) },
    { soort: 'tijdelijke-plaatsing', ...plaatsing, tijdstip: tijdstip(plaatsing) },
  ];
}

/** Why a closed case takes no step (the workflow's validators and the API's answer for a closed case). */
export function zorgplichtGesloten(view: Pick<ZorgplichtView, 'besluit'>): string | undefined {
  const b = view.besluit;
  return b && `De zaak is gesloten: ${b.uitkomst} op ${b.op.slice(0, 10)}. Er kan geen stap meer worden gezet.`;
}

export async function zorgplicht(input: ZorgplichtInput): Promise<ZorgplichtView> {
  // Goede Vrijdag and the decreed days (Algemene termijnenwet art. 3), and a term over at the end of
  // its last day: cases started before that correction keep the calculation their history holds.
  const policy = patched('termijnen-atw-einde-dag')
    ? input.beleid
    : { ...input.beleid, rekenwijze: 'voor-2026-12' as const };
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
    oudergesprekken: [],
    informatieverzoeken: [],
  };
  const coordinator = { rol: 'coordinator' as const, email: input.coordinatorEmail };
  const ouders = input.ouders.map((o) => ({ rol: 'ouders' as const, email: o.email }));

  const status = (): ZorgplichtStatus => {
    if (t.besluit) return t.besluit.uitkomst;
    if (t.tijdelijkGeplaatst) return 'tijdelijk-geplaatst';
    if (t.impasse && !t.impasse.gestopt) return 'impasse';
    if (t.termijnOverschreden) return 'termijn-overschreden';
    // A TLV running: the case waits for it (its terms still run).
    if (t.tlv && !['afgewezen', 'ingetrokken'].includes(t.tlv.besluit?.uitkomst ?? '')) return 'tlv-aangevraagd';
    if (t.verlenging) return 'verlengd';
    return 'in-onderzoek';
  };

  /** Every timed step still ahead, derived from the state: a decision or extension re-plans. */
  const planning = (): ZorgplichtMoment[] =>
    t.besluit ? [] : zaak.vooruit(zorgplichtMomenten({ ...t, plaatsing }, policy, regio, input.kalender));

  function view(): ZorgplichtView {
    const h = planning().find((m) => m.soort === 'herinnering' || m.soort === 'laatste-dag');
    const volgendeHerinnering: HerinneringView | null = h
      ? { datum: h.datum, tijdstip: new Date(h.at).toISOString(), regel: h.regel, deadline: h.deadline.soort }
      : null;
    return {
      id: zaak.id,
      type: 'zorgplicht',
      status: status(),
      open: !t.besluit,
      beleid: policy.code,
      ...(policy.versie ? { beleidsversie: policy.versie } : {}),
      aanmelddatum: input.aanmelddatum,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      deadlines: zorgplichtDeadlines(t.beslistermijn, plaatsing, policy),
      volgendeHerinnering,
      termijnOverschreden: t.termijnOverschreden,
      tijdelijkGeplaatst: t.tijdelijkGeplaatst,
      verlenging: t.verlenging,
      oudergesprekken: [...t.oudergesprekken],
      informatieverzoeken: t.informatieverzoeken.map((v) => ({ ...v })),
      impasse: t.impasse && { ...t.impasse, zaakId: t.impasseZaak },
      ingeschrevenElders: t.ingeschrevenElders,
      besluit: t.besluit,
      ...(t.thuiszitter ? { thuiszitter: { ...t.thuiszitter } } : {}),
      ...(t.tlv
        ? {
            tlv: {
              zaakId: t.tlv.zaakId,
              ...(t.tlv.soort ? { soort: t.tlv.soort } : {}),
              door: t.tlv.door,
              op: t.tlv.op,
              ...(t.tlv.besluit ? { besluit: t.tlv.besluit } : {}),
            },
          }
        : {}),
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
      const open = planning().find((m) => m.soort === 'termijn-overschreden' || m.soort === 'tijdelijke-plaatsing');
      return [
        { key: ZaakStatus, value: status() },
        { key: VolgendeDeadline, value: open ? new Date(open.at) : null },
      ];
    },
    berichtGegevens: () => ({
      leerling: input.leerling.naam,
      school: input.school.naam,
      schoolEmail: input.school.email,
      aanmelddatum: formatDutchDate(input.aanmelddatum),
      beslisdatum: formatDutchDate(t.beslistermijn.datum),
      beslisregel: t.beslistermijn.regel,
      plaatsingsdatum: formatDutchDate(plaatsing.datum),
      plaatsingsregel: plaatsing.regel,
      zaakId: zaak.id,
    }),
  });
  const z: Zorgplichtzaak = {
    zaak,
    t,
    input,
    policy,
    oorspronkelijk,
    plaatsing,
    aan: { school: { rol: 'school', email: input.school.email }, coordinator, ouders },
  };

  setHandler(statusQuery, view);
  zorgplichtActies(z);
  luisterNaarTlv(z);

  // Start: the planned steps, with reminders already past recorded as skipped.
  zaak.noteer({
    soort: 'aangemeld',
    omschrijving: `Schriftelijke aanmelding van ${formatDutchDate(input.aanmelddatum)} geregistreerd; beslissen uiterlijk ${formatDutchDate(oorspronkelijk.datum)}`,
    door: input.gestartDoor,
    gegevens: { beleid: policy.code },
  });
  // A deadline still ahead in a school holiday: the coordinator knows it from the start (cases of before 2026-12 did not).
  const vakantie =
    policy.rekenwijze === 'voor-2026-12' || termijnVerstreken(oorspronkelijk.datum, policy) <= t.geplandOp
      ? undefined
      : nonSchoolDayReason(oorspronkelijk.datum, regio, input.kalender);
  if (vakantie && schoolHolidayOn(oorspronkelijk.datum, regio, input.kalender)) {
    zaak.noteer({
      soort: 'termijn-in-vakantie',
      omschrijving: `De beslisdatum ${formatDutchDate(oorspronkelijk.datum)} valt in de ${vakantie}: de herinneringen aan de school gaan in de schoolweken ervoor`,
      gegevens: { datum: oorspronkelijk.datum },
    });
    zaak.bericht('termijn-in-vakantie', 'termijn-in-vakantie', [coordinator], { vakantie });
  }
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

  let impasseGestart = false;
  await zaak.plan({
    zolang: () => !t.besluit,
    planning,
    voerUit: (m) => zorgplichtMoment(z, m),
    tussendoor: () => {
      if (t.tlv && !t.tlv.gestart) {
        koppelTlv(z);
        return true;
      }
      if (!t.impasse || impasseGestart) return false;
      impasseGestart = true;
      koppelImpasse(z, t.impasse);
      return true;
    },
  });
  await zaak.afronden();
  // Once more at the end, as every case has done since P1 landed: their histories hold it.
  zaak.publiceer();
  return view();
}
