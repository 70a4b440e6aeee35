/** What the TLV workflow's files share: the case's state and its kernel. */
import type { Policy } from '../../domain/policy';
import type { HerbeoordelingsPlanning } from '../../domain/tlv';
import type { Ontvanger } from '../../shared/bericht';
import type { Aanvulling, TlvInput, TlvToestand, TlvView } from '../../shared/tlv';
import type { Zaak } from '../zaakkern';

export type Toestand = TlvToestand;

/** One TLV case as its actions and timed steps see it. */
export interface Tlvzaak {
  zaak: Zaak<TlvView>;
  t: Toestand;
  input: TlvInput;
  beleid: Policy;
  open: () => boolean;
  /** Today in the SWV's time zone (workflow time). */
  vandaag: () => string;
  aan: { school: Ontvanger; coordinator: Ontvanger; ouders: Ontvanger[] };
  /** The aanvraag, from the start or completed later; undefined while incomplete. */
  aanvraag: () => TlvInput['aanvraag'];
  /** The herbeoordeling plan of the TLV in force (undefined without one, or in a case from before it). */
  herbeoordelingsplan: () => HerbeoordelingsPlanning | undefined;
  /** The TLV in force runs to the end of primary school: the next one, if any, is the SWV VO's. */
  eindeBasisonderwijs: () => boolean;
  /** The pupil with the groep (and EMB school year) as completed. */
  leerling: () => TlvInput['leerling'] & Partial<Aanvulling['leerling']>;
}
