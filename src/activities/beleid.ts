/**
 * A policy's current terugplaatsing settings, for a case whose policy snapshot predates them (a TLV
 * started before issue 13 whose evaluation starts a terugplaatsing). A local activity: workflows
 * carry their policy in their input and never load the policy files; the answer is recorded.
 */
import type { Policy } from '../domain/policy';
import { getPolicy, policies } from '../domain/policies';

export function beleidActiviteiten() {
  return {
    async terugplaatsingBeleid(a: { beleid: string }): Promise<Policy['terugplaatsing']> {
      // A policy withdrawn since: the law's defaults.
      return (Object.prototype.hasOwnProperty.call(policies, a.beleid) ? getPolicy(a.beleid) : getPolicy('wet'))
        .terugplaatsing;
    },
  };
}
