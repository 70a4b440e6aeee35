/**
 * What a linked case tells the zorgplicht case (declared with the receiving process). A TLV requested
 * from a zorgplicht case outlives it, so it is not a child the case awaits: the TLV signals its
 * decision, and a grant with an admitting S(B)O school closes the zorgplicht case.
 */
import { defineSignal } from '@temporalio/workflow';
import type { ActorRef } from '../../shared/zaak';

export interface TlvBesluitBericht {
  zaakId: string;
  uitkomst: 'toegekend' | 'afgewezen' | 'ingetrokken';
  reden: string;
  door: ActorRef;
  op: string;
  /** With a grant: the S(B)O school that admits the pupil, and from when. */
  school?: { brin?: string; naam: string };
  startdatum?: string;
}

export const tlvBesluitSignal = defineSignal<[TlvBesluitBericht]>('tlv-besluit');
