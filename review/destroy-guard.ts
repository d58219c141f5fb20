import { qualified } from './data-bearing';

/**
 * The destroy guard's decision, shared by `npm run diff` (synthesized JSON) and
 * the deploy's plan gate (deploy/plan-gate.ts, Terraform's plan JSON): what
 * destroys history fails the check unless its environment-qualified address is
 * in the allowlist (review/allowed-removals.txt).
 */
export interface Guarded {
  readonly env: string;
  readonly address: string;
}

export interface GuardResult<T extends Guarded> {
  /** Not acknowledged: these fail the check. */
  readonly blocked: readonly T[];
  readonly acknowledged: readonly T[];
  /** Allowlist entries that matched nothing (stale once their change is deployed). */
  readonly unusedAllowlist: readonly string[];
}

export function guard<T extends Guarded>(findings: readonly T[], allowed: ReadonlySet<string>): GuardResult<T> {
  const isAllowed = (f: Guarded) => allowed.has(qualified(f.env, f.address));
  const found = new Set(findings.map((f) => qualified(f.env, f.address)));
  return {
    blocked: findings.filter((f) => !isAllowed(f)),
    acknowledged: findings.filter(isAllowed),
    unusedAllowlist: [...allowed].filter((a) => !found.has(a)),
  };
}
