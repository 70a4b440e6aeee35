/** What the thuiszitter workflow's files share: the case's state and its kernel. */
import type { Dated } from '../../domain/deadlines';
import type { Policy } from '../../domain/policy';
import type { Ontvanger } from '../../shared/bericht';
import type { RedenGroep, ThuiszitterInput, ThuiszitterView } from '../../shared/thuiszitter';
import type { Zaak } from '../zaakkern';

/** The state of one thuiszitter case, in one serializable object. */
export interface Toestand {
  redenGroep: RedenGroep;
  reden: string;
  /**
   * The first day of the absence that counts (absent while an enrolled child is ill): the threshold
   * and the target count from it, not from an illness before it (seed 001 L1777).
   */
  telVanaf?: string;
  /** The day of the last change of reason: a later change does not date back before it. */
  redenSinds: string;
  /** Epoch ms when the target last moved (a start, the threshold, a vrijstelling): reminders before it are past. */
  streefGezet: number;
  /** The day the child counts as a thuiszitter (absent: not yet, or ill). */
  thuiszitterSinds?: string;
  afspraken: ThuiszitterView['afspraken'];
  vrijstellingen: ThuiszitterView['vrijstellingen'];
  /** The target date passed while the child was still at home: the directeur was told. */
  streefVerstreken: boolean;
  uitkomst?: ThuiszitterView['uitkomst'];
  afgewezen?: ThuiszitterView['afgewezen'];
  plaatsing?: ThuiszitterView['plaatsing'];
}

/** One thuiszitter case as its actions and timed steps see it. */
export interface Thuiszitterzaak {
  zaak: Zaak<ThuiszitterView>;
  t: Toestand;
  input: ThuiszitterInput;
  beleid: Policy;
  /** Today in Amsterdam (workflow time). */
  vandaag: () => string;
  open: () => boolean;
  /** Under a vrijstelling today: the child does not count as a thuiszitter. */
  vrijgesteld: () => boolean;
  /** The target date as it stands (moved on by vrijstelling days). */
  streefdatum: () => Dated;
  /** The day an enrolled child counts as a thuiszitter (absent: counted already, or ill). */
  drempel: () => Dated | undefined;
  aan: { school: Ontvanger[]; coordinator: Ontvanger; ouders: Ontvanger[] };
}
