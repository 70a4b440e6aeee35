/**
 * P2 Impasse escalation: the plaatsingstafel ladder E1–E7 (domain README P2; seed 001 §1.2,
 * L817–852), or the route of the case's own policy (issue 15: Almere's doorzettingsmacht, PPO-NK's
 * dispute between boards, VO Groningen's thuiszitterspact). Each rung has an owner and a service
 * level (product default 10 school days, per SWV policy); the owner is reminded before it, past it
 * the case is stuck and the directeur is told once. A placement at any rung ends the impasse (and
 * the zorgplicht case it came from).
 */
import {
  CancellationScope,
  defineQuery,
  defineUpdate,
  isCancellation,
  patched,
  setHandler,
} from '@temporalio/workflow';
import { formatDutchDate, toInstant, toIsoDate } from '../../domain/dates';
import { impasseServiceniveau, type Dated } from '../../domain/deadlines';
import { impasseMomenten, type Moment } from '../../domain/planning';
import type { ImpasseInput, ImpasseUitkomst, ImpasseView } from '../../shared/impasse';
import { ladderVan, plaatsingstafel, tredeVan } from '../../shared/impasseLadder';
import {
  ImpasseNiveau,
  NiveauSinds,
  SchoolBrin,
  SwvCode,
  VastgelopenNiveau,
  VastgelopenSinds,
  VolgendeDeadline,
  ZaakSinds,
  ZaakStatus,
  ZaakType,
} from '../../temporal/searchAttributes';
import { Zaak } from '../zaakkern';
import { impasseActies } from './acties';
import { impasseMoment } from './momenten';
import type { Impassezaak, Toestand } from './toestand';

export {
  aanwijzenUpdate,
  leerlingThuisUpdate,
  bindendBesluitUpdate,
  escalerenUpdate,
  oudersReactieUpdate,
  plaatsenUpdate,
  stoppenUpdate,
  vastleggenUpdate,
} from './acties';

export const impasseStatusQuery = defineQuery<ImpasseView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const impasseViewUpdate = defineUpdate<ImpasseView>('view');

/** Why a closed impasse takes no step (the workflow's validators and the API's answer for a closed case). */
export function impasseGesloten(view: Pick<ImpasseView, 'uitkomst' | 'status'>): string | undefined {
  const u = view.uitkomst;
  if (view.status === 'gestopt')
    return `De impasse is gestopt${u ? ` (${u.op.slice(0, 10)})` : ''}. Er kan geen stap meer worden gezet.`;
  if (u)
    return `De impasse is beëindigd: geplaatst op ${u.school?.naam ?? 'een school'} (${u.op.slice(0, 10)}). Er kan geen stap meer worden gezet.`;
  return undefined;
}

