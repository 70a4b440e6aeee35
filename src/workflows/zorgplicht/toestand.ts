/** What the zorgplicht workflow's files share: the case's state and its fixed facts. */
import type { Dated } from '../../domain/deadlines';
import type { Policy } from '../../domain/policy';
import type { Ontvanger } from '../../shared/bericht';
import type { Aanvulling } from '../../shared/tlv';
import type { ZorgplichtInput, ZorgplichtView } from '../../shared/zorgplicht';
import type { Zaak } from '../zaakkern';

/** The state of one case, in one serializable object (what a continueAsNew would carry). */
export interface Toestand {
  beslistermijn: Dated;
  /** Reminders at or before this moment are skipped: they were already past when planned. */
  geplandOp: number;
  termijnOverschreden: boolean;
  tijdelijkGeplaatst: boolean;
  ingeschrevenElders: ZorgplichtInput['ingeschrevenElders'];
  verlenging?: ZorgplichtView['verlenging'];
  impasse?: ZorgplichtView['impasse'];
  besluit?: ZorgplichtView['besluit'];
  impasseZaak?: string;
  /** The thuiszitter case this case opened when it closed without a school (issue 16 item 2). */
  thuiszitter?: NonNullable<ZorgplichtView['thuiszitter']>;
  /** A TLV requested from this case: started by the planner (`gestart`), its decision signalled back. */
  tlv?: NonNullable<ZorgplichtView['tlv']> & { gestart?: boolean; aanvulling?: Aanvulling; reden: string };
  oudergesprekken: ZorgplichtView['oudergesprekken'];
  informatieverzoeken: ZorgplichtView['informatieverzoeken'];
}

/** One zorgplicht case as its actions and timed steps see it. */
export interface Zorgplichtzaak {
  zaak: Zaak<ZorgplichtView>;
  t: Toestand;
  input: ZorgplichtInput;
  policy: Policy;
  /** The 6-week deadline as first computed (an extension counts from the aanmelding, not from it). */
  oorspronkelijk: Dated;
  /** The 10-week moment of the temporary placement (WPO art. 40). */
  plaatsing: Dated;
  aan: { school: Ontvanger; coordinator: Ontvanger; ouders: Ontvanger[] };
}
