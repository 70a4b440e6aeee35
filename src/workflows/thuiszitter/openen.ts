/**
 * A thuiszitter case opened by another case (issue 16 item 2): where the product already knows a
 * child is at home (an impasse, a zorgplicht case closed without a school, a terugplaatsing that
 * stops without a place), the case that knows it opens a thuiszitter case with the case and rule
 * that caused it (`aanleiding`). It outlives the case that opened it (ParentClosePolicy ABANDON); a
 * coordinator can dismiss it with a reason (`afwijzen`).
 */
import { ParentClosePolicy } from '@temporalio/workflow';
import { addDays, compareDates, toIsoDate } from '../../domain/dates';
import type { Policy } from '../../domain/policy';
import type { SchoolRooster } from '../../domain/holidays';
import type { Ontvanger } from '../../shared/bericht';
import type { Aanleiding, Thuis, ThuiszitterInput } from '../../shared/thuiszitter';
import type { ActorRef } from '../../shared/zaak';
import * as argument from '../argumenten';
import type { Zaak } from '../zaakkern';
import { thuiszitter } from './index';

/**
 * One child, one thuiszitter case: a case with an impasse child opens the id that impasse would
 * (`<id>-impasse-thuiszitter`), so whichever of the two knows it first opens it and the other finds it.
 */
export const thuiszitterId = (zaakId: string, metImpasse: boolean): string =>
  `${zaakId}${metImpasse ? '-impasse' : ''}-thuiszitter`;

export function openThuiszitter<V>(
  zaak: Zaak<V>,
  input: ThuiszitterInput & { aanleiding: Aanleiding },
  h: { gestart: (id: string, bestond: boolean) => void; mislukt: (reden: string) => void },
  workflowId = thuiszitterId(zaak.id, false),
): void {
  zaak.koppel(
    thuiszitter,
    {
      workflowId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // A closed or dismissed case of this child stays what it is: not replaced by a new run.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    },
    {
      los: true,
      gestart: (id) => h.gestart(id, false),
      // Its id is this child's: one that exists already (running, closed or dismissed) is its thuiszitter case.
      mislukt: (reden, bestaatAl) => (bestaatAl ? h.gestart(workflowId, true) : h.mislukt(reden)),
    },
  );
}

/**
 * Opened by a case as it closes (a zorgplicht decision, a terugplaatsing's stop). The closing case's
 * timeline is seen by nobody after, so the coordinator is mailed where a person must look: the child
 * has a case already (running, or closed or dismissed: then no case is open while it is at home), or
 * the start failed.
 */
export function openBijSluiten<V>(
  zaak: Zaak<V>,
  input: ThuiszitterInput & { aanleiding: Aanleiding },
  workflowId: string,
  coordinator: Ontvanger,
  mislukt: () => void,
): void {
  openThuiszitter(
    zaak,
    input,
    {
      gestart: (kind, bestond) => {
        if (!bestond) return;
        zaak.noteer({
          soort: 'thuiszitter-bestaat',
          omschrijving: `Deze leerling heeft al een thuiszitterszaak (${kind}): die blijft zoals zij is`,
        });
        zaak.bericht('thuiszitter-controleren', 'thuiszitter-bestaat', [coordinator], {
          bestaat: 'ja',
          bestaandeZaak: kind,
          regel: input.aanleiding.regel,
        });
      },
      mislukt: (reden) => {
        mislukt();
        zaak.noteer({
          soort: 'thuiszitter-niet-gestart',
          omschrijving: `De thuiszitterszaak kon niet starten: ${reden}. Open haar als coördinator (POST /api/v1/zaken/thuiszitter).`,
        });
        zaak.bericht('thuiszitter-controleren', 'thuiszitter-niet-gestart', [coordinator], {
          mislukt: 'ja',
          regel: input.aanleiding.regel,
        });
      },
    },
    workflowId,
  );
}

/** The shape of a `leerlingThuis` (the API checked it; a call straight to Temporal is checked here). */
export function thuisVorm(a: Thuis, pad = ''): void {
  argument.datum(a.sinds, `${pad}sinds`);
  argument.reden(a.reden, `${pad}reden`);
  // Enrolled somewhere, or said to be enrolled nowhere: never left to a default.
  if ((a.ingeschrevenOp === undefined) === (a.nergensIngeschreven !== true))
    throw new Error(`Ongeldige invoer: noem ${pad}ingeschrevenOp of ${pad}nergensIngeschreven: true.`);
  if (a.ingeschrevenOp !== undefined) {
    argument.schoolRef(a.ingeschrevenOp, `${pad}ingeschrevenOp`);
    argument.tekst(a.ingeschrevenOp.brin, `${pad}ingeschrevenOp.brin`, 4, 6);
    if (a.ingeschrevenOp.email !== undefined)
      argument.tekst(a.ingeschrevenOp.email, `${pad}ingeschrevenOp.email`, 3, 320);
  }
}

/** The first day at home: not in the future, at most a year back (the case's calendar covers that). */
export function thuisDatum(sinds: string, tijdzone: string): void {
  const vandaag = toIsoDate(Date.now(), tijdzone);
  if (compareDates(sinds, vandaag) > 0) throw new Error('De eerste dag thuis ligt in de toekomst.');
  if (compareDates(sinds, addDays(vandaag, -366)) < 0)
    throw new Error('De eerste dag thuis ligt meer dan een jaar terug.');
}

/** What the case that knows it tells the thuiszitter case: the child, where (if anywhere) enrolled, and why. */
export function thuiszitterInvoer(
  van: {
    leerling: { naam: string };
    /** The case's own school: its holiday region goes with it where the pupil is enrolled there. */
    school: { brin: string; regio?: NonNullable<ThuiszitterInput['school']>['regio'] };
    ouders?: { email: string }[];
    beleid: Policy;
    kalender: SchoolRooster;
    coordinatorEmail?: string;
  },
  thuis: Thuis,
  wie: ActorRef,
  aanleiding: Aanleiding,
  redenGroep: ThuiszitterInput['redenGroep'] = 'geen-passend-aanbod',
): ThuiszitterInput & { aanleiding: Aanleiding } {
  const o = thuis.ingeschrevenOp;
  return {
    leerling: { naam: van.leerling.naam },
    ...(o
      ? {
          school: {
            brin: o.brin,
            naam: o.naam,
            ...(o.email ? { email: o.email } : {}),
            ...(o.bestuurEmail ? { bestuurEmail: o.bestuurEmail } : {}),
            ...(o.brin === van.school.brin && van.school.regio ? { regio: van.school.regio } : {}),
          },
        }
      : {}),
    ouders: van.ouders ?? [],
    beleid: van.beleid,
    kalender: van.kalender,
    sinds: thuis.sinds,
    reden: thuis.reden,
    redenGroep,
    ...(van.coordinatorEmail ? { coordinatorEmail: van.coordinatorEmail } : {}),
    gestartDoor: wie,
    aanleiding,
  };
}
