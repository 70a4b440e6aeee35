/**
 * The plaatsingstafel ladder of P2 (seed 001 §1.2, L817–852): its rungs, owners and notes. zod-free,
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
