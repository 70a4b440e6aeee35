/**
 * P2 Impasse escalation: the plaatsingstafel ladder E1–E7 (domain README P2; seed 001 §1.2,
 * L817–852). Each rung has an owner and a service level (product default 10 school days,
 * per SWV policy); the owner is reminded before it, past it the case is stuck and the directeur
 * is told once. A placement at any rung ends the impasse (and the zorgplicht case it came from).
 */
import {
  CancellationScope,
  defineQuery,
  defineUpdate,
  isCancellation,
  patched,
  setHandler,
} from '@temporalio/workflow';
import { formatDutchDate, toInstant, toIsoDate } from '../domain/dates';
import { impasseServiceniveau, type Dated } from '../domain/deadlines';
import { impasseMomenten, type Moment } from '../domain/planning';
import type {
  BindendBesluit,
  Escaleren,
  ImpasseInput,
  ImpasseUitkomst,
  ImpasseView,
  OudersReactie,
  Plaatsen,
  Vastleggen,
} from '../shared/impasse';
import {
  deelnemers,
  eigenaarVan,
  niveauOmschrijving,
  niveaus,
  notitieSoorten,
  type Niveau,
} from '../shared/impasseLadder';
import { ADVIES, DERDE } from '../shared/grenzen';
import * as argument from './argumenten';
import { rolNietToegestaan } from '../shared/fouten';
import type { ActorRef, TijdlijnItem } from '../shared/zaak';
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
} from '../temporal/searchAttributes';
import { Zaak } from './zaakkern';

export const impasseStatusQuery = defineQuery<ImpasseView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const impasseViewUpdate = defineUpdate<ImpasseView>('view');
export const escalerenUpdate = defineUpdate<ImpasseView, [Escaleren]>('escaleren');
export const vastleggenUpdate = defineUpdate<ImpasseView, [Vastleggen]>('vastleggen');
export const bindendBesluitUpdate = defineUpdate<ImpasseView, [BindendBesluit]>('bindend-besluit');
export const oudersReactieUpdate = defineUpdate<ImpasseView, [OudersReactie]>('ouders-reactie');
export const plaatsenUpdate = defineUpdate<ImpasseView, [Plaatsen]>('plaatsen');

/** Why a closed impasse takes no step (the workflow's validators and the API's answer for a closed case). */
export function impasseGesloten(view: Pick<ImpasseView, 'uitkomst' | 'status'>): string | undefined {
  const u = view.uitkomst;
  if (u)
    return `De impasse is beëindigd: geplaatst op ${u.school?.naam ?? 'een school'} (${u.op.slice(0, 10)}). Er kan geen stap meer worden gezet.`;
  if (view.status === 'gestopt') return 'De impasse is gestopt. Er kan geen stap meer worden gezet.';
  return undefined;
}

/** The state of one impasse, in one serializable object (what a continueAsNew would carry). */
interface Toestand {
  niveau: Niveau;
  /** Epoch ms. */
  niveauSinds: number;
  vastgelopen: ImpasseView['vastgelopen'];
  advies?: ImpasseView['advies'];
  bindendBesluit?: ImpasseView['bindendBesluit'];
  uitkomst?: ImpasseUitkomst;
  gestopt: boolean;
  /** Rungs on which the board of the admitting school was invited (E6). */
  uitgenodigd: string[];
}

