/** What the thuiszitter workflow's files share: the case's state and its kernel. */
import type { Policy } from '../../domain/policy';
import type { Ontvanger } from '../../shared/bericht';
import type { RedenGroep, ThuiszitterInput, ThuiszitterView } from '../../shared/thuiszitter';
import type { Zaak } from '../zaakkern';

/** The state of one thuiszitter case, in one serializable object. */
export interface Toestand {
  redenGroep: RedenGroep;
  reden: string;
  /** The day from which the absence counts towards the threshold (absent while the child is ill). */
  telVanaf?: string;
  /** The day the child counts as a thuiszitter (absent: not yet, or ill). */
  thuiszitterSinds?: string;
  afspraken: ThuiszitterView['afspraken'];
  vrijstellingen: ThuiszitterView['vrijstellingen'];
  /** The target date passed while the child was still at home: the directeur was told. */
  streefVerstreken: boolean;
  uitkomst?: ThuiszitterView['uitkomst'];
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
  aan: { school: Ontvanger[]; coordinator: Ontvanger };
}
