import { ENVIRONMENTS } from '../../config/environments';
import { BACKEND_CREDENTIALS, checkRequirements, formatReport, parseEnvironmentArg, PROVIDER_CREDENTIALS } from '../../deploy/requirements';
import { SECRET_VARIABLES } from '../../stacks/variables';
import { synthOf } from '../support/synth';

const EXPECTED_PRODUCTION = [
  'DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN',
  'GRAFANA_URL',
  'GRAFANA_AUTH',
  'SENTRY_AUTH_TOKEN or SENTRY_TOKEN',
  'PAGERDUTY_TOKEN',
  'DD_API_KEY or DATADOG_API_KEY',
  'DD_APP_KEY or DATADOG_APP_KEY',
  'DD_HOST or DATADOG_HOST',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  ...Object.keys(SECRET_VARIABLES).map((name) => `TF_VAR_${name}`),
];

/** Every variable of the production deploy set to a distinct sentinel. */
function everythingSet(): Record<string, string> {
  const names = [...Object.values(PROVIDER_CREDENTIALS), ...Object.values(BACKEND_CREDENTIALS)]
    .flat().map((c) => c.names[0]).concat(Object.keys(SECRET_VARIABLES).map((n) => `TF_VAR_${n}`));
  return { ...Object.fromEntries(names.map((n) => [n, `SENTINEL-${n}-7f3a`])), GRAFANA_URL: 'https://grafana.SENTINEL.example', DD_HOST: 'https://api.datadoghq.com' };
}

describe('doctor: production with no credentials set', () => {
  const report = checkRequirements('production', synthOf('production'), {}, ENVIRONMENTS.production.datadog.site);
  const text = formatReport(report);

  it('lists every credential and Terraform variable as missing and exits 1', () => {
    expect(report.exitCode).toBe(1);
    expect(report.missing.map((m) => m.names.join(' or ')).sort()).toEqual([...EXPECTED_PRODUCTION].sort());
    for (const name of EXPECTED_PRODUCTION) expect(text).toMatch(new RegExp(`✗ ${name}\\s+MISSING`));
    expect(text).toContain(`${EXPECTED_PRODUCTION.length} of ${EXPECTED_PRODUCTION.length} missing`);
    expect(text).toMatch(/^Deploy requirements of "production" \(cdktf deploy production\):\n\nProvider credentials:\n/);
    expect(text).toMatch(/\nState backend:\n/);
    expect(text).toMatch(/\nTerraform variables \(secrets\):\n/);
  });
});

