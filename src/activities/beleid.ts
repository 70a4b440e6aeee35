/**
 * A policy's current terugplaatsing settings, for a case whose policy snapshot predates them (a TLV
 * started before issue 13 whose evaluation starts a terugplaatsing), and likewise its thuiszitter
 * rules (an impasse started before issue 16 whose pupil is at home). A local activity: workflows
 * carry their policy in their input and never load the policy files; the answer is recorded.
 */
import type { Policy } from '../domain/policy';
import { toIsoDate } from '../domain/dates';
import { beleidOp, getPolicy, policies } from '../domain/policies';

export function beleidActiviteiten() {
  return {
    async terugplaatsingBeleid(a: { beleid: string }): Promise<Policy['terugplaatsing']> {
      // A policy withdrawn since: the law's defaults.
      return (Object.prototype.hasOwnProperty.call(policies, a.beleid) ? getPolicy(a.beleid) : getPolicy('wet'))
        .terugplaatsing;
    },
    /** The thuiszitter rules, for a case opened from one whose policy snapshot predates them (issue 16). */
    async thuiszitterBeleid(a: { beleid: string }): Promise<NonNullable<Policy['thuiszitters']>> {
      // The version in force today; a policy withdrawn since: the law's defaults.
      return (
        Object.prototype.hasOwnProperty.call(policies, a.beleid)
          ? beleidOp(a.beleid, toIsoDate(Date.now()))
          : getPolicy('wet')
      ).thuiszitters!;
    },
  };
}
