/**
 * What the API derives from the process registry: the case types and statuses the case list
 * accepts, the id pattern, and which process a case id belongs to (without a round trip).
 */
import { z } from 'zod';
import type { ProcesDefinitie } from '../processen';
import type { Actie } from '../processen/definitie';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Register {
  readonly types: [string, ...string[]];
  readonly statussen: [string, ...string[]];
  /** `<prefix>-<uuid>`, optionally followed by a child suffix or two (`zp-…-impasse`, `zp-…-impasse-thuiszitter`). */
  readonly zaakIdSchema: z.ZodString;

  constructor(readonly processen: readonly ProcesDefinitie[]) {
    this.types = processen.map((p) => p.type) as [string, ...string[]];
    this.statussen = [...new Set(processen.flatMap((p) => p.statussen))] as [string, ...string[]];
    const prefixen = processen.map((p) => escape(p.prefix)).join('|');
    const suffixen = processen.flatMap((p) => (p.kindSuffix ? [escape(p.kindSuffix)] : []));
    // Each child suffix at most once, in the registry's order (an impasse's thuiszitter: `-impasse-thuiszitter`).
    const kind = suffixen.map((s) => `(?:${s})?`).join('');
    this.zaakIdSchema = z.string().regex(new RegExp(`^(${prefixen})-${UUID}${kind}$`), { error: 'onbekend zaak-id' });
  }

  /** Every action name with the processes that have it (OpenAPI documents each name once). */
  actiesPerNaam(): Map<string, { proces: ProcesDefinitie; actie: Actie }[]> {
    const perNaam = new Map<string, { proces: ProcesDefinitie; actie: Actie }[]>();
    for (const proces of this.processen) {
      for (const [naam, actie] of Object.entries(proces.acties))
        perNaam.set(naam, [...(perNaam.get(naam) ?? []), { proces, actie }]);
    }
    return perNaam;
  }

  /** The process of a case, from its id: a child suffix first, else the prefix. */
  vanZaak(id: string): ProcesDefinitie {
    const kind = this.processen.find((p) => p.kindSuffix && id.endsWith(p.kindSuffix));
    const proces = kind ?? this.processen.find((p) => id.startsWith(`${p.prefix}-`));
    if (!proces) throw new Error(`geen proces voor zaak-id ${id}`);
    return proces;
  }

  /** Why a closed case takes no step, from its final view. */
  geslotenReden<T extends { type?: string; status?: string }>(view: T): string {
    const proces = this.processen.find((p) => p.type === view.type);
    return (
      proces?.gesloten(view) ??
      `De zaak is gesloten (${view.status ?? 'onbekend'}). Er kan geen stap meer worden gezet.`
    );
  }
}
