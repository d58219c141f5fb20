import { synthOf } from '../support/synth';

/**
 * Catches any change to the synthesized Terraform. A failing snapshot is a prompt
 * to read the change (`npm run diff` shows it readably), not proof of a bug: when
 * the change is intended, `npm run accept` rewrites the snapshots (with the README's
 * generated tables and the address lock's additions) and prints what it rewrote.
 */
describe.each(['staging', 'production'] as const)('the %s stack', (env) => {
  // Jest records a snapshot mismatch without throwing, so the test's name carries the fix.
  it('synthesizes to the reviewed Terraform JSON (after an intended change: run `npm run accept`)', () => {
    expect(synthOf(env)).toMatchSnapshot();
  });
});
