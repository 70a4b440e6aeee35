import type { z } from 'zod';
import type { Role } from '../auth/actors';
import { impasseActies } from '../shared/impasse';
import { zorgplichtActies } from '../shared/zorgplicht';
import { bindendBesluitUpdate, escalerenUpdate, oudersReactieUpdate, plaatsenUpdate, vastleggenUpdate } from '../workflows/impasse';
import { besluitenUpdate, eldersIngeschrevenUpdate, impasseMeldenUpdate, verlengenUpdate } from '../workflows/zorgplicht';

export interface Proces {
  /** Body schema per action; each action is the workflow Update of the same name. */
  acties: Record<string, z.ZodType>;
  /** The Update each action runs (by name; the API passes the validated body plus the actor). */
  updates: Record<string, string>;
  /** Who may act at all; the workflow's validators decide who may take which step. */
  rollen: readonly Role[];
}

const proces = <A extends Record<string, z.ZodType>>(acties: A, updates: { [K in keyof A]: { name: string } }, rollen: readonly Role[]): Proces => ({
  acties,
  updates: Object.fromEntries(Object.entries(updates).map(([actie, u]) => [actie, (u as { name: string }).name])),
  rollen,
});

/** Every process the API can act on, by case type. */
export const processen: Record<string, Proces> = {
  zorgplicht: proces(
    zorgplichtActies,
    { verlengen: verlengenUpdate, besluiten: besluitenUpdate, 'impasse-melden': impasseMeldenUpdate, 'elders-ingeschreven': eldersIngeschrevenUpdate },
    ['coordinator', 'school'],
  ),
  impasse: proces(
    impasseActies,
    { escaleren: escalerenUpdate, vastleggen: vastleggenUpdate, 'bindend-besluit': bindendBesluitUpdate, 'ouders-reactie': oudersReactieUpdate, plaatsen: plaatsenUpdate },
    ['coordinator', 'directeur', 'bestuur'],
  ),
};

/** Why a closed case takes no step, from its final status. */
export function geslotenReden(view: { besluit?: { uitkomst: string; op: string }; uitkomst?: { school?: { naam: string }; op: string }; status?: string }): string {
  if (view.besluit) return `De zaak is gesloten: ${view.besluit.uitkomst} op ${view.besluit.op.slice(0, 10)}. Er kan geen stap meer worden gezet.`;
  if (view.uitkomst) return `De impasse is beëindigd: geplaatst op ${view.uitkomst.school?.naam ?? 'een school'} (${view.uitkomst.op.slice(0, 10)}). Er kan geen stap meer worden gezet.`;
  return `De zaak is gesloten (${view.status ?? 'onbekend'}). Er kan geen stap meer worden gezet.`;
}
