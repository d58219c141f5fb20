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

describe('string fields of a value', () => {
  it('names each string by its path, skipping numbers, booleans, null and missing values', () => {
    expect(stringFields({ a: 'x', b: { c: 'y', d: 1, e: true, f: null, g: undefined }, h: ['p', { i: 'q' }], j: [] })).toEqual([
      ['a', 'x'], ['b.c', 'y'], ['h[0]', 'p'], ['h[1].i', 'q'],
    ]);
  });

  it('names a top-level string by the prefix it was given', () => {
    expect(stringFields('x', 'top')).toEqual([['top', 'x']]);
    expect(stringFields(['x'])).toEqual([['[0]', 'x']]);
    expect(stringFields(3)).toEqual([]);
  });
});

describe('text that only looks like Terraform syntax', () => {
  it.each(['ESG {team}', 'ESG $ {x}', '100% uptime', 'cost $5', 'a}{b', '$$', '%'])('accepts %j, which has no "${" or "%{"', (text) => {
    expect(problemsOf(withField('sentry.teamName', text))).toEqual([]);
  });
});

describe('API length limits, field by field', () => {
  // Over by one: a character-counted field with ASCII text, a byte-counted one with 2-byte "ü" (under the limit in characters).
  it.each([
    ['sentry.organization', 'o'.repeat(51), 'at most 50 characters (Sentry slugs); got 51'],
    ['sentry.teamSlug', 't'.repeat(51), 'at most 50 characters (Sentry slugs); got 51'],
    ['sentry.projectSlug', 'p'.repeat(51), 'at most 50 characters (Sentry slugs); got 51'],
    ['grafana.postgres.database', 'ü'.repeat(32), 'at most 63 bytes (PostgreSQL identifiers); got 64'],
    ['grafana.postgres.user', 'ü'.repeat(32), 'at most 63 bytes (PostgreSQL identifiers); got 64'],
    ['backend.bucket', 'b'.repeat(64), 'at most 63 characters (S3 and Spaces bucket names); got 64'],
    ['backend.key', 'ü'.repeat(513), 'at most 1024 bytes (S3 and Spaces object keys); got 1026'],
  ])('fails when %s is over its limit, naming the field, the limit and its source', (field, value, message) => {
    expect(problemsOf(withField(field, value))).toEqual([
      `production.${field}: got ${JSON.stringify(value)}; expected ${message}. Fix: edit config/environments.ts`]);
  });

  it.each([
    ['sentry.organization', 'o'.repeat(50)],
    ['sentry.teamSlug', 't'.repeat(50)],
    ['sentry.projectSlug', 'p'.repeat(50)],
    ['grafana.postgres.database', `${'ü'.repeat(31)}d`],
    ['grafana.postgres.user', `${'ü'.repeat(31)}u`],
    ['backend.bucket', 'b'.repeat(63)],
    ['backend.key', 'ü'.repeat(512)],
  ])('accepts %s at its limit', (field, value) => {
    expect(problemsOf(withField(field, value))).toEqual([]);
  });

  it('checks no limit of a field the backend does not have (a local backend has no bucket or key)', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.production.backend = { type: 'local' };
    expect(problemsOf(configs)).toEqual([]);
  });

  it('fails only on the backend type when the backend is null, without reading its fields', () => {
    const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
    configs.production.backend = null;
    expect(problemsOf(configs)).toEqual(['production.backend.type: got nothing (the setting is missing); expected "local", "s3" or "pg". ' +
      'Fix: edit config/environments.ts']);
  });
});
