import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDirectories } from '../../review/diff-command';
import { TerraformJson } from '../support/synth';
import { realTree, rename, tempDir, writeTree } from './fixtures';

/** The on-call schedule and the status page's business services hold history: `npm run diff` guards them. */

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function diffAfter(mutate: (after: Record<string, TerraformJson>) => void) {
  const before = writeTree(join(tmp.dir, 'before'), realTree());
  const tree = realTree();
  mutate(tree);
  const after = writeTree(join(tmp.dir, 'after'), tree);
  const allowlist = join(tmp.dir, 'allowed-removals.txt');
  writeFileSync(allowlist, '# nothing allowed\n');
  return diffDirectories(before, after, allowlist, 'review/allowed-removals.txt');
}

describe('npm run diff: on-call schedule and status page', () => {
  it.each(['pagerduty_schedule', 'pagerduty_business_service'])('fails when a %s construct is renamed', (type) => {
    const names = Object.keys(realTree().production.resource[type]);
    expect(names.length).toBeGreaterThan(0);
    const result = diffAfter((t) => rename(t.production, type, names[0], `${names[0]}-renamed`));
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([{ env: 'production', address: `${type}.${names[0]}`, type, kind: 'removed', replacedBy: [] }]);
  });

  it('fails when a service dependency would be replaced: the API cannot update one in place', () => {
    const result = diffAfter((t) => {
      const [dependency] = Object.values(t.production.resource.pagerduty_service_dependency);
      dependency.dependency[0].supporting_service[0].type = 'business_service';
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.blocked).toEqual([expect.objectContaining({
      env: 'production', type: 'pagerduty_service_dependency', kind: 'replaced', replacedBy: ['dependency'],
    })]);
  });
});
