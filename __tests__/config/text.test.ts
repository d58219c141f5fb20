import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { stringFields } from '../../config/text';
import { EnvironmentConfig } from '../../config/types';
import { ConfigError } from '../../config/validate';
import { synthesize } from '../../stacks/app';
import { problemsOf } from '../support/config-problems';

/** A copy of the real configs with `value` written at `path` (dotted, with [i] for arrays) of production. */
function withField(path: string, value: string): Record<string, EnvironmentConfig> {
  const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k], configs.production);
  parent[keys[keys.length - 1]] = value;
  return configs;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const FIELDS = stringFields(ENVIRONMENTS.production).map(([field]) => field).filter((f) => f !== 'name' && f !== 'backend.type');

describe('config text cannot become Terraform syntax', () => {
  it('finds every string field of the config', () => {
    expect(FIELDS).toEqual(expect.arrayContaining(['sentry.teamName', 'slack.alertsChannel', 'grafana.publicUrl', 'alertEmails[0]',
      'digitalocean.app.github.branch', 'maintenanceWindows[0].location', 'backend.key']));
    expect(FIELDS.length).toBeGreaterThan(25);
  });

  it.each(FIELDS)('fails when %s contains ${var.postgres_password}, naming the field and the fix', (field) => {
    const original = stringFields(ENVIRONMENTS.production).find(([f]) => f === field)![1];
    const value = `${original}\${var.postgres_password}`;
    expect(problemsOf(withField(field, value))).toContain(
      `production.${field}: got ${JSON.stringify(value)}; expected plain text, without "\${" or "%{" (Terraform would read them as an ` +
        'interpolation or a directive). Fix: remove the "${" / "%{" (edit config/environments.ts); secrets belong in sensitive ' +
        'variables (stacks/variables.ts), never in config');
  });

  it('fails on a template directive, %{...}, too', () => {
    expect(problemsOf(withField('sentry.teamName', 'ESG %{ if true }x%{ endif }'))).toEqual([
      expect.stringMatching(/^production\.sentry\.teamName: got .*; expected plain text, without "\$\{" or "%\{"/),
    ]);
  });

  it('never writes an interpolation from config into cdk.tf.json: synth stops and the previous output stays', () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'interpolation-')), 'cdktf.out');
    synthesize({ outdir });
    const before = filesUnder(outdir).map((f) => [f, readFileSync(f, 'utf8')]);
    const injected = 'ESG ${var.postgres_password}';
    expect(() => synthesize({ outdir, configs: withField('sentry.teamName', injected) })).toThrow(ConfigError);

    const after = filesUnder(outdir).map((f) => [f, readFileSync(f, 'utf8')]);
    expect(after).toEqual(before);
    expect(after.filter(([f]) => f.endsWith('cdk.tf.json'))).toHaveLength(2);
    for (const [file, text] of after) expect({ file, injected: text.includes(injected) }).toEqual({ file, injected: false });
    const team = Object.values(JSON.parse(readFileSync(join(outdir, 'stacks', 'production', 'cdk.tf.json'), 'utf8')).resource.sentry_team) as { name: string }[];
    expect(team.map((t) => t.name)).toEqual([ENVIRONMENTS.production.sentry.teamName]);
  });
});

describe('service definitions cannot carry Terraform syntax either', () => {
  it.each(['displayName', 'healthPath', 'baseUrls.production'])('fails when a service\'s %s contains ${var.postgres_password}', (field) => {
    const services = structuredClone(SERVICES) as any[];
    const keys = field.split('.');
    const parent = keys.slice(0, -1).reduce((o, k) => o[k], services[0]);
    parent[keys[keys.length - 1]] += '${var.postgres_password}';
    const outdir = join(mkdtempSync(join(tmpdir(), 'service-interpolation-')), 'cdktf.out');
    expect(() => synthesize({ outdir, services })).toThrow(
      `service "${services[0].id}".${field}: got ${JSON.stringify(parent[keys[keys.length - 1]])}; expected plain text, without "\${" or "%{"`);
    expect(readdirSync(join(outdir, '..'))).toEqual([]);
  });
});

describe('API length limits', () => {
  it.each([
    ['sentry.projectSlug', 'a'.repeat(51), 'at most 50 characters (Sentry slugs); got 51'],
    ['sentry.teamSlug', 'a'.repeat(51), 'at most 50 characters (Sentry slugs); got 51'],
    ['grafana.postgres.user', 'ü'.repeat(32), 'at most 63 bytes (PostgreSQL identifiers); got 64'],
    ['backend.bucket', 'b'.repeat(64), 'at most 63 characters (S3 and Spaces bucket names); got 64'],
  ])('fails when %s is too long for its API', (field, value, message) => {
    expect(problemsOf(withField(field, value))).toContain(
      `production.${field}: got ${JSON.stringify(value)}; expected ${message}. Fix: edit config/environments.ts`);
  });

  it('accepts values at the limit', () => {
    expect(problemsOf(withField('sentry.projectSlug', 'a'.repeat(50)))).toEqual([]);
    expect(problemsOf(withField('grafana.postgres.user', 'u'.repeat(63)))).toEqual([]);
  });
});
