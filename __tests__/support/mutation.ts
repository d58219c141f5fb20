/**
 * What the tests need to know about `npm run mutate` (Stryker, stryker.config.mjs).
 *
 * Stryker's Jest runner names the active mutant in this environment variable while it runs the
 * tests against that mutant; the instrumented code reads it, in the test process and in any child
 * process that inherits it.
 */
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** Whether this Jest run tests one mutant (false in `npm test` and in Stryker's first, unmutated run). */
export function underMutantRun(): boolean {
  return process.env[ACTIVE_MUTANT] !== undefined;
}

/**
 * The environment for a child process that runs the project's own code: `env`, plus the active
 * mutant when there is one, so that the child runs the same (mutated) code as the test that
 * compares with it. Without it, such a test would "kill" every mutant it covers by the mere
 * difference between a mutated parent and an unmutated child.
 */
export function childEnv(env: Record<string, string>): Record<string, string> {
  const mutant = process.env[ACTIVE_MUTANT];
  return mutant === undefined ? env : { ...env, [ACTIVE_MUTANT]: mutant };
}
