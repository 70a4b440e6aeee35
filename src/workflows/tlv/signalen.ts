/**
 * What a linked case tells the TLV case (declared with the receiving process). A terugplaatsing
 * started from the TLV's evaluation outlives nothing here: it signals its outcome, and a return that
 * holds means the TLV is no longer used (it stays valid to its end date; the seed leaves that open).
 */
import { defineSignal } from '@temporalio/workflow';
import type { ActorRef } from '../../shared/zaak';

export interface TerugplaatsingUitkomstBericht {
  zaakId: string;
  uitkomst: 'teruggeplaatst' | 'gestopt' | 'niet-wenselijk';
  reden: string;
  door: ActorRef;
  op: string;
  school?: { brin?: string; naam: string };
}

export const terugplaatsingUitkomstSignal = defineSignal<[TerugplaatsingUitkomstBericht]>('terugplaatsing-uitkomst');
