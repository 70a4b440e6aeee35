/**
 * P4 Terugplaatsing stappenplan (domain README P4; seed 001 Bijlage L2039–2146, policy L2016–2036),
 * or, where the policy says so, VO Groningen Stad's phases VSO → VO (seed 004 L347–355, fasen.ts):
 * from S(B)O back to a regular school, sub-step by sub-step. Every step is recorded with who, when
 * and what; the parents' consent gates the sharing of the groeidocument/OPP per school; no school
 * found even with the OA's help starts a plaatsingstafel (an impasse child); a negative decision goes
 * back to Stap 2; the evaluation within six weeks of the start is reminded and never slips silently;
 * a step of Stap 1–3 that stalls past the policy's service level is shown to the coordinator.
 */
import {
  defineQuery,
  defineUpdate,
  getExternalWorkflowHandle,
  patched,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Policy } from '../../domain/policy';
import { formatDutchDate, toInstant, toIsoDate } from '../../domain/dates';
import type { Dated } from '../../domain/deadlines';
import { terugplaatsingMomenten, type TerugplaatsingMoment } from '../../domain/planning';
import { terugplaatsingServiceniveau, terugplaatsingEvaluatiedatum } from '../../domain/terugplaatsing';
import type {
  StapCode,
  TerugplaatsingInput,
  TerugplaatsingRapportRegel,
  TerugplaatsingUitkomst,
  TerugplaatsingView,
} from '../../shared/terugplaatsing';
import { fasen, stappen, type Stapnummer } from '../../shared/terugplaatsingStappen';
import type { DeadlineView } from '../../shared/zaak';
import {
  BetrokkenScholen,
  SchoolBrin,
  SwvCode,
  VolgendeDeadline,
  VolgendeStap,
  ZaakSinds,
  ZaakStatus,
  ZaakType,
} from '../../temporal/searchAttributes';
import { terugplaatsingUitkomstSignal } from '../tlv/signalen';
import { Zaak } from '../zaakkern';
import { terugplaatsingActies } from './acties';
import { checklist, volgendeStap } from './checklist';
import { faseActies, faseChecklist, volgendeFase } from './fasen';
import { terugplaatsingMoment } from './momenten';
import type { Terugplaatsingzaak, Toestand } from './toestand';

export { stapUpdate, stoppenUpdate, toestemmingUpdate } from './acties';
export { faseUpdate } from './fasen';

export const terugplaatsingStatusQuery = defineQuery<TerugplaatsingView>('status');
/** For the yearly evaluation (Stap 5): codes and dates only. */
export const terugplaatsingRapportQuery = defineQuery<TerugplaatsingRapportRegel>('rapport');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const terugplaatsingViewUpdate = defineUpdate<TerugplaatsingView>('view');

/** Why a closed terugplaatsing takes no step (the workflow's validators and the API's answer for a closed case). */
export function terugplaatsingGesloten(view: Pick<TerugplaatsingView, 'uitkomst'>): string | undefined {
  const u = view.uitkomst;
  if (!u) return undefined;
  const wanneer = ` (${u.op.slice(0, 10)})`;
  if (u.uitkomst === 'teruggeplaatst')
    return `De terugplaatsing is afgerond: de leerling blijft op ${u.school?.naam ?? 'de ontvangende school'}${wanneer}. Er kan geen stap meer worden gezet.`;
  if (u.uitkomst === 'niet-wenselijk')
    return `De terugplaatsing is niet wenselijk bevonden${wanneer}. Er kan geen stap meer worden gezet.`;
  return `De terugplaatsing is gestopt${wanneer}. Er kan geen stap meer worden gezet.`;
}

const { terugplaatsingBeleid } = proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds' });

