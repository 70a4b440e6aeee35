/**
 * The policies the product ships. Each is validated by `policySchema` at module load, so a typo in a
 * policy file fails every test instead of a running workflow.
 */
import { parsePolicy, Policy, PolicyInput } from '../policy';
import { spowPolicyInput } from './spow';
import { wetPolicyInput } from './wet';

function valideer(input: PolicyInput): Policy {
  const r = parsePolicy(input);
  if (!r.success) throw new Error(`Ongeldig beleid '${input.code}': ${r.errors.join('; ')}`);
  return r.policy;
}

export const policies: Readonly<Record<string, Policy>> = Object.freeze({
  wet: valideer(wetPolicyInput),
  spow: valideer(spowPolicyInput),
});

/** The policy for `code`; throws RangeError (Dutch) for an unknown code. */
export function getPolicy(code: string): Policy {
  const p = Object.prototype.hasOwnProperty.call(policies, code) ? policies[code] : undefined;
  if (!p) throw new RangeError(`Onbekend beleid '${code}': kies uit ${Object.keys(policies).join(', ')}`);
  return p;
}

export { spowPolicyInput, wetPolicyInput };
export { sppohTlvBezwaar } from './sppoh';
