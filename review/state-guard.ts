import { StackJson } from './data-bearing';
import { SynthTree } from './tree-diff';

/**
 * Changes that fork or abandon a stack's state rather than destroy one resource:
 * a different backend (the next apply starts from an empty state and creates
 * every resource a second time) and a removed environment (nobody runs Terraform
 * for it any more, so its resources keep running, unmanaged). Both block
 * `npm run diff` until acknowledged in the allowlist under `address`.
 */
export interface StateFinding {
  readonly env: string;
  readonly kind: 'backend' | 'orphaned';
  /** The allowlist address that acknowledges it: `<env>:terraform.backend` or `<env>:terraform.stack`. */
  readonly address: 'terraform.backend' | 'terraform.stack';
  readonly summary: string;
  readonly fix: string;
}

/** What identifies where a backend keeps the state, per backend type (options such as locking are not identity). */
const IDENTITY: Readonly<Record<string, readonly string[]>> = {
  s3: ['bucket', 'key', 'endpoints.s3', 'endpoint', 'workspace_key_prefix'],
  pg: ['schema_name', 'conn_str'],
  local: ['path'],
};

function backendOf(stack: StackJson): { type: string; config: Record<string, unknown> } {
  const backend = ((stack.terraform as { backend?: Record<string, Record<string, unknown>> } | undefined)?.backend) ?? {};
  const [type] = Object.keys(backend);
  // No backend block is Terraform's default: local state in terraform.tfstate.
  return type === undefined ? { type: 'local', config: {} } : { type, config: backend[type] ?? {} };
}

function field(config: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], config);
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

/** The backend change between two versions of one stack, if where the state lives changes. */
export function backendFinding(env: string, before: StackJson, after: StackJson): StateFinding | undefined {
  const b = backendOf(before);
  const a = backendOf(after);
  const changes = b.type !== a.type
    ? [`type ${b.type} → ${a.type}`]
    : (IDENTITY[a.type] ?? Object.keys({ ...b.config, ...a.config }))
      .filter((path) => JSON.stringify(field(b.config, path)) !== JSON.stringify(field(a.config, path)))
      // The pg connection string is a secret (normally from PG_CONN_STR): name it, never show it.
      .map((path) => (path === 'conn_str' ? 'conn_str (connection)' : `${path} ${show(field(b.config, path))} → ${show(field(a.config, path))}`));
  if (changes.length === 0) return undefined;
  return {
    env,
    kind: 'backend',
    address: 'terraform.backend',
    summary: `the ${env} state backend changes (${changes.join('; ')}): the next deploy would start from an empty state there ` +
      'and create every resource a second time, next to the ones the old state still tracks',
    fix: `move the state first, with the old backend still in the code: \`terraform state pull > ${env}.tfstate\`, then with the new one ` +
      `\`terraform state push ${env}.tfstate\` (or \`terraform init -migrate-state\` in cdktf.out/stacks/${env}); then change the code, ` +
      `and acknowledge the change with \`${env}:terraform.backend\` in the allowlist`,
  };
}

/** A stack that exists before and not after: its resources are orphaned, not destroyed. */
export function orphanedFinding(env: string, before: StackJson, dataBearing: readonly string[]): StateFinding {
  const count = Object.values(before.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  return {
    env,
    kind: 'orphaned',
    address: 'terraform.stack',
    summary: `the ${env} environment is removed from the config: these ${count} resources would be orphaned, still running and billed ` +
      `but managed by no stack${dataBearing.length > 0 ? ` (${dataBearing.length} of them data-bearing)` : ''}`,
    fix: `destroy the environment first (\`npx cdktf destroy ${env}\` from the current code), then remove it from config/environments.ts; ` +
      `to leave its resources unmanaged on purpose, acknowledge with \`${env}:terraform.stack\` in the allowlist`,
  };
}

/** Every state finding between two synth trees, by environment. */
export function stateFindingsOf(before: SynthTree, after: SynthTree, dataBearing: (stack: StackJson) => string[]): StateFinding[] {
  return Object.keys(before).sort().flatMap((env) => {
    const a = after[env];
    if (a === undefined) return [orphanedFinding(env, before[env], dataBearing(before[env]))];
    const finding = backendFinding(env, before[env], a);
    return finding ? [finding] : [];
  });
}
