/**
 * What a linked case tells the thuiszitter case (declared with the receiving process): the impasse
 * that opened it placed the pupil. The case stays open until the first school day is recorded
 * (`afsluiten`): a place is not yet a child back in school.
 */
import { defineSignal } from '@temporalio/workflow';
import type { ActorRef } from '../../shared/zaak';

export interface PlaatsingBericht {
  /** The impasse that placed the pupil. */
  zaakId: string;
  school: { brin?: string; naam: string };
  niveau: string;
  door: ActorRef;
  reden: string;
  op: string;
}

export const plaatsingSignal = defineSignal<[PlaatsingBericht]>('plaatsing');
