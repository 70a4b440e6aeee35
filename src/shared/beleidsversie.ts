/**
 * Moving a running case to another version of its policy (issue 15): a case keeps the version it
 * started with; a coordinator may move it, after seeing which dates change. Shared by every process:
 * the API's schema, and the types its workflows import.
 */
import { z } from 'zod';
import type { Policy } from '../domain/policy';
import { redenSchema, type DeadlineView, type Stap } from './zaak';

export const beleidWijzigenSchema = z.object({
  /** The version to move to ('2020-2024-addendum'); the case's policy (its code) stays. */
  versie: z.string({ error: 'versie ontbreekt' }).trim().min(1, { error: 'versie ontbreekt' }).max(40),
  reden: redenSchema,
});

/**
 * The step as the workflow gets it: the API adds each policy's version of that name (usually one),
 * so the workflow takes the one of its own code without loading policy files.
 */
export type BeleidWijzigen = z.output<typeof beleidWijzigenSchema> & Stap & { kandidaten: Record<string, Policy> };

/** What a move would change: the deadlines before and after, and which dates differ. */
export interface BeleidVoorbeeld {
  beleid: string;
  van?: string;
  naar: string;
  deadlines: { voor: DeadlineView[]; na: DeadlineView[] };
  /** Per deadline (its soort) whose date or rule changes: the date before and after (absent: none). */
  wijzigingen: { soort: string; van?: string; naar?: string; regel?: string }[];
  /** Why the move would be refused (a version not yet in force, an end date already past). */
  fout?: string;
}
