/**
 * A TLV requested from the zorgplicht case (issue 12): a case of its own that outlives this one (it
 * runs for years), started as a child with ParentClosePolicy ABANDON. It signals its decision back:
 * a grant with the admitting S(B)O school closes this case, a refusal leaves the school to decide
 * while the legal terms keep running.
 */
import { ParentClosePolicy, setHandler } from '@temporalio/workflow';
import { formatDutchDate } from '../../domain/dates';
import { tlv } from '../tlv';
import { tlvBesluitSignal, type TlvBesluitBericht } from './signalen';
import type { Zorgplichtzaak } from './toestand';

export function koppelTlv(z: Zorgplichtzaak): void {
  const { zaak, t, input } = z;
  const aangevraagd = t.tlv!;
  const a = aangevraagd.aanvulling;
  aangevraagd.gestart = true;
  zaak.koppel(
    tlv,
    {
      workflowId: aangevraagd.zaakId,
      args: [
        {
          leerling: { naam: input.leerling.naam, ...a?.leerling },
          school: {
            brin: input.school.brin,
            naam: input.school.naam,
            email: input.school.email,
            ...(input.school.regio ? { regio: input.school.regio } : {}),
          },
          ouders: input.ouders.map((o) => ({ email: o.email })),
          beleid: input.beleid,
          ...(a ? { aanvraag: a.aanvraag } : {}),
          ...(aangevraagd.soort ? { soort: aangevraagd.soort } : {}),
          zorgplichtZaak: zaak.id,
          coordinatorEmail: input.coordinatorEmail,
          kalender: input.kalender,
          aangevraagdDoor: aangevraagd.door,
        },
      ],
      // The TLV lives on after the aanmelding is decided.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    },
    {
      los: true,
      gestart: () => undefined,
      mislukt: (reden) => {
        // The request stands nowhere: the school can ask again.
        t.tlv = undefined;
        zaak.noteer({
          soort: 'tlv-niet-gestart',
          omschrijving: `De TLV-zaak ${aangevraagd.zaakId} kon niet starten: ${reden}. Vraag de TLV opnieuw aan.`,
        });
      },
    },
  );
}

/** The TLV's decision, as it signals it. */
export function luisterNaarTlv(z: Zorgplichtzaak): void {
  const { zaak, t, input } = z;
  setHandler(tlvBesluitSignal, (b: TlvBesluitBericht) => {
    // A grant may follow a refusal (a gegrond bezwaar): only a grant is final here.
    if (!t.tlv || t.tlv.zaakId !== b.zaakId || t.tlv.besluit?.uitkomst === 'toegekend') return;
    t.tlv.besluit = { uitkomst: b.uitkomst, op: b.op, ...(b.school ? { school: b.school } : {}) };
    if (t.besluit) return;
    if (b.uitkomst !== 'toegekend' || !b.school) {
      zaak.noteer({
        soort: `tlv-${b.uitkomst === 'ingetrokken' ? 'ingetrokken' : 'afgewezen'}`,
        omschrijving: `De TLV-aanvraag is ${b.uitkomst === 'ingetrokken' ? 'ingetrokken' : 'afgewezen'} (zaak ${b.zaakId}). De school beslist over de toelating; de wettelijke termijnen lopen door.`,
        door: b.door,
        reden: b.reden,
      });
      zaak.gewijzigd();
      return;
    }
    // The S(B)O school admits the pupil with the TLV: the school's zorgplicht is met (WPO art. 40).
    const hier = b.school.brin === input.school.brin;
    t.besluit = {
      uitkomst: hier ? 'toegelaten' : 'elders-toegelaten',
      reden: `TLV toegekend: toelaatbaar tot ${b.school.naam}${b.startdatum ? ` vanaf ${formatDutchDate(b.startdatum)}` : ''}`,
      door: b.door,
      op: zaak.nu(),
      details: { ...(hier ? {} : { toelatendeSchool: b.school.naam }), tlvZaak: b.zaakId },
    };
    zaak.noteer({
      soort: `besluit:${t.besluit.uitkomst}`,
      omschrijving: `Toegelaten op ${b.school.naam} met de TLV (zaak ${b.zaakId})`,
      door: b.door,
      reden: b.reden,
      gegevens: t.besluit.details,
    });
    // The parents have the TLV's decision letter: no second letter on top of it.
    zaak.gewijzigd();
  });
}
