/**
 * Moving a case to another version of its policy, as a step every process that supports it lists
 * among its actions (the kernel's Update, src/workflows/beleidsversie.ts). API-side.
 */
import { beleidsversie, beleidsversies, type Policy } from '../domain';
import { beleidWijzigenSchema, type BeleidWijzigen } from '../shared/beleidsversie';
import { beleidWijzigenUpdate } from '../workflows/beleidsversie';
import type { Actie } from './definitie';

/** Each policy's version named `versie` (usually one policy has it): the workflow takes its own code's. */
export function kandidatenVoor(versie: string): Record<string, Policy> {
  return Object.fromEntries(
    Object.keys(beleidsversies).flatMap((code) => {
      const p = beleidsversie(code, versie.trim());
      return p ? [[code, p]] : [];
    }),
  );
}

export const beleidWijzigenActie: Actie = {
  omschrijving:
    'De zaak naar een andere versie van haar beleid verplaatsen, met reden. Vooraf toont GET /api/v1/zaken/{id}/beleid?versie=… welke data veranderen; de tijdlijn legt de wijziging vast',
  schema: beleidWijzigenSchema,
  update: beleidWijzigenUpdate,
  rollen: ['coordinator'],
  invoer: (body: Omit<BeleidWijzigen, 'kandidaten' | 'door' | 'scope'>) => ({
    ...body,
    kandidaten: kandidatenVoor(body.versie),
  }),
};
