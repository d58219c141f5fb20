import type { EnvironmentConfig } from './types';
import type { Problems } from './validate';

/**
 * Config text must stay text. Terraform reads `${` as an interpolation and `%{`
 * as a template directive in every string of a configuration, JSON included
 * (Terraform docs, "Strings and Templates"), and cdktf writes strings as they
 * are: a name containing `${var.postgres_password}` would read a secret into an
 * attribute that is not sensitive. So no config string may contain either
 * sequence; checked once here, for every string field, before anything is built.
 */
const TERRAFORM_SYNTAX = /[$%]\{/;

/** Every string in `value`, with its field path (`sentry.teamName`, `alertEmails[0]`). */
export function stringFields(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringFields(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringFields(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/**
 * Length limits of the APIs the fields end up in, beyond what the patterns in
 * validate.ts already bound. Lengths are in UTF-8 bytes where the API counts bytes.
 */
const LIMITS: readonly { readonly field: string; readonly max: number; readonly bytes?: true; readonly source: string }[] = [
  // Sentry slugs: SentrySlugField, max_length DEFAULT_SLUG_MAX_LENGTH = 50 (getsentry/sentry, src/sentry/db/models/fields/slug.py).
  { field: 'sentry.organization', max: 50, source: 'Sentry slugs' },
  { field: 'sentry.teamSlug', max: 50, source: 'Sentry slugs' },
  { field: 'sentry.projectSlug', max: 50, source: 'Sentry slugs' },
  // PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes (PostgreSQL docs, "Identifiers and Key Words").
  { field: 'grafana.postgres.database', max: 63, bytes: true, source: 'PostgreSQL identifiers' },
  { field: 'grafana.postgres.user', max: 63, bytes: true, source: 'PostgreSQL identifiers' },
  // Bucket names 3-63 characters; object keys at most 1024 bytes (Amazon S3 docs, "Bucket naming rules",
  // "Naming Amazon S3 objects"; DigitalOcean Spaces follows both).
  { field: 'backend.bucket', max: 63, source: 'S3 and Spaces bucket names' },
  { field: 'backend.key', max: 1024, bytes: true, source: 'S3 and Spaces object keys' },
];

function fieldValue(env: EnvironmentConfig, field: string): unknown {
  return field.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), env);
}

/**
 * Refuses `${` and `%{` in every string of `value` (a config, a service definition),
 * naming each field under `prefix`.
 */
export function checkNoTerraformSyntax(value: unknown, problems: Problems, prefix: string, fix: string): void {
  for (const [field, text] of stringFields(value)) {
    problems.check(!TERRAFORM_SYNTAX.test(text), `${prefix}.${field}`, text,
      'plain text, without "${" or "%{" (Terraform would read them as an interpolation or a directive)',
      `remove the "\${" / "%{" (${fix}); secrets belong in sensitive variables (stacks/variables.ts), never in config`);
  }
}

/** Refuses Terraform syntax in every string of `env`, and values longer than their API takes. */
export function checkText(env: EnvironmentConfig, problems: Problems, prefix: string, fix: string): void {
  checkNoTerraformSyntax(env, problems, prefix, fix);
  for (const { field, max, bytes, source } of LIMITS) {
    const value = fieldValue(env, field);
    if (typeof value !== 'string') continue;
    const length = bytes ? Buffer.byteLength(value) : value.length;
    problems.check(length <= max, `${prefix}.${field}`, value,
      `at most ${max} ${bytes ? 'bytes' : 'characters'} (${source}); got ${length}`, fix);
  }
}