export async function impasse(input: ImpasseInput): Promise<ImpasseUitkomst> {
  const policy = input.beleid;
  const regio = input.school.regio ?? policy.regio;
  const tijden = policy.tijden;
  // A melding registered late counts from its own date; reminders already past are skipped.
  const geregistreerd = Date.now();
  const gestart = input.gemeldOp
    ? Math.min(geregistreerd, toInstant(input.gemeldOp, '00:00', policy.tijden.tijdzone))
    : geregistreerd;
  const t: Toestand = { niveau: 'E1', niveauSinds: gestart, vastgelopen: null, gestopt: false, uitgenodigd: [] };
  const iso = (ms: number) => new Date(ms).toISOString();
  // Cases started before the routes of issue 15 climb the plaatsingstafel, whatever their policy says.
  const ladder = patched('impasse-route') ? ladderVan(policy.impasse.route) : plaatsingstafel;
  const omschrijving = (code: string) => tredeVan(ladder, code).omschrijving;
  /** The rung whose own service level the policy may set (the ladder's, or its route's). */
  const trede = () =>
    [...policy.impasse.ladder, ...(ladder === plaatsingstafel ? [] : (policy.impasse.route?.treden ?? []))].some(
      (x) => x.code === t.niveau,
    )
      ? t.niveau
      : undefined;
  const open = () => !t.uitkomst && !t.gestopt;

  /** The current rung's service level, counted in school days of the case's own calendar. */
  const serviceniveau = (): Dated =>
    impasseServiceniveau(toIsoDate(t.niveauSinds, tijden.tijdzone), policy, regio, input.kalender, trede());

  const planning = (): Moment<'herinnering' | 'vastgelopen'>[] =>
    open()
      ? zaak.vooruit(
          impasseMomenten(
            { ...t, geregistreerd, serviceniveau: serviceniveau(), vastgelopen: !!t.vastgelopen },
            policy,
            regio,
            input.kalender,
          ),
        )
      : [];

  const status = (): ImpasseView['status'] =>
    t.uitkomst?.geplaatst ? 'geplaatst' : t.gestopt ? 'gestopt' : t.vastgelopen ? 'vastgelopen' : 'open';

  function view(): ImpasseView {
    const sn = serviceniveau();
    const h = planning().find((m) => m.soort === 'herinnering');
    return {
      id: zaak.id,
      type: 'impasse',
      status: status(),
      open: open(),
      niveau: t.niveau,
      niveauOmschrijving: omschrijving(t.niveau),
      eigenaar: tredeVan(ladder, t.niveau).eigenaar,
      route: ladder.soort,
      treden: ladder.treden.map((r) => ({ code: r.code, omschrijving: r.omschrijving, eigenaar: r.eigenaar })),
      niveauSinds: iso(t.niveauSinds),
      // The day it started, as the directeur's list and the ZaakSinds search attribute have it.
      gestart: iso(toInstant(toIsoDate(gestart, tijden.tijdzone), '00:00', tijden.tijdzone)),
      vastgelopen: t.vastgelopen,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      zorgplichtZaak: input.zorgplichtZaak,
      ...(input.terugplaatsingZaak ? { terugplaatsingZaak: input.terugplaatsingZaak } : {}),
      ...(t.thuis ? { thuis: t.thuis } : {}),
      deadlines: [
        {
          soort: `serviceniveau-${t.niveau}`,
          ...sn,
          tijdstip: iso(toInstant(sn.datum, tijden.deadline, tijden.tijdzone)),
        },
      ],
      volgendeHerinnering: h
        ? { datum: h.datum, tijdstip: iso(h.at), regel: h.regel, deadline: `serviceniveau-${t.niveau}` }
        : null,
      advies: t.advies,
      bindendBesluit: t.bindendBesluit,
      uitkomst: t.uitkomst,
      tijdlijn: [...zaak.tijdlijn],
      beleid: policy.code,
      ...(policy.versie ? { beleidsversie: policy.versie } : {}),
    };
  }

  const aan: Impassezaak['aan'] = {
    school: { rol: 'school', email: input.school.email },
    coordinator: { rol: 'coordinator', email: input.coordinatorEmail },
    ouders: (input.ouders ?? []).map((o) => ({ rol: 'ouders', email: o.email })),
  };
  const zaak: Zaak<ImpasseView> = new Zaak({
    brin: input.school.brin,
    coordinator: aan.coordinator,
    view,
    gesloten: () => impasseGesloten({ uitkomst: t.uitkomst, status: status() }),
    // Codes and dates only: the directeur's view and the weekly digest read these.
    zoekvelden: () => {
      const vastlopen = planning().find((m) => m.soort === 'vastgelopen');
      return [
        { key: ZaakStatus, value: status() },
        { key: ImpasseNiveau, value: t.niveau },
        { key: NiveauSinds, value: new Date(t.niveauSinds) },
        { key: VolgendeDeadline, value: open() && vastlopen ? new Date(vastlopen.at) : null },
        { key: VastgelopenNiveau, value: open() && t.vastgelopen ? t.vastgelopen.niveau : null },
        { key: VastgelopenSinds, value: open() && t.vastgelopen ? new Date(t.vastgelopen.sinds) : null },
      ];
    },
    berichtGegevens: () => {
      const sn = serviceniveau();
      return {
        zaakId: zaak.id,
        leerling: input.leerling.naam,
        school: input.school.naam,
        niveau: t.niveau,
        niveauOmschrijving: omschrijving(t.niveau),
        niveauSinds: formatDutchDate(toIsoDate(t.niveauSinds, tijden.tijdzone)),
        serviceniveauDatum: formatDutchDate(sn.datum),
        serviceniveauRegel: sn.regel,
      };
    },
  });
  // Cases started before the kernel also woke once a year with nothing planned; they keep doing so.
  const rust = patched('niets-gepland-wacht-op-wijziging') ? undefined : '365 days';

  const z: Impassezaak = { zaak, t, serviceniveau, open, aan, beleid: policy, ladder, input };
  setHandler(impasseStatusQuery, view);
  impasseActies(z);

  zaak.noteer({
    soort: 'gemeld',
    omschrijving: `Impasse gemeld (${input.aanleiding}): ${omschrijving('E1')}`,
    door: input.gemeldDoor,
    reden: input.reden,
    gegevens: input.zorgplichtZaak
      ? { zorgplichtZaak: input.zorgplichtZaak }
      : input.terugplaatsingZaak
        ? { terugplaatsingZaak: input.terugplaatsingZaak }
        : undefined,
  });
  zaak.start(
    [
      { key: ZaakType, value: 'impasse' },
      { key: SchoolBrin, value: input.school.brin },
      { key: SwvCode, value: policy.code },
      { key: ZaakSinds, value: toIsoDate(gestart, tijden.tijdzone) },
    ],
    impasseViewUpdate,
  );

  try {
    await zaak.plan({ zolang: () => !t.uitkomst, planning, voerUit: (m) => impasseMoment(z, m), rust });
    await zaak.afronden();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // The zorgplicht case closed otherwise (e.g. withdrawn): record it, then end as cancelled.
    await CancellationScope.nonCancellable(async () => {
      // A thuiszitter case it was opening lives on: its start is confirmed first.
      await zaak.startenBevestigd();
      t.gestopt = true;
      zaak.noteer({ soort: 'gestopt', omschrijving: 'Impasse gestopt: de zaak waaruit zij kwam is gesloten' });
      zaak.publiceer();
    });
    throw err;
  }
  return t.uitkomst!;
}
