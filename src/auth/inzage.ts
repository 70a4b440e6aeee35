/**
 * Need to know (AVG data minimisation, issue 11 item 6): who reads which case, and what of it. The
 * one place for these rules: the case view, an action's answer, the case list and the impasse view
 * all ask here. A case an actor may not read answers 404, like an unknown id, so its existence does
 * not leak. What a process declares (src/processen: `inzage`, an action's `intern`) are facts about
 * the process; what each role makes of them is decided below.
 *
 * | rol | reads | sees |
 * |---|---|---|
 * | coordinator | every case of the SWV | everything |
 * | school | the cases of its own BRIN codes, and those it takes part in (a terugplaatsing's receiving school: `betrokkenScholen`) | without the SWV's internal work (`intern`); a school taking part only its own part (`voorBetrokkenSchool`) |
 * | directeur | every impasse (on the ladder at E3, E4 and E7, and told of every stuck rung); a case of another process only while stuck (`vastgelopen` statuses: term passed, placed by law, impasse) | impasses whole; a stuck case without personal data (`zonderPersoonsgegevens`, tijdlijn as when and what) |
 * | bestuur | impasses that reached its rungs (E5, E6), open or closed | everything |
 * | deskundige | cases whose view names them (`deskundigen`), and every case waiting for a deskundige to take it up (`deskundigenPool`: a TLV aanvraag not yet decided) | everything |
 *
 * Why the directeur sees a stuck zorgplicht case without the pupil: the school decides on it and the
 * coordinator acts on a passed term; the directeur needs to know that it is stuck, where and how long,
 * not who. Once the school reports an impasse the pupil's name reaches the directeur through it.
 */
import type { Inzage, Intern, ProcesDefinitie } from '../processen/definitie';
import { eigenaarVan, niveaus, type Niveau } from '../shared/impasseLadder';
import {
  BetrokkenScholen,
  ImpasseNiveau,
  SchoolBrin,
  SwvCode,
  ZaakStatus,
  ZaakType,
} from '../temporal/searchAttributes';
import type { Actor } from './actors';

/** What the rules read in a case's view (every process's view carries type, status and school). */
export interface Leesbaar {
  type: string;
  status: string;
  school?: { brin?: string };
  /** Other schools that take part (BRIN codes): they read the case as its own school does. */
  betrokkenScholen?: string[];
  niveau?: string;
  tijdlijn?: { soort: string }[];
  /** The deskundigen assigned to the case (a process with `inzage.deskundigen`). */
  deskundigen?: { id: string }[];
  /** The SWV's policy code: where its route has the directeur decide (`inzage.directeurBeslist`). */
  beleid?: string;
}

/** A case as the index (search attributes) knows it: codes only. */
export interface Kenmerken {
  type?: string;
  brin?: string;
  /** BetrokkenScholen: the other schools that take part. */
  betrokken?: string[];
  status?: string;
  niveau?: string;
  /** SwvCode: the policy the case follows. */
  swv?: string;
}

type Processen = readonly ProcesDefinitie[];

/** The Dagelijks Bestuur's rungs (E5, E6): the ladder goes up one rung at a time. */
const DB: readonly Niveau[] = niveaus.filter((n) => eigenaarVan[n] === 'bestuur');
const DB_NIVEAUS: readonly string[] = DB;
/** Rungs after the DB's (E7): reached from the DB's decision, or from a refused advice at E3 or E4. */
const NA_DB: readonly string[] = niveaus.slice(niveaus.indexOf(DB[DB.length - 1]) + 1);
/** The tijdlijn of a case that reached a DB rung. */
const DB_SOORTEN = new Set(DB.map((n) => `niveau:${n}`));

const procesVan = (processen: Processen, type: string | undefined) => processen.find((p) => p.type === type);

/** The directeur decides this process's cases under the case's policy (SPPOH's TLV, seed 000 L469): he reads them. */
const directeurBeslist = (inzage: Inzage | undefined, swv: string | undefined) =>
  !!swv && !!inzage?.directeurBeslist?.includes(swv);

