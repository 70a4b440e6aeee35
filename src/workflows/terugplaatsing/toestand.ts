/** What the terugplaatsing workflow's files share: the case's state and its kernel. */
import type { Dated } from '../../domain/deadlines';
import type { Policy } from '../../domain/policy';
import type { Ontvanger } from '../../shared/bericht';
import type {
  FaseCode,
  KandidaatSchool,
  StapCode,
  Stapnummer,
  TerugplaatsingInput,
  TerugplaatsingUitkomst,
  TerugplaatsingView,
  ToestemmingInvoer,
} from '../../shared/terugplaatsing';
import type { ActorRef } from '../../shared/zaak';
import type { Zaak } from '../zaakkern';

/** A sub-step as recorded: by whom, when, and what it said (or why it was skipped). */
export interface Vastlegging {
  door: ActorRef;
  op: string;
  overgeslagen?: boolean;
  reden?: string;
  /** What the step recorded beyond the reason (dates, answers); shown in the timeline. */
  gegevens?: Record<string, string | number | boolean>;
}

/** A per-school step (2.1 contact, 2.2 GD/OPP shared). */
export interface SchoolVastlegging {
  school: KandidaatSchool;
  door: ActorRef;
  op: string;
}

/** The state of one terugplaatsing, in one serializable object. */
export interface Toestand {
  stappen: Partial<Record<StapCode, Vastlegging>>;
  /** The phases VSO → VO (variant 'vso-vo'); absent in cases from before the variant. */
  fasen: Partial<Record<FaseCode, Vastlegging>>;
  contact: SchoolVastlegging[];
  gedeeld: SchoolVastlegging[];
  toestemmingen: (ToestemmingInvoer & { door: ActorRef; op: string })[];
  /** The school the pupil goes to: found by the S(B)O school (2.3) or placed by the plaatsingstafel (2.4). */
  gevonden?: { brin?: string; naam: string; email?: string; via: '2.3' | 'plaatsingstafel' | 'F2' };
  plaatsingstafel?: NonNullable<TerugplaatsingView['plaatsingstafel']>;
  /** Stopped without a place: the thuiszitter case it opened (issue 16 item 2). */
  thuiszitter?: NonNullable<TerugplaatsingView['thuiszitter']>;
  symbiose: boolean;
  startdatum?: string;
  /** Epoch ms: when the start was recorded (4.1); reminders of the evaluation before it were past. */
  startVastgelegd?: number;
  evaluatie?: TerugplaatsingView['evaluatie'];
  evaluatieTeLaat: boolean;
  /** Epoch ms of the last recorded progress: the service level of Stap 1–3 counts from it. */
  laatsteVoortgang: number;
  vastgelopen: TerugplaatsingView['vastgelopen'];
  eerdereRondes: TerugplaatsingView['eerdereRondes'];
  /** Bumped by a negative decision: the timed steps of a new round have new keys. */
  ronde: number;
  /** When the current round began (the last negative decision), ISO: what came before is another school's. */
  rondeSinds?: string;
  /** The furthest sub-step any round reached (a negative decision opens Stap 2 again): the yearly report's. */
  verstePunt?: Stapnummer;
  uitkomst?: TerugplaatsingUitkomst;
}

/** One terugplaatsing as its actions and timed steps see it. */
export interface Terugplaatsingzaak {
  zaak: Zaak<TerugplaatsingView>;
  t: Toestand;
  input: TerugplaatsingInput;
  beleid: Policy;
  /** The stappenplan, or VO Groningen's phases VSO → VO (the policy's variant, fixed at the start). */
  variant: 'stappenplan' | 'vso-vo';
  open: () => boolean;
  vandaag: () => string;
  /** The day the case began (the signal), as the report and the start's lower bound count it. */
  gestart: string;
  aan: { school: Ontvanger; coordinator: Ontvanger; ouders: Ontvanger[]; ontvangendeSchool: () => Ontvanger[] };
  /** The evaluation deadline, once the start is recorded (4.1) and until the evaluation (4.2). */
  evaluatiedatum: () => Dated | undefined;
  volgendeStap: () => TerugplaatsingView['volgendeStap'];
  /** A change by a person: progress, so the service level starts again. */
  voortgang: () => void;
  /** The case ends: the outcome recorded, the parents and schools told, the TLV case told. */
  sluit: (u: TerugplaatsingUitkomst) => void;
}
