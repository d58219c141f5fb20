import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TERRAFORM_REQUIRED_VERSION, TERRAFORM_VERSION } from '../config/terraform';
import { ROOT } from './support/paths';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

describe('README', () => {
  it('names the Terraform release pinned in config/terraform.ts, and the stacks\' constraint, in its prerequisites', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| Terraform |'));
    expect(row).toContain(`| ${TERRAFORM_VERSION} (`);
    expect(row).toContain(`\`${TERRAFORM_REQUIRED_VERSION}\``);
  });

  it('names the Node.js version of package.json\'s engines', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| Node.js |'));
    expect(pkg.engines.node).toBe('>=20');
    expect(row).toContain('| 20 or later');
  });

  it('has a first-deploy checklist with the state bucket, the integrations and a scope for every credential', () => {
    const checklist = readme.slice(readme.indexOf('## First deploy'), readme.indexOf('## State'));
    for (const name of ['GRAFANA_AUTH', 'SENTRY_AUTH_TOKEN', 'PAGERDUTY_TOKEN', 'DD_APP_KEY', 'DIGITALOCEAN_TOKEN', 'AWS_ACCESS_KEY_ID']) {
      expect(checklist).toContain(name);
    }
    expect(checklist).toContain('State bucket');
  });

  it('walks the first deploy from the estate that exists: adopt, doctor online, plan, gate, apply; greenfield second', () => {
    const checklist = readme.slice(readme.indexOf('## First deploy'), readme.indexOf('## State'));
    const adopting = checklist.indexOf('### Adopting what already runs');
    const greenfield = checklist.indexOf('### Starting from nothing');
    expect(adopting).toBeGreaterThan(0);
    expect(greenfield).toBeGreaterThan(adopting);
    const steps = checklist.slice(adopting, greenfield);
    const order = ['npm run doctor -- production --online', 'adopt: {', 'doctl apps spec get', 'npm run plan-gate', '**Apply**'].map((t) => steps.indexOf(t));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has no manual terraform import step left: adoption is config', () => {
    expect(readme.split('\n').filter((line) => /^\s*terraform import\b/.test(line))).toEqual([]);
  });
});

describe('cdktf without its version-check noise', () => {
  it('sets CHECKPOINT_DISABLE=1 in every npm script that runs the cdktf CLI', () => {
    const cdktf = Object.entries(pkg.scripts).filter(([, command]) => /(^|[\s&;])(npx )?cdktf\b/.test(command));
    expect(cdktf.map(([name]) => name)).toEqual(['cdktf']);
    for (const [, command] of cdktf) expect(command).toMatch(/^CHECKPOINT_DISABLE=1 /);
  });

  it('sets it in every workflow that runs cdktf, and documents it for direct use', () => {
    for (const file of ['deploy.yml', 'pull-request.yml']) {
      const workflow = readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8');
      if (/\bcdktf (deploy|synth|diff|destroy|output)\b/.test(workflow)) expect({ file, set: workflow.includes('CHECKPOINT_DISABLE: "1"') }).toEqual({ file, set: true });
    }
    expect(readme).toContain('`export CHECKPOINT_DISABLE=1`');
  });
});
