import { synthOf } from '../support/synth';

/**
 * Catches any change to the synthesized Terraform. A failing snapshot is a prompt
 * to read the change (`npm run diff` shows it readably), not proof of a bug: when
 * the change is intended, update with `npx jest -u __tests__/stacks/snapshot.test.ts`.
 */
describe.each(['staging', 'production'] as const)('the %s stack', (env) => {
  it('synthesizes to the reviewed Terraform JSON', () => {
    expect(synthOf(env)).toMatchSnapshot();
  });
});
