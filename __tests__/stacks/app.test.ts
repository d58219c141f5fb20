import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENTS } from '../../config/environments';
import { ConfigError } from '../../config/validate';
import { synthesize } from '../../stacks/app';
import { SECRET_VARIABLES } from '../../stacks/variables';
import { ENVIRONMENT_NAMES, EnvironmentName } from '../../config/types';
import { ESTATES } from '../support/estates';
import { runApp } from '../support/run-app';
import { synthOf } from '../support/synth';

/** Every credential variable the five providers read (each provider's provider.go or docs, "Credentials" in the README). */
const CREDENTIAL_VARIABLES = [
  'DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN', 'SPACES_ACCESS_KEY_ID', 'SPACES_SECRET_ACCESS_KEY',
  'GRAFANA_URL', 'GRAFANA_AUTH', 'GRAFANA_HTTP_HEADERS',
  'SENTRY_AUTH_TOKEN', 'SENTRY_TOKEN',
  'PAGERDUTY_TOKEN', 'PAGERDUTY_USER_TOKEN', 'PAGERDUTY_CLIENT_SECRET',
  'DD_API_KEY', 'DATADOG_API_KEY', 'DD_APP_KEY', 'DATADOG_APP_KEY', 'DD_HOST',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(ESTATES)('the app ($name)', (estate) => {
  const synth = (env: EnvironmentName) => synthOf(env, estate);

  it('synthesizes one stack per environment, named after it', () => {
    for (const env of ENVIRONMENT_NAMES) {
      expect(Object.keys(synth(env).resource).length).toBeGreaterThan(0);
    }
  });

  it('declares all five providers with source and version constraint in production, and all but PagerDuty in staging', () => {
    const pinned = {
      datadog: { source: 'DataDog/datadog', version: '~> 3.82.0' },
      digitalocean: { source: 'digitalocean/digitalocean', version: '~> 2.71.0' },
      grafana: { source: 'grafana/grafana', version: '~> 4.45' },
      pagerduty: { source: 'PagerDuty/pagerduty', version: '~> 3.30.8' },
      sentry: { source: 'jianyuan/sentry', version: '~> 0.15.4' },
    };
    expect(synth('production').terraform.required_providers).toEqual(pinned);
    // Staging never pages: it declares no PagerDuty object, so it needs neither the provider nor its token.
    const { pagerduty: _none, ...staging } = pinned;
    expect(synth('staging').terraform.required_providers).toEqual(staging);
  });

  it('configures no provider with a credential: each reads its own environment variables', () => {
    for (const env of ENVIRONMENT_NAMES) {
      const providers = synth(env).provider;
      for (const [name, blocks] of Object.entries(providers)) {
        for (const block of blocks as Record<string, unknown>[]) {
          for (const key of ['token', 'auth', 'api_key', 'app_key', 'http_headers']) {
            expect({ provider: name, [key]: block[key] }).toEqual({ provider: name, [key]: undefined });
          }
        }
      }
    }
  });

  it('declares every resource secret as a sensitive variable', () => {
    for (const env of ENVIRONMENT_NAMES) {
      const variables = synth(env).variable ?? {};
      expect(Object.keys(variables).sort()).toEqual(Object.keys(SECRET_VARIABLES).sort());
      for (const variable of Object.values(variables)) expect(variable.sensitive).toBe(true);
    }
  });

  it.each(ENVIRONMENT_NAMES)('keeps %s state where its backend config says', (env) => {
    // CI runners throw local state away: a deploy from CI needs a remote backend.
    const backend = estate.configs[env].backend;
    expect(backend.type).toBe('s3');
    if (backend.type !== 's3') return;
    expect(synth(env).terraform.backend).toEqual({
      s3: expect.objectContaining({
        bucket: backend.bucket,
        key: backend.key,
        endpoints: { s3: backend.endpoint },
        skip_credentials_validation: true,
      }),
    });
  });
});

describe('the app', () => {
  it.each(ENVIRONMENT_NAMES)('keeps %s state in its own key of the Spaces bucket', (env) => {
    const keys = ENVIRONMENT_NAMES.map((name) => (synthOf(name).terraform.backend as any).s3.key);
    expect(new Set(keys).size).toBe(ENVIRONMENT_NAMES.length);
    expect((synthOf(env).terraform.backend as any).s3.key).toBe(`monitoring/${env}.tfstate`);
  });

  it('writes no credential or secret value into the output, even when every one is set', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sentinel-')), 'cdktf.out');
    const sentinel = 'SENTINEL-7f3a9c';
    const env: Record<string, string> = { CDKTF_OUTDIR: out };
    for (const name of CREDENTIAL_VARIABLES) env[name] = `${sentinel}-${name}`;
    // Every variable either stack declares, the app's secrets (app_secret_*) included.
    const variables = new Set([...Object.keys(SECRET_VARIABLES), ...ENVIRONMENT_NAMES.flatMap((e) => Object.keys(synthOf(e).variable ?? {}))]);
    for (const name of variables) env[`TF_VAR_${name}`] = `${sentinel}-${name}`;

    const run = runApp(env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = filesUnder(out);
    expect(files.filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(2);
    for (const file of files) expect({ file, leaked: readFileSync(file, 'utf8').includes(sentinel) }).toEqual({ file, leaked: false });
  });

  it('fails when an unknown environment is requested, naming it, and writes nothing', () => {
    const parent = mkdtempSync(join(tmpdir(), 'bad-env-'));
    const run = runApp({ CDKTF_OUTDIR: join(parent, 'cdktf.out'), MONITORING_ENVIRONMENTS: 'qa' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MONITORING_ENVIRONMENTS: got "qa"; expected one of staging, production');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readdirSync(parent)).toEqual([]);
  });

  it('fails when the configuration is bad, and leaves the previous output untouched rather than partial', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'bad-config-')), 'cdktf.out');
    mkdirSync(outdir);
    writeFileSync(join(outdir, 'previous.txt'), 'previous synth');
    const configs = structuredClone(ENVIRONMENTS) as any;
    configs.staging.datadog.site = 'datadoghq.example';

    expect(() => synthesize({ outdir, configs })).toThrow(ConfigError);
    expect(() => synthesize({ outdir, configs })).toThrow(/staging\.datadog\.site: got "datadoghq\.example"; expected a Datadog site/);
    expect(readdirSync(outdir)).toEqual(['previous.txt']);
    expect(existsSync(`${outdir}.partial-${process.pid}`)).toBe(false);
  });

  it('keeps real errors\' stack traces while it skips cdktf\'s token traces, and restores V8 afterwards', () => {
    const capture = Error.captureStackTrace;
    const configs = structuredClone(ENVIRONMENTS) as any;
    configs.production.grafana.publicUrl = 'nope';
    let thrown: unknown;
    try {
      synthesize({ outdir: join(mkdtempSync(join(tmpdir(), 'trace-')), 'out'), configs });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).stack).toMatch(/\n\s+at .*buildApp/);
    expect(Error.captureStackTrace).toBe(capture);
  });
});
