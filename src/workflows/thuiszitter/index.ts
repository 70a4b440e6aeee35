/**
 * P5 Thuiszitters (domain README P5; issue 16): a child at home is a case with a target date. An
 * enrolled pupil away longer than four weeks for whatever reason but illness or vrijstelling becomes
 * a thuiszitter on that day (seed 001 L1777); a pupil enrolled nowhere is one at once. The plan van
 * aanpak's agreements are reminded and marked late; the coordinator is reminded before the target
 * (three months, per policy: seed 000 L450, seed 004 L282) and the directeur told once past it; a
 * vrijstelling (only with the SWV, for a fixed period) moves the target on and is reminded before it
 * ends. The case closes with the return to school or an offer elsewhere, and how long it took.
 */
import { defineQuery, defineUpdate, patched, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { compareDates, formatDutchDate, toInstant, toIsoDate } from '../../domain/dates';
import type { Dated } from '../../domain/deadlines';
import { opgeschoven, thuiszitterStreefdatum, thuiszitterVanaf, vrijstellingEinde } from '../../domain/thuiszitters';
import type { ThuiszitterInput, ThuiszitterRapportRegel, ThuiszitterView } from '../../shared/thuiszitter';
import type { DeadlineView } from '../../shared/zaak';
import {
  SchoolBrin,
  SwvCode,
  VolgendeDeadline,
  ZaakSinds,
  ZaakStatus,
  ZaakType,
} from '../../temporal/searchAttributes';
import { Zaak } from '../zaakkern';
import { thuiszitterActies } from './acties';
import { meldBijOpenen } from './melden';
import { thuiszitterMoment, thuiszitterMomenten } from './momenten';
import { luisterNaarPlaatsing } from './plaatsing';
import type { Thuiszitterzaak, Toestand } from './toestand';

export {
  afsluitenUpdate,
  afspraakGedaanUpdate,
  afspraakUpdate,
  afwezigheidUpdate,
  afwijzenUpdate,
  vrijstellingUpdate,
} from './acties';

export const thuiszitterStatusQuery = defineQuery<ThuiszitterView>('status');
/** For the reports (issue 16 item 6): codes and dates only. */
export const thuiszitterRapportQuery = defineQuery<ThuiszitterRapportRegel>('rapport');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const thuiszitterViewUpdate = defineUpdate<ThuiszitterView>('view');

/** Why a closed case takes no step (the workflow's validators and the API's answer for a closed case). */
export function thuiszitterGesloten(view: Pick<ThuiszitterView, 'uitkomst' | 'afgewezen'>): string | undefined {
  if (view.afgewezen)
    return `De zaak is afgewezen: geen thuiszitter (${view.afgewezen.op.slice(0, 10)}). Er kan geen stap meer worden gezet.`;
  const u = view.uitkomst;
  if (!u) return undefined;
  return `De zaak is gesloten: ${u.uitkomst === 'aanbod-elders' ? 'een aanbod elders' : 'terug naar school'} vanaf ${u.datum}. Er kan geen stap meer worden gezet.`;
}

const { thuiszitterBeleid } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

export async function thuiszitter(input: ThuiszitterInput): Promise<ThuiszitterView['uitkomst'] | null> {
  // Opened from a case whose policy snapshot predates the thuiszitter rules: its policy's current ones.
  const beleid = input.beleid.thuiszitters
    ? input.beleid
    : { ...input.beleid, thuiszitters: await thuiszitterBeleid({ beleid: input.beleid.code }) };
  const { tijdzone } = beleid.tijden;
  const geregistreerd = Date.now();
  const vandaag = () => toIsoDate(Date.now(), tijdzone);

  const t: Toestand = {
    redenGroep: input.redenGroep,
    reden: input.reden,
    afspraken: [],
    vrijstellingen: [],
    streefVerstreken: false,
    redenSinds: input.sinds,
    streefGezet: geregistreerd,
  };
  if (!input.school) {
    // Enrolled nowhere (absoluut verzuim): a thuiszitter from the first day, whatever the reason.
    t.thuiszitterSinds = input.sinds;
    t.telVanaf = input.sinds;
  } else if (input.redenGroep !== 'ziekte') {
    t.telVanaf = input.sinds;
  }
  const open = () => !t.uitkomst && !t.afgewezen;
  const vrijgesteld = () =>
    t.vrijstellingen.some((v) => compareDates(v.van, vandaag()) <= 0 && compareDates(vandaag(), v.tot) < 0);

  /** The target: from the first day of the absence that counts (an illness before it does not). */
  const streefdatum = (): Dated => {
    const vanaf = t.telVanaf ?? input.sinds;
    return opgeschoven(thuiszitterStreefdatum(vanaf, beleid), t.vrijstellingen, vanaf);
  };

  const status = (): ThuiszitterView['status'] => {
    if (t.afgewezen) return 'afgewezen';
    if (t.uitkomst) return t.uitkomst.uitkomst === 'aanbod-elders' ? 'aanbod-elders' : 'teruggekeerd';
    if (vrijgesteld()) return 'vrijstelling';
    if (t.streefVerstreken) return 'streefdatum-verstreken';
    return t.thuiszitterSinds ? 'thuiszitter' : 'dreigend';
  };

  /** The day an enrolled child counts as a thuiszitter, moved on by days under a vrijstelling (they do not count). */
  const drempel = (): Dated | undefined =>
    t.thuiszitterSinds || !t.telVanaf
      ? undefined
      : opgeschoven(thuiszitterVanaf(t.telVanaf, beleid), t.vrijstellingen, t.telVanaf);

  const planning = () => thuiszitterMomenten(z, drempel);

  function deadlines(): DeadlineView[] {
    const uit: DeadlineView[] = [];
    const om = (datum: string, tijd: string) => new Date(toInstant(datum, tijd, tijdzone)).toISOString();
    if (!open()) return uit;
    const d = drempel();
    if (d) uit.push({ soort: 'thuiszitter-vanaf', ...d, tijdstip: om(d.datum, beleid.tijden.herinnering) });
    const s = streefdatum();
    uit.push({ soort: 'streefdatum', ...s, tijdstip: om(s.datum, beleid.tijden.deadline) });
    t.vrijstellingen.forEach((v, i) => {
      if (compareDates(v.tot, vandaag()) > 0)
        uit.push({
          soort: `vrijstelling-${i + 1}`,
          ...vrijstellingEinde(v.tot, beleid),
          tijdstip: om(v.tot, beleid.tijden.herinnering),
        });
    });
    for (const a of t.afspraken)
      if (!a.gedaan)
        uit.push({
          soort: `afspraak-${a.nummer}`,
          datum: a.uiterlijk,
          regel: `plan van aanpak, afspraak ${a.nummer} (${a.wie})`,
          tijdstip: om(a.uiterlijk, beleid.tijden.deadline),
        });
    return uit;
  }

  function view(): ThuiszitterView {
    const h = open() ? planning().find((m) => m.soort.endsWith('herinnering')) : undefined;
    const s = streefdatum();
    return {
      id: zaak.id,
      type: 'thuiszitter',
      status: status(),
      open: open(),
      beleid: beleid.code,
      ...(beleid.versie ? { beleidsversie: beleid.versie } : {}),
      leerling: { naam: input.leerling.naam },
      ...(input.school ? { school: { brin: input.school.brin, naam: input.school.naam } } : {}),
      verzuim: input.school ? 'relatief' : 'absoluut',
      sinds: input.sinds,
      redenGroep: t.redenGroep,
      ...(t.thuiszitterSinds ? { thuiszitterSinds: t.thuiszitterSinds } : {}),
      streefdatum: { datum: s.datum, regel: s.regel },
      afspraken: t.afspraken,
      vrijstellingen: t.vrijstellingen,
      deadlines: deadlines(),
      volgendeHerinnering: h
        ? {
            datum: h.datum,
            tijdstip: new Date(h.at).toISOString(),
            regel: h.regel,
            deadline: 'nummer' in h ? `${h.soort.split('-')[0]}-${h.nummer}` : 'streefdatum',
          }
        : null,
      ...(t.uitkomst ? { uitkomst: t.uitkomst } : {}),
      ...(input.aanleiding ? { aanleiding: input.aanleiding } : {}),
      ...(t.afgewezen ? { afgewezen: t.afgewezen } : {}),
      ...(t.plaatsing ? { plaatsing: t.plaatsing } : {}),
      tijdlijn: [...zaak.tijdlijn],
    };
  }

  const aan: Thuiszitterzaak['aan'] = {
    school: input.school?.email ? [{ rol: 'school', email: input.school.email }] : [],
    coordinator: { rol: 'coordinator', email: input.coordinatorEmail },
    ouders: input.ouders.map((o) => ({ rol: 'ouders', email: o.email })),
  };
  const zaak: Zaak<ThuiszitterView> = new Zaak({
    brin: input.school?.brin ?? '',
    coordinator: aan.coordinator,
    view,
    gesloten: () => thuiszitterGesloten({ uitkomst: t.uitkomst, afgewezen: t.afgewezen }),
    // Codes and dates only.
    zoekvelden: () => {
      const volgende = planning().find((m) => !m.soort.endsWith('herinnering'));
      return [
        { key: ZaakStatus, value: status() },
        { key: VolgendeDeadline, value: open() && volgende ? new Date(volgende.at) : null },
      ];
    },
    berichtGegevens: () => {
      const s = streefdatum();
      return {
        zaakId: zaak.id,
        leerling: input.leerling.naam,
        school: input.school?.naam ?? '',
        sinds: formatDutchDate(input.sinds),
        streefdatum: formatDutchDate(s.datum),
        streefregel: s.regel,
      };
    },
  });

  const z: Thuiszitterzaak = { zaak, t, input, beleid, vandaag, open, vrijgesteld, streefdatum, drempel, aan };
  setHandler(thuiszitterStatusQuery, view);
  setHandler(thuiszitterRapportQuery, (): ThuiszitterRapportRegel => ({
    zaakId: zaak.id,
    beleid: beleid.code,
    sinds: input.sinds,
    ...(t.telVanaf ? { telVanaf: t.telVanaf } : {}),
    ...(t.thuiszitterSinds ? { thuiszitterSinds: t.thuiszitterSinds } : {}),
    streefdatum: streefdatum().datum,
    verzuim: input.school ? 'relatief' : 'absoluut',
    redenGroep: t.redenGroep,
    status: status(),
    vrijstellingen: t.vrijstellingen.map((v) => ({ van: v.van, tot: v.tot })),
    ...(t.uitkomst ? { uitkomst: t.uitkomst.uitkomst, einddatum: t.uitkomst.datum } : {}),
  }));
  thuiszitterActies(z);
  luisterNaarPlaatsing(z);

  zaak.noteer({
    soort: input.aanleiding ? 'automatisch-geopend' : 'gemeld',
    omschrijving:
      (input.aanleiding ? 'Automatisch geopend: een andere zaak wist dat de leerling thuiszit (aanleiding). ' : '') +
      (input.school
        ? `Thuis sinds ${formatDutchDate(input.sinds)}, ingeschreven op ${input.school.naam}${t.telVanaf ? '' : ' (ziek: telt niet als thuiszitter)'}`
        : `Thuis sinds ${formatDutchDate(input.sinds)}, nergens ingeschreven (absoluut verzuim): een thuiszitter`),
    door: input.gestartDoor,
    reden: input.reden,
    // Which case and rule: in the data, which a school does not read (inzage.intern).
    gegevens: {
      redenGroep: input.redenGroep,
      ...(input.aanleiding ? { aanleiding: input.aanleiding.zaakId, regel: input.aanleiding.regel } : {}),
    },
  });
  // A threshold already past at the report (a pupil reported weeks after the first day): a
  // thuiszitter from the start, so the answer to the report says so. Cases of before took it later.
  const d = drempel();
  const drempelOm = d && toInstant(d.datum, beleid.tijden.herinnering, tijdzone);
  if (d && drempelOm! <= geregistreerd && patched('thuiszitter-drempel-bij-start'))
    thuiszitterMoment(z, { soort: 'drempel', sleutel: `drempel/${d.datum}`, at: drempelOm!, ...d });
  // Who hears of it at once: the coordinator of a case someone else opened; Almere's board and leerplicht.
  if (patched('thuiszitter-melden')) meldBijOpenen(z, drempel());
  zaak.start(
    [
      { key: ZaakType, value: 'thuiszitter' },
      ...(input.school ? [{ key: SchoolBrin, value: input.school.brin }] : []),
      { key: SwvCode, value: beleid.code },
      { key: ZaakSinds, value: input.sinds },
    ],
    thuiszitterViewUpdate,
  );

  await zaak.plan({ zolang: open, planning, voerUit: (m) => thuiszitterMoment(z, m) });
  await zaak.afronden();
  return t.uitkomst ?? null;
}
