/**
 * A thuiszitter case opened by another case (issue 16 item 2): where the product already knows a
 * child is at home, the case that knows it opens `<its id>-thuiszitter` with the case and rule that
 * caused it (`aanleiding`). It outlives the case that opened it (ParentClosePolicy ABANDON); a
 * coordinator can dismiss it with a reason (`afwijzen`).
 */
import { ParentClosePolicy } from '@temporalio/workflow';
import type { ThuiszitterInput } from '../../shared/thuiszitter';
import type { Zaak } from '../zaakkern';
import { thuiszitter } from './index';

export function openThuiszitter<V>(
  zaak: Zaak<V>,
  input: ThuiszitterInput & { aanleiding: NonNullable<ThuiszitterInput['aanleiding']> },
  h: { gestart: (id: string) => void; mislukt: (reden: string) => void },
): void {
  zaak.koppel(
    thuiszitter,
    { workflowId: `${zaak.id}-thuiszitter`, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON },
    {
      los: true,
      gestart: h.gestart,
      // Its id is this case's: one that exists already is this case's thuiszitter (a retried step).
      mislukt: (reden, bestaatAl) => (bestaatAl ? h.gestart(`${zaak.id}-thuiszitter`) : h.mislukt(reden)),
    },
  );
}