/** Which notes belong to which rung (seed 001 L837–852). */
const notitiesPerNiveau: Partial<Record<Niveau, Vastleggen['soort'][]>> = {
  E4: ['ondersteuningsaanbod'],
  E6: ['bestuur-uitgenodigd'],
  E7: ['leerplicht-geraadpleegd', 'skt-geraadpleegd', 'geschillencommissie'],
};

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
  const trede = () => (policy.impasse.ladder.some((x) => x.code === t.niveau) ? t.niveau : undefined);
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
    t.uitkomst ? 'geplaatst' : t.gestopt ? 'gestopt' : t.vastgelopen ? 'vastgelopen' : 'open';

  function view(): ImpasseView {
    const sn = serviceniveau();
    const h = planning().find((m) => m.soort === 'herinnering');
    return {
      id: zaak.id,
      type: 'impasse',
      status: status(),
      open: open(),
      niveau: t.niveau,
      niveauOmschrijving: niveauOmschrijving[t.niveau],
      eigenaar: eigenaarVan[t.niveau],
      niveauSinds: iso(t.niveauSinds),
      gestart: iso(gestart),
      vastgelopen: t.vastgelopen,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      zorgplichtZaak: input.zorgplichtZaak,
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
    };
  }

  const zaak: Zaak<ImpasseView> = new Zaak({
    brin: input.school.brin,
    coordinator: { rol: 'coordinator', email: input.coordinatorEmail },
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
        niveauOmschrijving: niveauOmschrijving[t.niveau],
        niveauSinds: formatDutchDate(toIsoDate(t.niveauSinds, tijden.tijdzone)),
        serviceniveauDatum: formatDutchDate(sn.datum),
        serviceniveauRegel: sn.regel,
      };
    },
  });
  // Cases started before the kernel also woke once a year with nothing planned; they keep doing so.
  const rust = patched('niets-gepland-wacht-op-wijziging') ? undefined : '365 days';

  function naarNiveau(nieuw: Niveau, door: ActorRef, reden: string, gegevens?: TijdlijnItem['gegevens']): void {
    const van = t.niveau;
    t.niveau = nieuw;
    t.niveauSinds = Date.now();
    t.vastgelopen = null;
    zaak.noteer({
      soort: `niveau:${nieuw}`,
      omschrijving: `Van ${van} naar ${nieuw}: ${niveauOmschrijving[nieuw]}`,
      door,
      reden,
      gegevens,
    });
  }
  function eindig(school: ImpasseUitkomst['school'], door: ActorRef, reden: string, omschrijving: string): void {
    t.uitkomst = { geplaatst: true, school, niveau: t.niveau, reden, door, op: iso(Date.now()) };
    zaak.noteer({
      soort: 'geplaatst',
      omschrijving,
      door,
      reden,
      gegevens: { niveau: t.niveau, school: school?.naam ?? '' },
    });
    zaak.bericht('impasse-geplaatst', 'geplaatst', [{ rol: 'coordinator' }, { rol: 'directeur' }], {
      plaatsingsschool: school?.naam ?? '',
    });
  }
  /** Only the rung's owner acts (some steps also the coordinator). */
  const eigenaar =
    (ook: ActorRef['rol'][] = []) =>
    (door: ActorRef) => {
      const rol = eigenaarVan[t.niveau];
      const extra = ook.filter((r) => r !== rol);
      if (door.rol !== rol && !extra.includes(door.rol)) {
        throw rolNietToegestaan(
          `Op ${t.niveau} (${niveauOmschrijving[t.niveau]}) handelt de rol ${rol}${extra.length ? ` of ${extra.join(', ')}` : ''}, niet ${door.rol}.`,
        );
      }
    };
  const wat = 'een impasse';

  setHandler(impasseStatusQuery, view);

  // No rung is skipped, and a closed impasse takes no step; the owner's role is checked after the state.
  zaak.actie(
    escalerenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.naar, niveaus, 'naar');
        argument.reden(args.reden);
        // Each rung asks what the seed says it needs (L824–849).
        if (args.naar === 'E2') argument.keuzes(args.deelnemers, deelnemers, 'deelnemers');
        if (args.naar === 'E3') {
          argument.schoolRef(args.advies?.school, 'advies.school');
          argument.tekst(args.advies.onderbouwing, 'advies.onderbouwing', ADVIES.min, ADVIES.max);
        }
        if (args.naar === 'E6') argument.tekst(args.derde, 'derde', DERDE.min, DERDE.max);
      },
      toestand: (args) => {
        const volgende = niveaus[niveaus.indexOf(t.niveau) + 1];
        if (args.naar !== volgende) {
          throw new Error(
            `Escaleren kan alleen naar de volgende trede: van ${t.niveau} naar ${volgende ?? '(geen)'}, niet naar ${args.naar}.`,
          );
        }
        if (t.niveau === 'E6')
          throw new Error(
            'Op E6 beslist het Dagelijks Bestuur bindend (bindend-besluit); E7 volgt als de ouders het niet aanvaarden.',
          );
      },
      rollen: eigenaar(),
      rolNaToestand: true,
      voerUit: (args) => {
        const gegevens: TijdlijnItem['gegevens'] = {};
        if (args.naar === 'E2') gegevens.deelnemers = args.deelnemers.join(', ');
        if (args.naar === 'E3') {
          t.advies = args.advies;
          gegevens.geadviseerdeSchool = args.advies.school.naam;
        }
        if (args.naar === 'E6') gegevens.derde = args.derde;
        naarNiveau(args.naar, args.door, args.reden, gegevens);
      },
    },
    wat,
  );

  zaak.actie(
    vastleggenUpdate,
    {
      vorm: (args) => {
        argument.keuze(args.soort, notitieSoorten, 'soort');
        argument.reden(args.tekst, 'tekst');
      },
      toestand: (args) => {
        const mag = notitiesPerNiveau[t.niveau] ?? [];
        if (!mag.includes(args.soort))
          throw new Error(
            `Op ${t.niveau} kan '${args.soort}' niet worden vastgelegd${mag.length ? `; wel: ${mag.join(', ')}` : ''}.`,
          );
      },
      rollen: eigenaar(['coordinator']),
      rolNaToestand: true,
      voerUit: (args) => {
        if (args.soort === 'bestuur-uitgenodigd') t.uitgenodigd.push(t.niveau);
        zaak.noteer({
          soort: `notitie:${args.soort}`,
          omschrijving: `${niveauOmschrijving[t.niveau]}: ${args.soort}`,
          door: args.door,
          reden: args.tekst,
        });
      },
    },
    wat,
  );

  zaak.actie(
    bindendBesluitUpdate,
    {
      vorm: (args) => {
        argument.tekst(args.adviesDerde, 'adviesDerde', ADVIES.min, ADVIES.max);
        argument.schoolRef(args.school);
        argument.reden(args.reden);
        if (args.bestuurNietInDb !== undefined) argument.janee(args.bestuurNietInDb, 'bestuurNietInDb');
      },
      toestand: (args) => {
        if (t.niveau !== 'E6')
          throw new Error(
            `Een bindend besluit volgt op E6, na het advies van de onafhankelijke derde; de zaak staat op ${t.niveau}.`,
          );
        // The owner (the DB) first: what it decided already is its own business.
        eigenaar()(args.door);
        if (t.bindendBesluit) throw new Error('Het Dagelijks Bestuur heeft al bindend besloten.');
        if (args.bestuurNietInDb && !t.uitgenodigd.includes('E6')) {
          throw new Error(
            'Het bestuur van die school zit niet in het DB: nodig het eerst uit (vastleggen: bestuur-uitgenodigd).',
          );
        }
      },
      voerUit: (args) => {
        t.bindendBesluit = { school: args.school, adviesDerde: args.adviesDerde, op: iso(Date.now()) };
        zaak.noteer({
          soort: 'bindend-besluit',
          omschrijving: `Bindend besluit van het Dagelijks Bestuur: ${args.school.naam}`,
          door: args.door,
          reden: args.reden,
          gegevens: { school: args.school.naam },
        });
      },
    },
    wat,
  );

  zaak.actie(
    oudersReactieUpdate,
    {
      vorm: (args) => {
        argument.janee(args.akkoord, 'akkoord');
        argument.reden(args.reden);
      },
      toestand: () => {
        if (t.niveau !== 'E6' || !t.bindendBesluit)
          throw new Error('De reactie van de ouders volgt op het bindend besluit van het DB (E6).');
      },
      rollen: (door) => {
        if (!['coordinator', 'directeur'].includes(door.rol))
          throw rolNietToegestaan('De reactie van de ouders legt de coördinator of de directeur vast.');
      },
      rolNaToestand: true,
      voerUit: (args) => {
        const besluit = t.bindendBesluit!;
        if (args.akkoord)
          eindig(
            besluit.school,
            args.door,
            args.reden,
            `Ouders aanvaarden het bindend besluit: geplaatst op ${besluit.school.naam}`,
          );
        else naarNiveau('E7', args.door, args.reden, { ouders: 'niet akkoord' });
      },
    },
    wat,
  );

  zaak.actie(
    plaatsenUpdate,
    {
      vorm: (args) => {
        argument.schoolRef(args.school);
        argument.reden(args.reden);
      },
      // Any rung can end with a placement: its owner records it, the coordinator always may.
      rollen: eigenaar(['coordinator']),
      rolNaToestand: true,
      voerUit: (args) =>
        eindig(args.school, args.door, args.reden, `Geplaatst op ${args.school.naam} (op ${t.niveau})`),
    },
    wat,
  );

  function voerUit(m: Moment<'herinnering' | 'vastgelopen'>): void {
    const eigenaar = eigenaarVan[t.niveau];
    // Late (SMTP trouble) and the case moved to another niveau or ended: not worth sending any more.
    const niveau = t.niveau;
    const actueel = () => open() && t.niveau === niveau;
    if (m.soort === 'herinnering') {
      zaak.noteer({
        soort: 'herinnering',
        omschrijving: `Herinnering aan ${eigenaar}: ${t.niveau} moet vóór ${formatDutchDate(serviceniveau().datum)} verder`,
        gegevens: { niveau: t.niveau, datum: m.datum },
      });
      zaak.bericht('impasse-herinnering', m.sleutel, [{ rol: eigenaar }], { regel: m.regel }, actueel);
    } else {
      // Stuck since the service level expired (for a melding registered late, before today).
      t.vastgelopen = { niveau: t.niveau, sinds: iso(m.at) };
      zaak.noteer({
        soort: 'vastgelopen',
        omschrijving: `Vastgelopen op ${t.niveau}: het serviceniveau (${formatDutchDate(m.datum)}) is verstreken`,
        gegevens: { niveau: t.niveau, datum: m.datum },
      });
      // The directeur is told once per stuck rung.
      zaak.bericht('impasse-vastgelopen', m.sleutel, [{ rol: 'directeur' }], { regel: m.regel }, actueel);
    }
  }

  zaak.noteer({
    soort: 'gemeld',
    omschrijving: `Impasse gemeld (${input.aanleiding}): ${niveauOmschrijving.E1}`,
    door: input.gemeldDoor,
    reden: input.reden,
    gegevens: input.zorgplichtZaak ? { zorgplichtZaak: input.zorgplichtZaak } : undefined,
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
    await zaak.plan({ zolang: () => !t.uitkomst, planning, voerUit, rust });
    await zaak.afronden();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // The zorgplicht case closed otherwise (e.g. withdrawn): record it, then end as cancelled.
    await CancellationScope.nonCancellable(async () => {
      t.gestopt = true;
      zaak.noteer({ soort: 'gestopt', omschrijving: 'Impasse gestopt: de zaak waaruit zij kwam is gesloten' });
      zaak.publiceer();
    });
    throw err;
  }
  return t.uitkomst!;
}