/** Reads every case as it is: no check is needed. */
export const leestAlles = (actor: Actor): boolean => actor.rol === 'coordinator';

/**
 * From the index alone (lists, a refusal before any Update): true, false, or 'zaak' when only the
 * case's own view can tell (a DB member and an impasse on E7; a deskundige and an assignable case).
 */
export function magLezenVolgensIndex(actor: Actor, k: Kenmerken, processen: Processen): boolean | 'zaak' {
  const inzage = procesVan(processen, k.type)?.inzage;
  switch (actor.rol) {
    case 'coordinator':
      return true;
    case 'school':
      return (!!k.brin && actor.brins.includes(k.brin)) || !!k.betrokken?.some((b) => actor.brins.includes(b));
    case 'directeur':
      return (
        !!inzage?.ladder || (!!k.status && !!inzage?.vastgelopen?.includes(k.status)) || directeurBeslist(inzage, k.swv)
      );
    case 'bestuur':
      if (!inzage?.ladder || !k.niveau) return false;
      return DB_NIVEAUS.includes(k.niveau) ? true : NA_DB.includes(k.niveau) ? 'zaak' : false;
    case 'deskundige':
      if (k.status && inzage?.deskundigenPool?.includes(k.status)) return true;
      return inzage?.deskundigen ? 'zaak' : false;
  }
}

/** From the case's own view: the whole answer. */
export function magLezen(actor: Actor, view: Leesbaar, processen: Processen): boolean {
  const inzage = procesVan(processen, view.type)?.inzage;
  switch (actor.rol) {
    case 'bestuur':
      return (
        !!inzage?.ladder &&
        (DB_NIVEAUS.includes(view.niveau ?? '') || !!view.tijdlijn?.some((i) => DB_SOORTEN.has(i.soort)))
      );
    case 'deskundige':
      return (
        !!inzage?.deskundigenPool?.includes(view.status) ||
        (!!inzage?.deskundigen && !!view.deskundigen?.some((d) => d.id === actor.id))
      );
    default:
      return (
        magLezenVolgensIndex(
          actor,
          {
            type: view.type,
            brin: view.school?.brin,
            betrokken: view.betrokkenScholen,
            status: view.status,
            niveau: view.niveau,
            swv: view.beleid,
          },
          processen,
        ) === true
      );
  }
}

/** The view as this actor reads it, once `magLezen` said yes. */
export function zichtVoor<V>(actor: Actor, view: V, processen: Processen): V {
  const proces = procesVan(processen, (view as Leesbaar).type);
  if (actor.rol === 'school') {
    const zicht = zonderIntern(view, internVan(proces));
    const eigen = (view as Leesbaar).school?.brin;
    const betrokken = proces?.inzage?.voorBetrokkenSchool;
    // A school taking part reads its own part; the case's own school reads it all.
    return betrokken && !(eigen && actor.brins.includes(eigen)) ? (betrokken(zicht as never, actor.brins) as V) : zicht;
  }
  if (
    actor.rol === 'directeur' &&
    !proces?.inzage?.ladder &&
    !directeurBeslist(proces?.inzage, (view as Leesbaar).beleid)
  )
    return alleen(view, proces?.inzage?.zonderPersoonsgegevens ?? ['id', 'type', 'status', 'open']);
  return view;
}

/**
 * The visibility clause that limits a list to what the actor may read: '' for everything, null for
 * nothing. Built from registry codes and token BRIN codes only; rows may still need
 * `magLezenVolgensIndex` ('zaak').
 */