describe('doctor', () => {
  it('asks staging for no PagerDuty token: staging never pages and declares no PagerDuty provider', () => {
    const staging = checkRequirements('staging', synthOf('staging'), {}, ENVIRONMENTS.staging.datadog.site);
    const names = staging.requirements.flatMap((r) => r.names);
    expect(names).not.toContain('PAGERDUTY_TOKEN');
    expect(names).toEqual(expect.arrayContaining(['GRAFANA_AUTH', 'SENTRY_AUTH_TOKEN', 'DD_API_KEY']));
    expect(staging.requirements).toHaveLength(EXPECTED_PRODUCTION.length - 1);
  });

  it('never prints a value, set or not', () => {
    const env = { ...everythingSet(), DD_HOST: 'https://SENTINEL-host.example', GRAFANA_AUTH: '' };
    const report = checkRequirements('production', synthOf('production'), env, 'datadoghq.com');
    const text = formatReport(report);
    expect(text).not.toMatch(/SENTINEL/);
    expect(report.missing.map((m) => m.names[0])).toEqual(['GRAFANA_AUTH']); // empty counts as missing
    expect(report.exitCode).toBe(1);
  });

  it('passes when everything is set, naming which alias is used', () => {
    const env = { ...everythingSet(), DD_HOST: 'https://api.datadoghq.com/' };
    delete (env as Record<string, string | undefined>).DIGITALOCEAN_TOKEN;
    const report = checkRequirements('production', synthOf('production'), { ...env, DIGITALOCEAN_ACCESS_TOKEN: 'x' }, 'datadoghq.com');
    expect(report.exitCode).toBe(0);
    expect(report.warnings).toEqual([]);
    expect(formatReport(report)).toMatch(/✓ DIGITALOCEAN_TOKEN or DIGITALOCEAN_ACCESS_TOKEN\s+set \(DIGITALOCEAN_ACCESS_TOKEN\)/);
  });

  it('fails when DD_HOST is not the API of the configured Datadog site', () => {
    const report = checkRequirements('production', synthOf('production'), { ...everythingSet(), DD_HOST: 'https://api.datadoghq.eu' }, 'datadoghq.com');
    expect(report.problems).toEqual([expect.stringMatching(/^DD_HOST is not https:\/\/api\.datadoghq\.com, the API of datadog\.site "datadoghq\.com"/)]);
    expect(report.exitCode).toBe(1);
    expect(formatReport(report)).not.toContain('datadoghq.eu');
  });

  it('accepts DD_HOST of every Datadog site, ap2 included, and fails on a site Datadog does not have', () => {
    const ap2 = checkRequirements('production', synthOf('production'), { ...everythingSet(), DD_HOST: 'https://api.ap2.datadoghq.com' }, 'ap2.datadoghq.com');
    expect(ap2.problems).toEqual([]);
    const unknown = checkRequirements('production', synthOf('production'), { ...everythingSet(), DD_HOST: 'https://api.ap9.datadoghq.com' }, 'ap9.datadoghq.com');
    expect(unknown.problems).toEqual([expect.stringMatching(/^datadog\.site "ap9\.datadoghq\.com" is not a Datadog site \(datadoghq\.com, .*ap2\.datadoghq\.com, ddog-gov\.com\)/)]);
  });

  it.each(['grafana', 'grafana.example.com', 'ftp://grafana.example.com', 'https://'])('fails when GRAFANA_URL is %j, not a URL', (url) => {
    const report = checkRequirements('production', synthOf('production'), { ...everythingSet(), DD_HOST: 'https://api.datadoghq.com', GRAFANA_URL: url }, 'datadoghq.com');
    expect(report.problems).toEqual([expect.stringMatching(/^GRAFANA_URL is not an http\(s\) URL with a dotted host .*Fix: set it to the base URL/)]);
    expect(report.exitCode).toBe(1);
  });

  it('reads the variables from the stack, so a new secret is required at once', () => {
    const stack = structuredClone(synthOf('staging'));
    stack.variable = { ...stack.variable, new_secret: { type: 'string', sensitive: true } };
    const report = checkRequirements('staging', stack, everythingSet(), 'datadoghq.com');
    expect(report.missing.map((m) => m.names[0])).toEqual(['TF_VAR_new_secret']);
  });

  it('needs no Spaces keys for a local backend, but fails in CI where local state would be thrown away', () => {
    const stack = structuredClone(synthOf('staging'));
    stack.terraform.backend = { local: { path: 'terraform.staging.tfstate' } };
    const local = checkRequirements('staging', stack, everythingSet(), 'datadoghq.com');
    expect(local.requirements.filter((r) => r.group === 'backend')).toEqual([]);
    expect(local.exitCode).toBe(0);
    const ci = checkRequirements('staging', stack, { ...everythingSet(), CI: 'true' }, 'datadoghq.com');
    expect(ci.exitCode).toBe(1);
    expect(ci.problems).toEqual([expect.stringContaining('Fix: give the environment an s3 or pg backend')]);
  });

  it('needs PG_CONN_STR, and no Spaces keys, for a pg backend', () => {
    const stack = structuredClone(synthOf('production'));
    stack.terraform.backend = { pg: { schema_name: 'monitoring_production' } };
    const report = checkRequirements('production', stack, {}, 'datadoghq.com');
    expect(report.requirements.filter((r) => r.group === 'backend').map((r) => r.names)).toEqual([['PG_CONN_STR']]);
    expect(checkRequirements('production', stack, { ...everythingSet(), PG_CONN_STR: 'postgres://u@h/db' }, 'datadoghq.com')
      .requirements.filter((r) => r.group === 'backend' && r.setBy === undefined)).toEqual([]);
  });

  it('needs the Spaces keys for staging and production, whose state lives in Spaces', () => {
    for (const env of ['staging', 'production'] as const) {
      const report = checkRequirements(env, synthOf(env), {}, 'datadoghq.com');
      expect(report.missing.map((m) => m.names[0])).toEqual(expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']));
    }
  });

  it('fails on an unknown environment, naming the allowed ones', () => {
    expect(() => parseEnvironmentArg('prod')).toThrow('environment: got "prod"; expected one of staging, production.');
    expect(() => parseEnvironmentArg(undefined)).toThrow(/got nothing; expected one of staging, production/);
  });
});
