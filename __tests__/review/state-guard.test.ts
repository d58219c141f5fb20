import { StackJson } from '../../review/data-bearing';
import { backendFinding, orphanedFinding, stateFindingsOf } from '../../review/state-guard';

/**
 * Changes that fork or abandon a stack's state: a backend that moves the state elsewhere, and an
 * environment removed from the config. diff-command.test.ts shows both on the real synth output.
 */

const s3 = (config: Record<string, unknown>): StackJson => ({ terraform: { backend: { s3: config } } });
const S3 = { bucket: 'state', key: 'monitoring/production.tfstate', region: 'eu-west-1', use_lockfile: true };

/** The summary of a backend finding for production, around its list of changes. */
function summary(changes: string): string {
  return `the production state backend changes (${changes}): the next deploy would start from an empty state there ` +
    'and create every resource a second time, next to the ones the old state still tracks';
}

describe('backendFinding', () => {
  it('finds nothing when the backend is the same', () => {
    expect(backendFinding('production', s3(S3), s3(structuredClone(S3)))).toBeUndefined();
  });

  it('finds nothing between two stacks without a backend, or without a terraform block (both local state)', () => {
    expect(backendFinding('production', { terraform: {} }, {})).toBeUndefined();
    expect(backendFinding('production', {}, {})).toBeUndefined();
  });

  it('fails when the backend changes, naming the environment, the change and how to move the state first', () => {
    expect(backendFinding('production', s3(S3), s3({ ...S3, bucket: 'other' }))).toEqual({
      env: 'production',
      kind: 'backend',
      address: 'terraform.backend',
      summary: summary('bucket "state" → "other"'),
      fix: 'move the state first, with the old backend still in the code: `terraform state pull > production.tfstate`, then with the new one ' +
        '`terraform state push production.tfstate` (or `terraform init -migrate-state` in cdktf.out/stacks/production); then change the code, ' +
        'and acknowledge the change with `production:terraform.backend` in the allowlist',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['bucket', { bucket: 'other' }, 'bucket "state" → "other"'],
    ['key', { key: 'other.tfstate' }, 'key "monitoring/production.tfstate" → "other.tfstate"'],
    ['endpoints.s3', { endpoints: { s3: 'https://fra1.digitaloceanspaces.com' } }, 'endpoints.s3 (unset) → "https://fra1.digitaloceanspaces.com"'],
    ['endpoint', { endpoint: 'https://fra1.digitaloceanspaces.com' }, 'endpoint (unset) → "https://fra1.digitaloceanspaces.com"'],
    ['workspace_key_prefix', { workspace_key_prefix: 'env' }, 'workspace_key_prefix (unset) → "env"'],
  ])('fails when the s3 %s changes, showing both values', (_, change, described) => {
    expect(backendFinding('production', s3(S3), s3({ ...S3, ...change }))?.summary).toBe(summary(described));
  });

  it('lists every identity change of one backend, in the order of its identity', () => {
    expect(backendFinding('production', s3(S3), s3({ ...S3, key: 'k2', bucket: 'b2' }))?.summary)
      .toBe(summary('bucket "state" → "b2"; key "monitoring/production.tfstate" → "k2"'));
  });

  it('shows an s3 identity removed as unset', () => {
    expect(backendFinding('production', s3({ ...S3, workspace_key_prefix: 'env' }), s3(S3))?.summary)
      .toBe(summary('workspace_key_prefix "env" → (unset)'));
  });

  it('passes when only options that are not identity change (locking, region)', () => {
    expect(backendFinding('production', s3(S3), s3({ ...S3, use_lockfile: false, region: 'us-east-1' }))).toBeUndefined();
  });

  it('fails when the backend type changes, naming both types', () => {
    const after: StackJson = { terraform: { backend: { pg: { schema_name: 'monitoring' } } } };
    expect(backendFinding('production', s3(S3), after)?.summary).toBe(summary('type s3 → pg'));
  });

  it('fails when a stack without a backend (local state) gets one', () => {
    expect(backendFinding('production', { terraform: {} }, s3(S3))?.summary).toBe(summary('type local → s3'));
  });

  it('compares no backend with an explicit local backend by its path', () => {
    const local: StackJson = { terraform: { backend: { local: { path: 'state/production.tfstate' } } } };
    expect(backendFinding('production', { terraform: {} }, local)?.summary).toBe(summary('path (unset) → "state/production.tfstate"'));
    expect(backendFinding('production', { terraform: {} }, { terraform: { backend: { local: {} } } })).toBeUndefined();
  });

  it('names a changed pg connection string without showing it (it holds the password)', () => {
    const pg = (config: Record<string, unknown>): StackJson => ({ terraform: { backend: { pg: config } } });
    const finding = backendFinding('production', pg({ schema_name: 'a', conn_str: 'postgres://u:OLD@h/db' }),
      pg({ schema_name: 'b', conn_str: 'postgres://u:NEW@h/db' }));
    expect(finding?.summary).toBe(summary('schema_name "a" → "b"; conn_str (connection)'));
    expect(JSON.stringify(finding)).not.toMatch(/OLD|NEW/);
  });

  it('compares every attribute of a backend type it does not know, from either side', () => {
    const gcs = (config: Record<string, unknown> | null): StackJson => ({ terraform: { backend: { gcs: config } } });
    expect(backendFinding('production', gcs({ bucket: 'b', prefix: 'p', old: 1 }), gcs({ bucket: 'b', prefix: 'q' }))?.summary)
      .toBe(summary('prefix "p" → "q"; old 1 → (unset)'));
    expect(backendFinding('production', gcs(null), gcs({ prefix: 'p' }))?.summary).toBe(summary('prefix (unset) → "p"'));
    expect(backendFinding('production', gcs({ bucket: 'b' }), gcs({ bucket: 'b' }))).toBeUndefined();
  });
});

describe('orphanedFinding', () => {
  const staging: StackJson = {
    resource: { sentry_project: { p: {}, q: {} }, grafana_folder: { f: {} }, grafana_notification_policy: { n: {} } },
  };

  it('counts every resource of every type, saying how many hold data, and how to destroy or acknowledge', () => {
    expect(orphanedFinding('staging', staging, ['grafana_folder.f', 'sentry_project.p', 'sentry_project.q'])).toEqual({
      env: 'staging',
      kind: 'orphaned',
      address: 'terraform.stack',
      summary: 'the staging environment is removed from the config: these 4 resources would be orphaned, still running and billed ' +
        'but managed by no stack (3 of them data-bearing)',
      fix: 'destroy the environment first (`npx cdktf destroy staging` from the current code), then remove it from config/environments.ts; ' +
        'to leave its resources unmanaged on purpose, acknowledge with `staging:terraform.stack` in the allowlist',
    });
  });

  it('says nothing of data when none of the resources holds any', () => {
    expect(orphanedFinding('staging', staging, []).summary).toBe('the staging environment is removed from the config: ' +
      'these 4 resources would be orphaned, still running and billed but managed by no stack');
  });

  it('counts no resources for a stack without any', () => {
    expect(orphanedFinding('qa', {}, []).summary).toContain('these 0 resources would be orphaned');
  });
});

describe('stateFindingsOf', () => {
  const stack = (bucket: string): StackJson => ({ ...s3({ ...S3, bucket }), resource: { sentry_project: { p: {} } } });
  const dataBearing = (json: StackJson) => Object.keys(json.resource?.sentry_project ?? {}).map((name) => `sentry_project.${name}`);

  it('finds nothing when every environment keeps its backend, and nothing for an added environment', () => {
    expect(stateFindingsOf({ production: stack('a') }, { production: stack('a'), staging: stack('s') }, dataBearing)).toEqual([]);
  });

  it('reports each removed environment as orphaned and each backend change, sorted by environment', () => {
    const findings = stateFindingsOf(
      { staging: stack('s'), production: stack('a'), qa: stack('q') },
      { production: stack('b') },
      dataBearing,
    );
    expect(findings.map((f) => [f.env, f.kind, f.address])).toEqual([
      ['production', 'backend', 'terraform.backend'],
      ['qa', 'orphaned', 'terraform.stack'],
      ['staging', 'orphaned', 'terraform.stack'],
    ]);
    expect(findings[1].summary).toContain('these 1 resources would be orphaned, still running and billed but managed by no stack (1 of them data-bearing)');
  });
});