export async function terugplaatsing(input: TerugplaatsingInput): Promise<TerugplaatsingUitkomst> {
  // Started from a TLV whose policy snapshot predates the terugplaatsing (issue 13): its current
  // settings are asked once the handlers are there (an Update before them would be refused).
  let beleid: Policy = input.beleid;
  const { tijdzone } = beleid.tijden;
  const regio = input.school.regio ?? beleid.regio;
  const vandaag = () => toIsoDate(Date.now(), tijdzone);
  const gestart = input.gesignaleerdOp ?? vandaag();
  // The policy's variant, fixed at the start: VO Groningen's phases, or the stappenplan (also for a
  // case of that policy started before the phases were climbed: its policy carried them as data only).
  const variant =
    input.beleid.terugplaatsing?.variant?.soort === 'vso-vo' && patched('terugplaatsing-vso-vo')
      ? 'vso-vo'
      : 'stappenplan';
  const t: Toestand = {
    stappen: {},
    fasen: {},
    contact: [],
    gedeeld: [],
    toestemmingen: [],
    symbiose: false,
    evaluatieTeLaat: false,
    laatsteVoortgang: Date.now(),
    vastgelopen: null,
    eerdereRondes: [],
    ronde: 1,
  };
  const open = () => !t.uitkomst;

  const evaluatiedatum = (): Dated | undefined =>
    t.startdatum && !t.evaluatie && beleid.terugplaatsing
      ? terugplaatsingEvaluatiedatum(t.startdatum, beleid, regio, input.kalender, t.symbiose)
      : undefined;
  /** Stap 1–3 open, no plaatsingstafel running: the service level counts from the last progress. */
  const serviceniveauVanaf = (): (Dated & { sinds: number }) | undefined => {
    if (!open() || t.startdatum || t.plaatsingstafel?.status === 'loopt' || !beleid.terugplaatsing) return undefined;
    return {
      ...terugplaatsingServiceniveau(toIsoDate(t.laatsteVoortgang, tijdzone), beleid, regio, input.kalender),
      sinds: t.laatsteVoortgang,
    };
  };
  const planning = (): TerugplaatsingMoment[] =>
    open()
      ? zaak.vooruit(
          terugplaatsingMomenten(
            {
              ronde: t.ronde,
              evaluatie: evaluatiedatum(),
              evaluatieSinds: t.startVastgelegd,
              evaluatieTeLaat: t.evaluatieTeLaat,
              serviceniveau: t.vastgelopen ? undefined : serviceniveauVanaf(),
            },
            beleid,
            regio,
            input.kalender,
          ),
        )
      : [];

  const vsoVo = variant === 'vso-vo';
  const lijst = () => (vsoVo ? faseChecklist({ beleid }, t, !open()) : checklist(t, !open()));
  const volgende = () => (vsoVo ? volgendeFase(t, lijst()) : volgendeStap(t, lijst()));
  /** The order of the lines of the checklist, for the furthest point reached. */
  const reeks: readonly Stapnummer[] = vsoVo ? fasen : stappen;
  const status = (): TerugplaatsingView['status'] => {
    if (t.uitkomst) return t.uitkomst.uitkomst;
    if (t.startdatum) return 'gestart';
    if (t.plaatsingstafel?.status === 'loopt') return 'plaatsingstafel';
    const v = volgende();
    if (!v) return 'gestart';
    if (vsoVo) return v.stap === 'F1' ? 'signalering' : v.stap < 'F4' ? 'verkenning' : 'besluitvorming';
    return v.stap < '2' ? 'signalering' : v.stap < '3' ? 'verkenning' : 'besluitvorming';
  };
  const betrokken = (): string[] => (t.gevonden?.brin ? [t.gevonden.brin] : []);

  function deadlines(): DeadlineView[] {
    const uit: DeadlineView[] = [];
    const e = evaluatiedatum();
    if (e) {
      const tijdstip = new Date(toInstant(e.datum, beleid.tijden.deadline, tijdzone)).toISOString();
      uit.push({ soort: 'evaluatie', ...e, tijdstip });
      // L2025–2028: with a symbiose the decision on the full transfer is due then too.
      if (t.symbiose) uit.push({ soort: 'besluit-overstap', ...e, tijdstip });
    }
    const s = t.vastgelopen ? undefined : serviceniveauVanaf();
    if (s)
      uit.push({
        soort: 'serviceniveau',
        datum: s.datum,
        regel: s.regel,
        tijdstip: new Date(toInstant(s.datum, beleid.tijden.herinnering, tijdzone)).toISOString(),
      });
    return uit;
  }

  function view(): TerugplaatsingView {
    const h = planning().find((m) => m.soort === 'herinnering');
    return {
      id: zaak.id,
      type: 'terugplaatsing',
      status: status(),
      open: open(),
      beleid: beleid.code,
      ...(beleid.versie ? { beleidsversie: beleid.versie } : {}),
      variant,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      ontvangendeSchool: t.gevonden
        ? { ...(t.gevonden.brin ? { brin: t.gevonden.brin } : {}), naam: t.gevonden.naam }
        : null,
      betrokkenScholen: betrokken(),
      checklist: lijst(),
      volgendeStap: volgende(),
      toestemmingen: t.toestemmingen,
      symbiose: t.symbiose,
      ...(t.startdatum ? { startdatum: t.startdatum } : {}),
      deadlines: deadlines(),
      volgendeHerinnering: h
        ? { datum: h.datum, tijdstip: new Date(h.at).toISOString(), regel: h.regel, deadline: 'evaluatie' }
        : null,
      vastgelopen: t.vastgelopen,
      eerdereRondes: t.eerdereRondes,
      ...(t.rondeSinds ? { rondeSinds: t.rondeSinds } : {}),
      ...(t.plaatsingstafel ? { plaatsingstafel: t.plaatsingstafel } : {}),
      ...(t.thuiszitter ? { thuiszitter: { ...t.thuiszitter } } : {}),
      ...(t.evaluatie ? { evaluatie: t.evaluatie } : {}),
      ...(input.tlvZaak ? { tlvZaak: input.tlvZaak } : {}),
      ...(t.uitkomst ? { uitkomst: t.uitkomst } : {}),
      tijdlijn: [...zaak.tijdlijn],
    };
  }

  function rapport(): TerugplaatsingRapportRegel {
    const gedaan = lijst().filter((r) => r.status === 'gedaan');
    // The stappenplan's 1.1 is the start itself; a phase case has reached nothing before F1.
    const nu = gedaan.length ? gedaan[gedaan.length - 1].stap : vsoVo ? undefined : reeks[0];
    // An earlier round may have come further (a negative decision opens Stap 2, or F2, again).
    const verst = t.verstePunt && (!nu || reeks.indexOf(t.verstePunt) > reeks.indexOf(nu)) ? t.verstePunt : nu;
    return {
      zaakId: zaak.id,
      beleid: beleid.code,
      gestart,
      status: status(),
      ...(verst ? { verstePunt: verst } : {}),
      variant,
      ...(t.uitkomst
        ? { uitkomst: t.uitkomst.uitkomst, geeindigd: toIsoDate(Date.parse(t.uitkomst.op), tijdzone) }
        : {}),
      plaatsingstafel: !!t.plaatsingstafel || t.eerdereRondes.length > 0,
      symbiose: t.symbiose,
      ...(t.evaluatie ? { evaluatieOpTijd: !t.evaluatieTeLaat } : {}),
    };
  }

  const aan: Terugplaatsingzaak['aan'] = {
    school: { rol: 'school', email: input.school.email },
    coordinator: { rol: 'coordinator', email: input.coordinatorEmail },
    ouders: input.ouders.map((o) => ({ rol: 'ouders', email: o.email })),
    ontvangendeSchool: () => (t.gevonden?.email ? [{ rol: 'school', email: t.gevonden.email }] : []),
  };
  const zaak: Zaak<TerugplaatsingView> = new Zaak({
    brin: input.school.brin,
    scholen: betrokken,
    coordinator: aan.coordinator,
    view,
    gesloten: () => terugplaatsingGesloten({ uitkomst: t.uitkomst }),
    // Codes and dates only.
    zoekvelden: () => {
      const volgendeMoment = planning().find((m) => m.soort !== 'herinnering');
      return [
        { key: ZaakStatus, value: status() },
        { key: VolgendeDeadline, value: volgendeMoment ? new Date(volgendeMoment.at) : null },
        { key: BetrokkenScholen, value: betrokken() },
        { key: VolgendeStap, value: volgende()?.stap ?? null },
      ];
    },
    berichtGegevens: () => ({
      zaakId: zaak.id,
      leerling: input.leerling.naam,
      school: input.school.naam,
      ontvangendeSchool: t.gevonden?.naam ?? '',
      ...(t.startdatum ? { startdatum: formatDutchDate(t.startdatum) } : {}),
    }),
  });

  const z: Terugplaatsingzaak = {
    zaak,
    t,
    input,
    get beleid() {
      return beleid;
    },
    variant,
    open,
    vandaag,
    gestart,
    aan,
    evaluatiedatum,
    volgendeStap: volgende,
    voortgang: () => {
      t.laatsteVoortgang = Date.now();
      t.vastgelopen = null;
    },
    sluit: (u) => {
      t.uitkomst = u;
      zaak.bericht(
        'terugplaatsing-afgerond',
        'afgerond',
        [...aan.ouders, aan.school, ...aan.ontvangendeSchool(), aan.coordinator],
        { uitkomst: u.uitkomst, reden: u.reden, [u.uitkomst]: 'ja' },
      );
      meldAanTlv(u);
    },
  };

  /** The TLV case it came from hears the outcome: a return in place means the TLV is no longer used. */
  function meldAanTlv(u: TerugplaatsingUitkomst): void {
    if (!input.tlvZaak) return;
    getExternalWorkflowHandle(input.tlvZaak)
      .signal(terugplaatsingUitkomstSignal, { zaakId: zaak.id, ...u })
      .catch(() => {
        zaak.noteer({
          soort: 'tlv-zaak-gesloten',
          omschrijving: `De TLV-zaak ${input.tlvZaak} was al gesloten en hoorde de uitkomst niet`,
        });
      });
  }

  setHandler(terugplaatsingStatusQuery, view);
  setHandler(terugplaatsingRapportQuery, rapport);
  terugplaatsingActies(z);
  faseActies(z);

  const eerste: StapCode = '1.1';
  t.stappen[eerste] = { door: input.gestartDoor, op: zaak.nu(), reden: input.signaal };
  zaak.noteer({
    soort: 'stap:1.1',
    omschrijving: `Gesignaleerd${input.gesignaleerdOp ? ` op ${formatDutchDate(input.gesignaleerdOp)}` : ''}: mogelijk een terugplaatsing${input.tlvZaak ? ` (uit de evaluatie van TLV-zaak ${input.tlvZaak})` : ''}`,
    door: input.gestartDoor,
    reden: input.signaal,
    ...(input.tlvZaak ? { gegevens: { tlvZaak: input.tlvZaak } } : {}),
  });
  zaak.start(
    [
      { key: ZaakType, value: 'terugplaatsing' },
      { key: SchoolBrin, value: input.school.brin },
      { key: SwvCode, value: beleid.code },
      { key: ZaakSinds, value: gestart },
    ],
    terugplaatsingViewUpdate,
  );

  if (!beleid.terugplaatsing) {
    beleid = { ...beleid, terugplaatsing: await terugplaatsingBeleid({ beleid: beleid.code }) };
    zaak.gewijzigd();
  }

  await zaak.plan({
    zolang: open,
    planning,
    voerUit: (m) => terugplaatsingMoment(z, m),
  });
  await zaak.afronden();
  return t.uitkomst!;
}
