/**
 * The end date a grant gets under a policy's duration rule, from what the case knows: the pupil's
 * groep (or the school year it turns 14), the aanvraag and the grant. One place for the decision
 * (`besluiten`) and for a move to another policy version (which recomputes a standard end date).
 */
import type { Dated } from '../../domain/deadlines';
import type { Policy } from '../../domain/policy';
import { addSchoolYears, schoolYearByLabel } from '../../domain/schoolYear';
import { tlvEinddatum } from '../../domain/tlv';

export interface EinddatumGegevens {
  leerling: { groep?: number; schooljaarWaarin14?: string };
  aanvraag: { soort: 'sbo' | 'so'; emb: boolean; ontvangen: string };
  toekenning: { startdatum: string; categorie?: string; einddatum?: string; afwijkingReden?: string };
}

/** Throws (a Dutch reason) when the rule does not allow the date, or lacks what it needs. */
export function einddatumVolgens(beleid: Policy, g: EinddatumGegevens): Dated {
  const { groep, schooljaarWaarin14 } = g.leerling;
  const b = g.toekenning;
  const duur = beleid.tlv.duur;
  if (duur.soort === 'schoolloopbaan') {
    // The school year in which the pupil reaches the policy's age follows from the one in which it turns 14.
    if (!schooljaarWaarin14)
      throw new Error(
        'Een TLV voor de hele schoolloopbaan loopt tot een leeftijd: de geboortedatum van de leerling is nodig.',
      );
    const label = addSchoolYears(schoolYearByLabel(schooljaarWaarin14), duur.vsoTotLeeftijd.waarde - 14).label;
    return tlvEinddatum({ soort: 'loopbaan', schooljaarWaarinLeeftijd: label, einddatum: b.einddatum }, beleid);
  }
  if (g.aanvraag.emb) {
    if (!schooljaarWaarin14) throw new Error('Voor een EMB-TLV is de geboortedatum van de leerling nodig.');
    return tlvEinddatum({ soort: 'emb', schooljaarWaarin14, einddatum: b.einddatum }, beleid);
  }
  if (b.afwijkingReden && !b.einddatum)
    throw new Error('Een afwijkingReden hoort bij een afwijkende einddatum: geef ook de einddatum.');
  return tlvEinddatum(
    {
      soort: 'regulier',
      groep: groep!,
      afgiftedatum: g.aanvraag.ontvangen,
      einddatum: b.einddatum,
      afwijkingReden: b.afwijkingReden,
      // Read only by the duration rules of issue 15 (a minimum from the start, exempt categories).
      startdatum: b.startdatum,
      categorie: b.categorie,
      tlvSoort: g.aanvraag.soort,
    },
    beleid,
  );
}
