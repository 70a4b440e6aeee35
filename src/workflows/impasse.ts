/**
 * P2 Impasse escalation: the plaatsingstafel ladder E1–E7 (domain README P2; seed 001 §1.2,
 * L817–852). Each rung has an owner and a service level (product default 10 school days,
 * per SWV policy); the owner is reminded before it, past it the case is stuck and the directeur
 * is told once. A placement at any rung ends the impasse (and the zorgplicht case it came from).
 */
import {
  CancellationScope,
  condition,
  defineQuery,
  defineUpdate,
  isCancellation,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { formatDutchDate, toInstant, toIsoDate } from '../domain/dates';
import { impasseHerinneringen, impasseServiceniveau, type Dated } from '../domain/deadlines';
import type { BindendBesluit, Escaleren, ImpasseInput, ImpasseUitkomst, ImpasseView, OudersReactie, Plaatsen, Vastleggen } from '../shared/impasse';
import { deelnemers, eigenaarVan, niveauOmschrijving, niveaus, notitieSoorten, type Niveau } from '../shared/impasseLadder';
import { ADVIES, DERDE } from '../shared/grenzen';
import * as argument from './argumenten';
import type { Notificatie, Ontvanger } from '../shared/notificatie';
import { rolNietToegestaan } from '../shared/fouten';
import { Uitgaand } from './notificaties';
import type { ActorRef, TijdlijnItem } from '../shared/zaak';
import { ImpasseNiveau, NiveauSinds, SchoolBrin, SwvCode, VastgelopenNiveau, VastgelopenSinds, VolgendeDeadline, ZaakSinds, ZaakStatus, ZaakType } from '../temporal/searchAttributes';

export const impasseStatusQuery = defineQuery<ImpasseView>('status');
/** The view as an Update: started with the case (Update-with-Start), it answers the create in one round trip. */
export const impasseViewUpdate = defineUpdate<ImpasseView>('view');
export const escalerenUpdate = defineUpdate<ImpasseView, [Escaleren]>('escaleren');
export const vastleggenUpdate = defineUpdate<ImpasseView, [Vastleggen]>('vastleggen');
export const bindendBesluitUpdate = defineUpdate<ImpasseView, [BindendBesluit]>('bindend-besluit');
export const oudersReactieUpdate = defineUpdate<ImpasseView, [OudersReactie]>('ouders-reactie');
export const plaatsenUpdate = defineUpdate<ImpasseView, [Plaatsen]>('plaatsen');


interface Moment {
  sleutel: string;
  soort: 'herinnering' | 'vastgelopen';
  at: number;
  datum: string;
  regel: string;
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
  const id = workflowInfo().workflowId;
  // A melding registered late counts from its own date; reminders already past are skipped.
  const geregistreerd = Date.now();
  const gestart = input.gemeldOp ? Math.min(geregistreerd, toInstant(input.gemeldOp, '00:00', policy.tijden.tijdzone)) : geregistreerd;

  let niveau: Niveau = 'E1';
  let niveauSinds = gestart;
  let vastgelopen: ImpasseView['vastgelopen'] = null;
  let advies: ImpasseView['advies'];
  let bindendBesluit: ImpasseView['bindendBesluit'];
  let uitkomst: ImpasseUitkomst | undefined;
  let gestopt = false;
  const uitgenodigd = new Set<string>();
  const afgehandeld = new Set<string>();
  const tijdlijn: TijdlijnItem[] = [];
  const uitgaand = new Uitgaand((n, reden) => {
    log({ soort: 'bericht-niet-bezorgd', omschrijving: `Bericht '${n.sjabloon}' kon niet worden bezorgd: ${reden}`, gegevens: { sjabloon: n.sjabloon } });
    // The coordinator makes sure the recipient hears it another way (not for this notice itself).
    if (n.sjabloon !== 'bericht-niet-bezorgd') bericht('bericht-niet-bezorgd', `niet-bezorgd/${n.sleutel.slice(id.length + 1)}`, [{ rol: 'coordinator' }], { wat: n.sjabloon, reden });
  });
  let versie = 0;

  const iso = (ms: number) => new Date(ms).toISOString();
  const log = (item: Omit<TijdlijnItem, 'op'>) => tijdlijn.push({ op: iso(Date.now()), ...item });
  const trede = () => (policy.impasse.ladder.some((t) => t.code === niveau) ? niveau : undefined);

  /** The current rung's service level, counted in school days of the case's own calendar. */
  const serviceniveau = (): Dated => impasseServiceniveau(toIsoDate(niveauSinds, tijden.tijdzone), policy, regio, input.kalender, trede());

  function planning(): Moment[] {
    if (uitkomst || gestopt) return [];
    const sn = serviceniveau();
    const momenten: Moment[] = impasseHerinneringen(sn, policy, regio, input.kalender)
      .map((h) => ({ sleutel: `${niveau}/herinnering/${h.datum}`, soort: 'herinnering' as const, at: toInstant(h.datum, tijden.herinnering, tijden.tijdzone), datum: h.datum, regel: h.regel }))
      .filter((m) => m.at > Math.max(niveauSinds, geregistreerd));
    if (!vastgelopen) {
      momenten.push({ sleutel: `${niveau}/vastgelopen/${sn.datum}`, soort: 'vastgelopen', at: toInstant(sn.datum, tijden.deadline, tijden.tijdzone), datum: sn.datum, regel: sn.regel });
    }
    return momenten.filter((m) => !afgehandeld.has(m.sleutel)).sort((a, b) => a.at - b.at);
  }

  const status = (): ImpasseView['status'] => (uitkomst ? 'geplaatst' : gestopt ? 'gestopt' : vastgelopen ? 'vastgelopen' : 'open');

  function view(): ImpasseView {
    const sn = serviceniveau();
    const h = planning().find((m) => m.soort === 'herinnering');
    return {
      id,
      type: 'impasse',
      status: status(),
      open: !uitkomst && !gestopt,
      niveau,
      niveauOmschrijving: niveauOmschrijving[niveau],
      eigenaar: eigenaarVan[niveau],
      niveauSinds: iso(niveauSinds),
      gestart: iso(gestart),
      vastgelopen,
      school: { brin: input.school.brin, naam: input.school.naam },
      leerling: { naam: input.leerling.naam },
      zorgplichtZaak: input.zorgplichtZaak,
      deadlines: [{ soort: `serviceniveau-${niveau}`, ...sn, tijdstip: iso(toInstant(sn.datum, tijden.deadline, tijden.tijdzone)) }],
      volgendeHerinnering: h ? { datum: h.datum, tijdstip: iso(h.at), regel: h.regel, deadline: `serviceniveau-${niveau}` } : null,
      advies,
      bindendBesluit,
      uitkomst,
      tijdlijn: [...tijdlijn],
      beleid: policy.code,
    };
  }

  /** Codes and dates only: the directeur's view and the weekly digest read these. */
  function publiceer(): void {
    const open = !uitkomst && !gestopt;
    const stuck = planning().find((m) => m.soort === 'vastgelopen');
    upsertSearchAttributes([
      { key: ZaakStatus, value: status() },
      { key: ImpasseNiveau, value: niveau },
      { key: NiveauSinds, value: new Date(niveauSinds) },
      { key: VolgendeDeadline, value: open && stuck ? new Date(stuck.at) : null },
      { key: VastgelopenNiveau, value: open && vastgelopen ? vastgelopen.niveau : null },
      { key: VastgelopenSinds, value: open && vastgelopen ? new Date(vastgelopen.sinds) : null },
    ]);
  }

  function bericht(sjabloon: Notificatie['sjabloon'], sleutel: string, aan: Ontvanger[], gegevens: Record<string, string> = {}, actueel?: () => boolean): void {
    const sn = serviceniveau();
    uitgaand.push({
      sleutel: `${id}/${sleutel}`,
      sjabloon,
      aan,
      gegevens: {
        zaakId: id,
        leerling: input.leerling.naam,
        school: input.school.naam,
        niveau,
        niveauOmschrijving: niveauOmschrijving[niveau],
        niveauSinds: formatDutchDate(toIsoDate(niveauSinds, tijden.tijdzone)),
        serviceniveauDatum: formatDutchDate(sn.datum),
        serviceniveauRegel: sn.regel,
        ...gegevens,
      },
    }, actueel);
  }

  const gewijzigd = () => {
    versie++;
    publiceer();
    uitgaand.herzie();
  };
  function naarNiveau(nieuw: Niveau, door: ActorRef, reden: string, gegevens?: TijdlijnItem['gegevens']): void {
    const van = niveau;
    niveau = nieuw;
    niveauSinds = Date.now();
    vastgelopen = null;
    log({ soort: `niveau:${nieuw}`, omschrijving: `Van ${van} naar ${nieuw}: ${niveauOmschrijving[nieuw]}`, door, reden, gegevens });
  }
  function eindig(school: ImpasseUitkomst['school'], door: ActorRef, reden: string, omschrijving: string): void {
    uitkomst = { geplaatst: true, school, niveau, reden, door, op: iso(Date.now()) };
    log({ soort: 'geplaatst', omschrijving, door, reden, gegevens: { niveau, school: school?.naam ?? '' } });
    bericht('impasse-geplaatst', 'geplaatst', [{ rol: 'coordinator' }, { rol: 'directeur' }], { plaatsingsschool: school?.naam ?? '' });
  }

  // Validators: only the rung's owner acts, no rung is skipped, a closed impasse takes no step.
  function open(): void {
    if (uitkomst) throw new Error(`De impasse is beëindigd: geplaatst op ${uitkomst.school?.naam ?? 'een school'} (${uitkomst.op.slice(0, 10)}).`);
    if (gestopt) throw new Error('De impasse is gestopt.');
  }
  function eigenaar(door: ActorRef, ook: ActorRef['rol'][] = []): void {
    const rol = eigenaarVan[niveau];
    const extra = ook.filter((r) => r !== rol);
    if (door.rol !== rol && !extra.includes(door.rol)) {
      throw rolNietToegestaan(`Op ${niveau} (${niveauOmschrijving[niveau]}) handelt de rol ${rol}${extra.length ? ` of ${extra.join(', ')}` : ''}, niet ${door.rol}.`);
    }
  }

  setHandler(impasseStatusQuery, view);

  setHandler(
    escalerenUpdate,
    (args) => {
      const gegevens: TijdlijnItem['gegevens'] = {};
      if (args.naar === 'E2') gegevens.deelnemers = args.deelnemers.join(', ');
      if (args.naar === 'E3') {
        advies = args.advies;
        gegevens.geadviseerdeSchool = args.advies.school.naam;
      }
      if (args.naar === 'E6') gegevens.derde = args.derde;
      naarNiveau(args.naar, args.door, args.reden, gegevens);
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.keuze(args.naar, niveaus, 'naar');
        argument.reden(args.reden);
        // Each rung asks what the seed says it needs (L824–849).
        if (args.naar === 'E2') argument.keuzes(args.deelnemers, deelnemers, 'deelnemers');
        if (args.naar === 'E3') {
          argument.schoolRef(args.advies?.school, 'advies.school');
          argument.tekst(args.advies.onderbouwing, 'advies.onderbouwing', ADVIES.min, ADVIES.max);
        }
        if (args.naar === 'E6') argument.tekst(args.derde, 'derde', DERDE.min, DERDE.max);
        open();
        const volgende = niveaus[niveaus.indexOf(niveau) + 1];
        if (args.naar !== volgende) {
          throw new Error(`Escaleren kan alleen naar de volgende trede: van ${niveau} naar ${volgende ?? '(geen)'}, niet naar ${args.naar}.`);
        }
        if (niveau === 'E6') throw new Error('Op E6 beslist het Dagelijks Bestuur bindend (bindend-besluit); E7 volgt als de ouders het niet aanvaarden.');
        eigenaar(args.door);
      },
    },
  );

  setHandler(
    vastleggenUpdate,
    (args) => {
      if (args.soort === 'bestuur-uitgenodigd') uitgenodigd.add(niveau);
      log({ soort: `notitie:${args.soort}`, omschrijving: `${niveauOmschrijving[niveau]}: ${args.soort}`, door: args.door, reden: args.tekst });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.keuze(args.soort, notitieSoorten, 'soort');
        argument.reden(args.tekst, 'tekst');
        open();
        const mag = notitiesPerNiveau[niveau] ?? [];
        if (!mag.includes(args.soort)) throw new Error(`Op ${niveau} kan '${args.soort}' niet worden vastgelegd${mag.length ? `; wel: ${mag.join(', ')}` : ''}.`);
        eigenaar(args.door, ['coordinator']);
      },
    },
  );

  setHandler(
    bindendBesluitUpdate,
    (args) => {
      bindendBesluit = { school: args.school, adviesDerde: args.adviesDerde, op: iso(Date.now()) };
      log({ soort: 'bindend-besluit', omschrijving: `Bindend besluit van het Dagelijks Bestuur: ${args.school.naam}`, door: args.door, reden: args.reden, gegevens: { school: args.school.naam } });
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.tekst(args.adviesDerde, 'adviesDerde', ADVIES.min, ADVIES.max);
        argument.schoolRef(args.school);
        argument.reden(args.reden);
        if (args.bestuurNietInDb !== undefined) argument.janee(args.bestuurNietInDb, 'bestuurNietInDb');
        open();
        if (niveau !== 'E6') throw new Error(`Een bindend besluit volgt op E6, na het advies van de onafhankelijke derde; de zaak staat op ${niveau}.`);
        eigenaar(args.door);
        if (bindendBesluit) throw new Error('Het Dagelijks Bestuur heeft al bindend besloten.');
        if (args.bestuurNietInDb && !uitgenodigd.has('E6')) {
          throw new Error('Het bestuur van die school zit niet in het DB: nodig het eerst uit (vastleggen: bestuur-uitgenodigd).');
        }
      },
    },
  );

  setHandler(
    oudersReactieUpdate,
    (args) => {
      if (args.akkoord) {
        eindig(bindendBesluit!.school, args.door, args.reden, `Ouders aanvaarden het bindend besluit: geplaatst op ${bindendBesluit!.school.naam}`);
      } else {
        naarNiveau('E7', args.door, args.reden, { ouders: 'niet akkoord' });
      }
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.janee(args.akkoord, 'akkoord');
        argument.reden(args.reden);
        open();
        if (niveau !== 'E6' || !bindendBesluit) throw new Error('De reactie van de ouders volgt op het bindend besluit van het DB (E6).');
        if (!['coordinator', 'directeur'].includes(args.door.rol)) throw rolNietToegestaan('De reactie van de ouders legt de coördinator of de directeur vast.');
      },
    },
  );

  setHandler(
    plaatsenUpdate,
    (args) => {
      eindig(args.school, args.door, args.reden, `Geplaatst op ${args.school.naam} (op ${niveau})`);
      gewijzigd();
      return view();
    },
    {
      validator: (args) => {
        argument.stap(args, input.school.brin);
        argument.schoolRef(args.school);
        argument.reden(args.reden);
        open();
        // Any rung can end with a placement: its owner records it, the coordinator always may.
        eigenaar(args.door, ['coordinator']);
      },
    },
  );

  function voerUit(m: Moment): void {
    const owner = eigenaarVan[niveau];
    if (m.soort === 'herinnering') {
      log({ soort: 'herinnering', omschrijving: `Herinnering aan ${owner}: ${niveau} moet vóór ${formatDutchDate(serviceniveau().datum)} verder`, gegevens: { niveau, datum: m.datum } });
      // Late (SMTP trouble) and the rung moved on or the case ended: not worth sending any more.
      const rung = niveau;
      bericht('impasse-herinnering', m.sleutel, [{ rol: owner }], { regel: m.regel }, () => !uitkomst && !gestopt && niveau === rung);
    } else {
      // Stuck since the service level expired (for a melding registered late, before today).
      vastgelopen = { niveau, sinds: iso(m.at) };
      log({ soort: 'vastgelopen', omschrijving: `Vastgelopen op ${niveau}: het serviceniveau (${formatDutchDate(m.datum)}) is verstreken`, gegevens: { niveau, datum: m.datum } });
      // The directeur is told once per stuck rung.
      const rung = niveau;
      bericht('impasse-vastgelopen', m.sleutel, [{ rol: 'directeur' }], { regel: m.regel }, () => !uitkomst && !gestopt && niveau === rung);
    }
    afgehandeld.add(m.sleutel);
    gewijzigd();
  }


  log({ soort: 'gemeld', omschrijving: `Impasse gemeld (${input.aanleiding}): ${niveauOmschrijving.E1}`, door: input.gemeldDoor, reden: input.reden, gegevens: input.zorgplichtZaak ? { zorgplichtZaak: input.zorgplichtZaak } : undefined });
  upsertSearchAttributes([
    { key: ZaakType, value: 'impasse' },
    { key: SchoolBrin, value: input.school.brin },
    { key: SwvCode, value: policy.code },
    { key: ZaakSinds, value: toIsoDate(gestart, tijden.tijdzone) },
  ]);
  publiceer();
  // Registered once the start is recorded, so the first view already shows it.
  setHandler(impasseViewUpdate, view);

  try {
    while (!uitkomst) {
      const volgende = planning()[0];
      const v = versie;
      const wacht = volgende ? volgende.at - Date.now() : undefined;
      if (wacht === undefined || wacht > 0) {
        if (await condition(() => versie !== v, wacht ?? '365 days')) continue;
        if (!volgende) continue;
      }
      voerUit(volgende!);
    }
    await condition(() => uitgaand.leeg);
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // The zorgplicht case closed otherwise (e.g. withdrawn): record it, then end as cancelled.
    await CancellationScope.nonCancellable(async () => {
      gestopt = true;
      log({ soort: 'gestopt', omschrijving: 'Impasse gestopt: de zaak waaruit zij kwam is gesloten' });
      publiceer();
    });
    throw err;
  }
  return uitkomst;
}
