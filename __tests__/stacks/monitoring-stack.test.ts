import { TerraformStack } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../stacks/app';
import { MonitoringStack } from '../../stacks/monitoring-stack';
import { ESTATES } from '../support/estates';
import { synthOf } from '../support/synth';

describe.each(ESTATES)('MonitoringStack ($name)', (estate) => {
  it('synthesizes the same JSON as with cdktf\'s full preparation: no environment references another', () => {
    // MonitoringStack skips cdktf's preparing resolve pass, which exists to find
    // cross-stack references. Were one added, this full pass would add outputs or
    // remote state and the JSON would differ.
    const outdir = mkdtempSync(join(tmpdir(), 'full-prepare-'));
    const app = buildApp({ outdir, services: estate.services, configs: estate.configs });
    const stacks = app.node.findAll().filter((c): c is MonitoringStack => c instanceof MonitoringStack);
    expect(stacks.map((s) => s.node.id)).toEqual(['staging', 'production']);
    for (const stack of stacks) TerraformStack.prototype.prepareStack.call(stack);
    app.synth();

    for (const env of ['staging', 'production'] as const) {
      const full = JSON.parse(readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
      expect(full).toEqual(synthOf(env, estate));
    }
  });
});
