/**
 * The ladders of P2: the plaatsingstafel (seed 001 §1.2, L817–852) and the routes of a plan's own
 * (policy impasse.route.treden), with their rungs, owners and notes. zod-free,
 * so the impasse workflow can use it without loading zod into every cached case.
 */
import type { Rol } from './rollen';

export const niveaus = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7'] as const;
export type Niveau = (typeof niveaus)[number];

/** Who owns each rung: only that role may act on it (seed 001 L821–852). */
export const eigenaarVan: Record<Niveau, Rol> = {
  E1: 'coordinator', // the SWV received the school's melding: the OA picks it up (L821–823)
  E2: 'coordinator', // the OA organises the plaatsingstafel (L824–830)
  E3: 'directeur', // the OA's reasoned advice lies with the directeur (L832–835)
  E4: 'directeur', // directeur-to-directeur talk, may offer SWV support (L837–840)
  E5: 'bestuur', // the Dagelijks Bestuur (L842–843)
  E6: 'bestuur', // onafhankelijke derde advises; the DB takes a binding decision (L845–849)
  E7: 'directeur', // parents do not accept: leerplicht and SKT are consulted, GPO possible (L850–852)
};

export const niveauOmschrijving: Record<Niveau, string> = {
  E1: 'Melding bij het samenwerkingsverband',
  E2: 'Plaatsingstafel',
  E3: 'Directeur SWV (onderbouwd advies)',
  E4: 'Gesprek directeur SWV met directeur school',
  E5: 'Dagelijks Bestuur',
  E6: 'Onafhankelijke derde en bindend besluit DB',
  E7: 'Ouders niet akkoord: leerplicht, SKT, Geschillencommissie',
};

export const deelnemers = [
  'ouders',
  'skt',
  'huidige-school',
  'thuisnabije-scholen',
  'sbo-so-school',
  'leerplicht',
] as const;

/** What may be noted on the ladder (which rung allows which: the workflow's notitiesPerNiveau). */
export const notitieSoorten = [
  'ondersteuningsaanbod',
  'bestuur-uitgenodigd',
  'leerplicht-geraadpleegd',
  'skt-geraadpleegd',
  'geschillencommissie',
] as const;

export type NotitieSoort = (typeof notitieSoorten)[number];

/**
 * The kinds of route a case climbs (policy impasse.route.soort). 'plaatsingstafel' is SPOW's ladder
 * and the product's default where a plan describes none (policy 'productstandaard').
 */
export type RouteSoort = 'plaatsingstafel' | 'doorzettingsmacht' | 'bestuursgeschil' | 'thuiszitterspact';

/** One rung as the impasse workflow climbs it. */
export interface Trede {
  code: Niveau;
  omschrijving: string;
  /** Only this role acts on the rung (some steps also the coordinator or the directeur). */
  eigenaar: Rol;
  /** What may be noted on this rung (vastleggen). */
  notities: readonly NotitieSoort[];
  /** The plan's rule behind the rung (a route of its own). */
  regel?: string;
}

/** The rungs one case climbs, one at a time, from its policy's route. */
export interface Ladder {
  soort: RouteSoort;
  treden: readonly Trede[];
}

/** Which notes belong to which rung of the plaatsingstafel (seed 001 L837–852). */
const plaatsingstafelNotities: Partial<Record<Niveau, NotitieSoort[]>> = {
  E4: ['ondersteuningsaanbod'],
  E6: ['bestuur-uitgenodigd'],
  E7: ['leerplicht-geraadpleegd', 'skt-geraadpleegd', 'geschillencommissie'],
};

export const plaatsingstafel: Ladder = {
  soort: 'plaatsingstafel',
  treden: niveaus.map((code) => ({
    code,
    omschrijving: niveauOmschrijving[code],
    eigenaar: eigenaarVan[code],
    notities: plaatsingstafelNotities[code] ?? [],
  })),
};

/**
 * Notes on a route of its own: the commission's opinion on PPO-NK's last rung (seed 003 L515); the
 * pact's casusoverleg consults leerplicht (seed 004 L420).
 */
const routeNotities: Partial<Record<RouteSoort, Partial<Record<Niveau, NotitieSoort[]>>>> = {
  bestuursgeschil: { E3: ['geschillencommissie'] },
  thuiszitterspact: { E2: ['leerplicht-geraadpleegd'] },
};

/** A policy's route as this module reads it (a structural subset of policy impasse.route: zod-free). */
export interface RouteBeleid {
  soort: string;
  treden?: readonly { code: string; omschrijving: string; rol?: Rol; regel: string }[];
}

/**
 * The ladder a case climbs: its policy's route of its own (Almere's doorzettingsmacht, PPO-NK's
 * dispute between boards, VO Groningen's thuiszitterspact), else the plaatsingstafel.
 */
export function ladderVan(route: RouteBeleid | undefined): Ladder {
  // A policy copied before the routes were climbed (no rol per rung) said the case follows the plaatsingstafel.
  if (
    !route?.treden?.length ||
    route.soort === 'plaatsingstafel' ||
    route.soort === 'productstandaard' ||
    route.treden.some((t) => !t.rol)
  )
    return plaatsingstafel;
  const soort = route.soort as RouteSoort;
  return {
    soort,
    treden: route.treden.map((t) => ({
      code: t.code as Niveau,
      omschrijving: t.omschrijving,
      eigenaar: t.rol!,
      notities: routeNotities[soort]?.[t.code as Niveau] ?? [],
      regel: t.regel,
    })),
  };
}

/** The rung with this code (the ladder's first where the code is not on it: a case's niveau always is). */
export const tredeVan = (ladder: Ladder, code: string): Trede =>
  ladder.treden.find((t) => t.code === code) ?? ladder.treden[0];

/** The rung after this one, if any. */
export function volgendeTrede(ladder: Ladder, code: string): Trede | undefined {
  return ladder.treden[ladder.treden.findIndex((t) => t.code === code) + 1];
}
