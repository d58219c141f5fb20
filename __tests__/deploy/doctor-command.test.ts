import { DoctorDeps, runDoctor } from '../../deploy/doctor-command';
import { TERRAFORM_VERSION } from '../../config/terraform';
import { BACKEND_CREDENTIALS, PROVIDER_CREDENTIALS } from '../../deploy/requirements';
import { SECRET_VARIABLES } from '../../stacks/variables';
import { synthOf } from '../support/synth';

type LoadStack = NonNullable<DoctorDeps['loadStack']>;

/** `npm run doctor` as scripts/doctor.ts runs it: arguments in, text and exit code out. */
async function doctor(argv: string[], env: Record<string, string>, load?: LoadStack, deps: DoctorDeps = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) }, {
    probeTerraform: () => ({ found: true, version: TERRAFORM_VERSION }),
    ...(load ? { loadStack: load } : {}),
    ...deps,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every variable of the production deploy set, URLs to well-formed ones. */
function everythingSet(): Record<string, string> {
  const names = [...Object.values(PROVIDER_CREDENTIALS), ...Object.values(BACKEND_CREDENTIALS)]
    .flat().map((c) => c.names[0]).concat(Object.keys(SECRET_VARIABLES).map((n) => `TF_VAR_${n}`));
  return {
    ...Object.fromEntries(names.map((n) => [n, `SENTINEL-${n}-7f3a`])),
    GRAFANA_URL: 'https://grafana.example.com',
    DD_HOST: 'https://api.datadoghq.com',
  };
}

describe('npm run doctor', () => {
  it('synthesizes the environment itself and reports production with no credentials: all missing, exit 1', async () => {
    const { code, out } = await doctor(['production'], {});
    expect(code).toBe(1);
    expect(out).toContain('15 of 15 missing');
    expect(out).toMatch(/✗ TF_VAR_postgres_password\s+MISSING/);
  });

  it('fails with 2 on an unknown environment, naming the allowed values', async () => {
    const { code, out, err } = await doctor(['prod'], {}, () => synthOf('production'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('environment: got "prod"; expected one of staging, production. Fix: npm run doctor -- <staging|production>');
  });

  it('fails with 2 when no environment is named', async () => {
    expect((await doctor([], {}, () => synthOf('production'))).err).toContain('got nothing; expected one of staging, production');
  });

  it.each([
    [['production', '--from'], '--from: got no directory; expected a synth output directory'],
    [['production', '--form', 'out'], 'argument "--form": expected an environment name, --from <dir> or --online'],
    [['staging', 'production'], 'got 2 environments (staging, production); expected one'],
  ])('fails with 2 on the arguments %j, naming the problem and the usage', async (argv, message) => {
    const { code, out, err } = await doctor(argv, {}, () => synthOf('production'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run doctor -- <environment> [--from <synth dir>] [--online]');
  });

  it('reads an existing synth output with --from', async () => {
    const seen: [string, string | undefined][] = [];
    await doctor(['staging', '--from', 'cdktf.out'], {}, (env, from) => {
      seen.push([env, from]);
      return synthOf(env);
    });
    expect(seen).toEqual([['staging', 'cdktf.out']]);
    await doctor(['--from=out', 'production'], {}, (env, from) => {
      seen.push([env, from]);
      return synthOf(env);
    });
    expect(seen[1]).toEqual(['production', 'out']);
  });

  it('passes with every credential set and Terraform at the pinned version', async () => {
    const { code, out } = await doctor(['production'], everythingSet(), () => synthOf('production'));
    expect(out).toContain('All 15 requirements are set.');
    expect(out).not.toContain('Problems:');
    expect(code).toBe(0);
  });

  it('fails when terraform is not on the PATH, naming it and how to install it', async () => {
    const { code, out } = await doctor(['production'], { ...everythingSet(), PATH: '/nonexistent' }, () => synthOf('production'),
      { probeTerraform: undefined });
    expect(code).toBe(1);
    expect(out).toContain('Problems:\n  ✗ terraform: not found on the PATH (ENOENT); cdktf deploy runs it and fails without it. ' +
      `Fix: install Terraform ${TERRAFORM_VERSION} (https://developer.hashicorp.com/terraform/install`);
    expect(out).toContain('All 15 requirements are set. Fix the problems above first.');
  });

  it('fails when terraform is older than the stacks\' required_version', async () => {
    const { code, out } = await doctor(['production'], everythingSet(), () => synthOf('production'),
      { probeTerraform: () => ({ found: true, version: '1.9.8' }) });
    expect(code).toBe(1);
    expect(out).toContain('✗ terraform: got version 1.9.8; expected one satisfying ">= 1.11.0, < 2.0.0" (every stack\'s required_version)');
  });

  it('fails when GRAFANA_URL is not a URL, naming the variable but not its value', async () => {
    const { code, out } = await doctor(['production'], { ...everythingSet(), GRAFANA_URL: 'grafana' }, () => synthOf('production'));
    expect(code).toBe(1);
    expect(out).toContain('✗ GRAFANA_URL is not an http(s) URL with a dotted host (e.g. https://grafana.example.com)');
    expect(out).not.toMatch(/SENTINEL|"grafana"/);
  });
});