export function lijstFilter(actor: Actor, processen: Processen): string | null {
  const of = (delen: string[]) => (delen.length ? `(${delen.join(' OR ')})` : null);
  const type = (p: ProcesDefinitie) => `${ZaakType.name} = ${code(p.type)}`;
  switch (actor.rol) {
    case 'coordinator':
      return '';
    case 'school': {
      const brins = actor.brins.map(code).join(', ');
      return `(${SchoolBrin.name} IN (${brins}) OR ${BetrokkenScholen.name} IN (${brins}))`;
    }
    case 'directeur':
      return of(
        processen.flatMap((p) => {
          if (p.inzage?.ladder) return [type(p)];
          const st = p.inzage?.vastgelopen ?? [];
          const swv = p.inzage?.directeurBeslist ?? [];
          return [
            ...(st.length ? [`(${type(p)} AND ${ZaakStatus.name} IN (${st.map(code).join(', ')}))`] : []),
            ...(swv.length ? [`(${type(p)} AND ${SwvCode.name} IN (${swv.map(code).join(', ')}))`] : []),
          ];
        }),
      );
    case 'bestuur':
      return of(
        processen
          .filter((p) => p.inzage?.ladder)
          .map((p) => `(${type(p)} AND ${ImpasseNiveau.name} IN (${[...DB_NIVEAUS, ...NA_DB].map(code).join(', ')}))`),
      );
    case 'deskundige':
      return of(processen.filter((p) => p.inzage?.deskundigen || p.inzage?.deskundigenPool?.length).map(type));
  }
}

/** A code in a visibility query: never user text, and refused if it could break out of its quotes. */
function code(s: string): string {
  if (!/^[A-Za-z0-9:_-]+$/.test(s)) throw new Error(`geen code voor een visibility-query: ${JSON.stringify(s)}`);
  return `'${s}'`;
}

/** A process's internal work: its own declaration and each action's. */
export function internVan(proces: ProcesDefinitie | undefined): Required<Intern> {
  const delen = [proces?.inzage?.intern, ...Object.values(proces?.acties ?? {}).map((a) => a.intern)];
  const velden = new Set<string>();
  const tijdlijn: Record<string, 'weg' | 'tekst'> = {};
  for (const d of delen) {
    d?.velden?.forEach((v) => velden.add(v));
    for (const [soort, hoe] of Object.entries(d?.tijdlijn ?? {}))
      tijdlijn[soort] = tijdlijn[soort] === 'weg' ? 'weg' : hoe;
  }
  return { velden: [...velden], tijdlijn };
}

type Item = { soort: string; reden?: unknown; gegevens?: unknown } & Record<string, unknown>;

function zonderIntern<V>(view: V, intern: Required<Intern>): V {
  const kopie = structuredClone(view) as Record<string, unknown>;
  for (const pad of intern.velden) verwijder(kopie, pad.split('.'));
  if (Array.isArray(kopie.tijdlijn)) {
    const hoe = (soort: string) =>
      Object.entries(intern.tijdlijn).find(([s]) => (s.endsWith(':') ? soort.startsWith(s) : soort === s))?.[1];
    kopie.tijdlijn = (kopie.tijdlijn as Item[]).flatMap((item) => {
      const h = hoe(item.soort);
      if (h === 'weg') return [];
      if (h !== 'tekst') return [item];
      const { reden: _r, gegevens: _g, ...feit } = item;
      return [feit];
    });
  }
  return kopie as V;
}

function verwijder(o: Record<string, unknown>, pad: string[]): void {
  const [kop, ...rest] = pad;
  if (!rest.length) delete o[kop];
  else if (o[kop] && typeof o[kop] === 'object') verwijder(o[kop] as Record<string, unknown>, rest);
}

/** Only the named fields (dotted paths); the tijdlijn as when and what happened. */
function alleen<V>(view: V, velden: readonly string[]): V {
  const bron = view as Record<string, unknown>;
  const uit: Record<string, unknown> = {};
  for (const pad of velden) {
    const [kop, sub] = pad.split('.');
    const waarde = bron[kop];
    if (waarde === undefined) continue;
    if (!sub) uit[kop] = structuredClone(waarde);
    else if (waarde && typeof waarde === 'object' && (waarde as Record<string, unknown>)[sub] !== undefined)
      uit[kop] = { ...(uit[kop] as object), [sub]: structuredClone((waarde as Record<string, unknown>)[sub]) };
  }
  if (Array.isArray(bron.tijdlijn)) uit.tijdlijn = (bron.tijdlijn as Item[]).map(({ op, soort }) => ({ op, soort }));
  return uit as V;
}
