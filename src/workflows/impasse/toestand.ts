/** What the impasse workflow's files share: the case's state and its kernel. */
import type { Dated } from '../../domain/deadlines';
import type { Policy } from '../../domain/policy';
import type { Ontvanger } from '../../shared/bericht';
import type { ImpasseInput, ImpasseUitkomst, ImpasseView } from '../../shared/impasse';
import type { Ladder, Niveau } from '../../shared/impasseLadder';
import type { Zaak } from '../zaakkern';

/** The state of one impasse, in one serializable object (what a continueAsNew would carry). */
export interface Toestand {
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
  /** The pupil is at home: since when, and the thuiszitter case it opened (issue 16). */
  thuis?: { sinds: string; zaakId?: string };
}

/** One impasse as its actions and timed steps see it. */
export interface Impassezaak {
  zaak: Zaak<ImpasseView>;
  t: Toestand;
  /** The current niveau's service level, in school days of the case's own calendar. */
  serviceniveau: () => Dated;
  open: () => boolean;
  aan: { school: Ontvanger; coordinator: Ontvanger; ouders: Ontvanger[] };
  beleid: Policy;
  input: ImpasseInput;
  /** The rungs this case climbs: the plaatsingstafel, or its policy's route of its own. */
  ladder: Ladder;
}
