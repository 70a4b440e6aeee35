/**
 * The TLV's evaluation concluded terugplaatsing (seed 001 L1276–1280; P4): the stappenplan runs as a
 * case of its own, started here as a child that outlives nothing (ParentClosePolicy ABANDON: the
 * TLV may lapse while it runs). It signals its outcome back: a pupil back in a regular school means
 * the TLV is no longer used (it stays valid to its end date, which the seed leaves open); a
 * terugplaatsing that stops leaves the pupil at the S(B)O school, and the herbeoordeling applies again.
 */
import { ParentClosePolicy, setHandler, uuid4 } from '@temporalio/workflow';
import type { Evaluatie } from '../../shared/tlv';
import { terugplaatsing } from '../terugplaatsing';
import { terugplaatsingUitkomstSignal, type TerugplaatsingUitkomstBericht } from './signalen';
import type { Tlvzaak } from './toestand';

export function koppelTerugplaatsing(z: Tlvzaak, e: Evaluatie): void {
  const { zaak, t, input } = z;
  const tlv = t.tlv!;
  const zaakId = `tp-${uuid4()}`;
  t.terugplaatsing = { zaakId, gestart: zaak.nu() };
  zaak.koppel(
    terugplaatsing,
    {
      workflowId: zaakId,
      args: [
        {
          leerling: { naam: input.leerling.naam },
          // The S(B)O school the pupil is at refers it; without its BRIN the TLV still belongs to the
          // applicant (as its own scope), and so does the terugplaatsing: name and BRIN from one source.
          school: {
            ...(tlv.school.brin
              ? { brin: tlv.school.brin, naam: tlv.school.naam, email: t.sboEmail ?? input.school.email }
              : { brin: input.school.brin, naam: input.school.naam, email: input.school.email }),
            ...(input.school.regio ? { regio: input.school.regio } : {}),
          },
          ouders: input.ouders.map((o) => ({ email: o.email })),
          // A TLV started before the terugplaatsing existed has a policy without it: the case asks for it.
          beleid: z.beleid,
          kalender: t.kalender?.rooster ?? input.kalender,
          signaal: e.verslag,
          coordinatorEmail: input.coordinatorEmail,
          gestartDoor: e.door,
          tlvZaak: zaak.id,
        },
      ],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    },
    {
      los: true,
      gestart: () => undefined,
      mislukt: (reden) => {
        t.terugplaatsing = undefined;
        zaak.noteer({
          soort: 'terugplaatsing-niet-gestart',
          omschrijving: `De terugplaatsing ${zaakId} kon niet starten: ${reden}. Start haar vanuit het overzicht van terugplaatsingen.`,
        });
      },
    },
  );
}

/** The terugplaatsing's outcome, as it signals it. */
export function luisterNaarTerugplaatsing(z: Tlvzaak): void {
  const { zaak, t } = z;
  setHandler(terugplaatsingUitkomstSignal, (b: TerugplaatsingUitkomstBericht) => {
    if (t.terugplaatsing?.zaakId !== b.zaakId || t.terugplaatsing.uitkomst) return;
    t.terugplaatsing = {
      ...t.terugplaatsing,
      uitkomst: b.uitkomst,
      op: b.op,
      ...(b.school ? { school: b.school } : {}),
    };
    if (b.uitkomst === 'teruggeplaatst') {
      zaak.noteer({
        soort: 'terugplaatsing:teruggeplaatst',
        omschrijving: `De leerling is teruggeplaatst op ${b.school?.naam ?? 'een reguliere school'} (zaak ${b.zaakId}): de TLV wordt niet meer gebruikt en blijft geldig tot de einddatum${t.tlv ? ` (${t.tlv.einddatum})` : ''}`,
        door: b.door,
        reden: b.reden,
      });
    } else {
      // The pupil stays at the S(B)O school: the evaluation is held again (index.ts: the reminders from now on).
      zaak.noteer({
        soort: `terugplaatsing:${b.uitkomst}`,
        omschrijving: `De terugplaatsing (zaak ${b.zaakId}) is ${b.uitkomst === 'gestopt' ? 'gestopt' : 'niet wenselijk bevonden'}: de leerling blijft op de S(B)O-school; de herbeoordeling van de TLV geldt weer`,
        door: b.door,
        reden: b.reden,
      });
    }
    zaak.gewijzigd();
  });
}
