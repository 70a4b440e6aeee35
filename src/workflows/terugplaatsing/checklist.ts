/**
 * The checklist: every sub-step of the stappenplan with done / open / skipped (with the reason) /
 * not applicable, and what comes next and by whom. Derived from the state, never stored: what the
 * werkbak shows is what the case knows.
 */
import type { ChecklistRegel, TerugplaatsingView } from '../../shared/terugplaatsing';
import { stapBeschrijving, stappen, type StapCode } from '../../shared/terugplaatsingStappen';
import type { Toestand } from './toestand';

const perSchool = (lijst: Toestand['contact']) =>
  lijst.map((v) => ({ brin: v.school.brin, naam: v.school.naam, op: v.op }));

export function checklist(t: Toestand, gesloten: boolean): ChecklistRegel[] {
  const nvt = (stap: StapCode): boolean => {
    switch (stap) {
      case '2.1':
        // A school placed by the plaatsingstafel was not sought by the S(B)O school.
        return t.gevonden?.via === 'plaatsingstafel' && !t.contact.length;
      case '2.2':
        return t.gevonden?.via === 'plaatsingstafel' && !t.gedeeld.length;
      case '2.3':
        return t.gevonden?.via === 'plaatsingstafel' || t.plaatsingstafel?.status === 'loopt';
      case '2.4':
        return t.gevonden?.via === '2.3';
      default:
        return false;
    }
  };
  return stappen.map((stap): ChecklistRegel => {
    const b = stapBeschrijving[stap];
    // An optional step left open is an option not taken, not a step forgotten.
    const basis = {
      stap,
      omschrijving: b.omschrijving,
      wie: b.wie,
      regel: b.regel,
      ...(b.optioneel ? { optioneel: true } : {}),
    };
    const v = t.stappen[stap];
    if (b.perSchool) {
      const lijst = stap === '2.1' ? t.contact : t.gedeeld;
      if (lijst.length) {
        const laatste = lijst[lijst.length - 1];
        return { ...basis, status: 'gedaan', door: laatste.door, op: laatste.op, scholen: perSchool(lijst) };
      }
    } else if (stap === '1.3' && v?.gegevens?.overeenstemming === false) {
      // The parents did not (yet) agree that a school is sought: the talk is still to be had.
      if (!gesloten)
        return { ...basis, status: 'open', door: v.door, op: v.op, reden: 'de ouders stemden (nog) niet in' };
    } else if (v) {
      return {
        ...basis,
        status: v.overgeslagen ? 'overgeslagen' : 'gedaan',
        door: v.door,
        op: v.op,
        ...(v.reden ? { reden: v.reden } : {}),
      };
    }
    if (nvt(stap)) return { ...basis, status: 'nvt' };
    // A closed case takes no more steps: what was left open does not apply any more.
    return gesloten ? { ...basis, status: 'nvt', reden: 'de zaak is gesloten' } : { ...basis, status: 'open' };
  });
}

/** What comes next: the first open step that is not optional; while the plaatsingstafel runs, that. */
export function volgendeStap(t: Toestand, regels: ChecklistRegel[]): TerugplaatsingView['volgendeStap'] {
  if (t.uitkomst) return null;
  if (t.plaatsingstafel?.status === 'loopt')
    return {
      stap: '2.4',
      omschrijving: `De plaatsingstafel loopt (zaak ${t.plaatsingstafel.zaakId}): het SWV zoekt een school`,
      wie: 'ondersteuningsadviseur',
    };
  // 2.4 is the other branch of 2.3 (no school found), never the next step by itself.
  const regel = regels.find((r) => r.status === 'open' && !r.optioneel && r.stap !== '2.4');
  if (!regel) return null;
  return { stap: regel.stap, omschrijving: regel.omschrijving, wie: regel.wie };
}
