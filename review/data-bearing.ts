import { existsSync, readFileSync } from 'node:fs';

/**
 * Resources whose destruction loses something Terraform cannot recreate:
 * history, URLs people bookmarked, keys other systems hold. Destroying or
 * replacing one must be a deliberate, reviewed decision.
 */
export const DATA_BEARING_TYPES: Readonly<Record<string, string>> = {
  sentry_project: 'its issues, events and release history, and the DSN every client sends to',
  sentry_key: 'the DSN the running app sends errors with (a new key means a new DSN to roll out)',
  pagerduty_service: 'its incident history, and the service every integration routes to',
  pagerduty_service_integration: 'its routing key, which Grafana, Datadog or Sentry hold to page',
  pagerduty_schedule: 'its on-call history and overrides, and who is on call now (the escalation policy pages it)',
  pagerduty_business_service: 'its impact history, subscribers and its place on the status page (added by hand)',
  pagerduty_service_dependency: 'the link that makes an incident mark its business service impacted',
  grafana_folder: 'the folder uid that rules and dashboards live in (they are deleted with it)',
  grafana_dashboard: 'its version history and the URL people bookmarked',
  grafana_data_source: 'the uid every panel and rule queries by',
  digitalocean_app: 'the running API itself: its deployments, domains and logs',
  datadog_service_level_objective: 'its error-budget history over the whole SLO window, and the SLO id its burn-rate alerts query',
  datadog_monitor: 'its alert history, the downtimes scheduled on it, and the monitor id that links and SLOs point to',
  datadog_synthetics_test: 'its result history and uptime record, and the monitor (with its alert history) it owns',
  datadog_dashboard_json: 'its URL people bookmarked and its version history',
  sentry_team: 'its members, and the project ownership and alert assignment that name it',
  sentry_metric_monitor: 'its detection history and the open issues it raised (alerts then start from nothing)',
  grafana_rule_group: 'the alert state and state history of every rule in it: firing alerts resolve and fire again as new',
  grafana_contact_point: 'its notification history, and the name the notification policy routes to',
  pagerduty_escalation_policy: 'its on-call history, and the escalation the PagerDuty service pages through',
};

/**
 * Attributes whose change makes Terraform destroy and recreate the resource
 * (ForceNew / RequiresReplace in the provider's schema), as paths from the
 * resource body. Checked in the providers' sources: grafana resource_folder.go,
 * resource_data_source.go, resource_dashboard.go (CustomizeDiff on the uid in
 * config_json), resource_alerting_*.go, oss_org_id.go; pagerduty
 * resource_pagerduty_service_integration.go, pagerdutyplugin/resource_pagerduty_service_dependency.go
 * (every attribute RequiresReplace: the API cannot update a dependency); digitalocean app/resource_app.go;
 * datadog resource_datadog_monitor.go, resource_datadog_service_level_objective.go,
 * resource_datadog_integration_pagerduty_service_object.go. Sentry's project, key and
 * team have none: a slug change renames the project in place (but replaces what
 * refers to the slug, see `inducedChanges` in review/tree-diff.ts).
 */
export const REPLACING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  grafana_folder: ['uid', 'org_id'],
  grafana_dashboard: ['config_json.uid', 'org_id'],
  grafana_data_source: ['uid', 'org_id'],
  grafana_rule_group: ['name', 'folder_uid', 'org_id'],
  grafana_contact_point: ['name', 'org_id', 'disable_provenance'],
  grafana_mute_timing: ['name', 'org_id', 'disable_provenance'],
  grafana_message_template: ['name', 'org_id', 'disable_provenance'],
  grafana_notification_policy: ['org_id'],
  pagerduty_service_integration: ['service', 'type', 'vendor', 'email_filter'],
  pagerduty_service_dependency: ['dependency'],
  digitalocean_app: ['project_id'],
  datadog_monitor: ['type'],
  datadog_service_level_objective: ['type'],
  datadog_integration_pagerduty_service_object: ['service_name'],
  // jianyuan/terraform-provider-sentry v0.15.4, internal/provider/resource_metric_monitor_gen.go and
  // resource_alert_gen.go: RequiresReplace on these. A project slug change therefore replaces the monitor.
  sentry_metric_monitor: ['organization', 'project'],
  sentry_alert: ['organization'],
};

/** The replacing attributes among changed paths (a path under one counts, e.g. `config_json.uid`). */
export function replacingChanges(type: string, changedPaths: readonly string[]): string[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder attribute for a type without any matches no real path
  const attributes = REPLACING_ATTRIBUTES[type] ?? [];
  return attributes.filter((a) => changedPaths.some((p) => p === a || p.startsWith(`${a}.`) || p.startsWith(`${a}[`)));
}

/** A synthesized stack (cdk.tf.json), as far as the review commands read it. */
export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly data?: unknown;
  readonly provider?: unknown;
  readonly terraform?: unknown;
  readonly variable?: unknown;
  readonly output?: unknown;
  readonly locals?: unknown;
  readonly moved?: unknown;
  /** Import blocks of adopted resources: `[{to, id}]`. */
  readonly import?: unknown;
}

/** Whether the block at `address` holds data: a managed resource (not a data source) of a data-bearing type. */
export function isDataBearing(address: string, type: string): boolean {
  return DATA_BEARING_TYPES[type] !== undefined && !address.startsWith('data.');
}

/** Sorted Terraform addresses (`<type>.<name>`) of the stack's data-bearing resources. */
export function dataBearingAddresses(stack: StackJson): string[] {
  return Object.entries(stack.resource ?? {})
    .filter(([type]) => DATA_BEARING_TYPES[type] !== undefined)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

/** The environment-qualified address the allowlist and messages use: `production:sentry_project.sentry-project`. */
export function qualified(env: string, address: string): string {
  return `${env}:${address}`;
}

// ---------------------------------------------------------------------------
// Address lock

/** Per environment, the sorted addresses of its data-bearing resources. */
export type AddressLock = Readonly<Record<string, readonly string[]>>;

/** The committed lock, checked by __tests__/stacks/address-lock.test.ts and written by `npm run lock:update`. */
export const LOCK_FILE = '__tests__/stacks/addresses.lock.json';

interface LockFile {
  readonly comment: string;
  readonly addresses: AddressLock;
}

export function readAddressLock(path: string): AddressLock {
  return (JSON.parse(readFileSync(path, 'utf8')) as LockFile).addresses;
}

export function formatAddressLock(lock: AddressLock): string {
  const file: LockFile = {
    comment: 'Terraform addresses of data-bearing resources (review/data-bearing.ts). Added to by `npm run accept`, ' +
      'rewritten by `npm run lock:update` after a deliberate move; a change here is a resource destroyed or created: review it.',
    addresses: Object.fromEntries(Object.keys(lock).sort().map((env) => [env, [...lock[env]].sort()])),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** How to keep a data-bearing resource when its construct moves or is renamed. */
export const MOVE_FIX = 'keep the construct id, or move the resource deliberately with a moved block / `resource.moveTo(...)`';
export const LOCK_FIX = `${MOVE_FIX}, then run \`npm run lock:update\``;

/**
 * Compares current data-bearing addresses with the lock. Each problem names the
 * address that vanished or appeared and the fix; empty means the lock holds.
 */
export function checkAddressLock(current: AddressLock, lock: AddressLock): string[] {
  const problems: string[] = [];
  for (const env of [...new Set([...Object.keys(lock), ...Object.keys(current)])].sort()) {
    const now = new Set(current[env] ?? []);
    const locked = new Set(lock[env] ?? []);
    for (const address of locked) {
      if (!now.has(address)) {
        const type = address.split('.')[0];
        problems.push(`${qualified(env, address)} vanished: Terraform would destroy it and lose ` +
          `${DATA_BEARING_TYPES[type] ?? 'what it holds'}. Fix: ${LOCK_FIX}.`);
      }
    }
    for (const address of now) {
      if (!locked.has(address)) {
        problems.push(`${qualified(env, address)} appeared but is not in the address lock. ` +
          `If it replaces a locked address, Fix: ${LOCK_FIX}. If it is new, run \`npm run accept\` and commit the lock.`);
      }
    }
  }
  return problems;
}

/** What `npm run accept` does to the lock: the new lock, the addresses it added, and those it refused to drop. */
export interface LockAcceptance {
  readonly lock: AddressLock;
  /** `<env>:<address>` added: new data-bearing resources, nothing lost. */
  readonly added: readonly string[];
  /** `<env>:<address>` still locked though the synth no longer has it: a destroy only a deliberate fix may accept. */
  readonly vanished: readonly string[];
}

/**
 * The lock with every current address added and every locked one kept: a new resource
 * is accepted, a removed or moved one never is (it stays in the lock, so the address
 * lock test keeps failing until `npm run lock:update` after a deliberate move).
 */
export function acceptAddedAddresses(current: AddressLock, lock: AddressLock): LockAcceptance {
  const added: string[] = [];
  const vanished: string[] = [];
  const next: Record<string, string[]> = {};
  for (const env of [...new Set([...Object.keys(lock), ...Object.keys(current)])].sort()) {
    const now = new Set(current[env] ?? []);
    const locked = new Set(lock[env] ?? []);
    for (const address of [...now].sort()) if (!locked.has(address)) added.push(qualified(env, address));
    for (const address of [...locked].sort()) if (!now.has(address)) vanished.push(qualified(env, address));
    next[env] = [...new Set([...locked, ...now])].sort();
  }
  return { lock: next, added, vanished };
}

/**
 * What `npm run lock:update` prints after rewriting the lock: each address it dropped
 * (Terraform destroys it unless a moved block carries it) and each it added, so the
 * pull request shows the acknowledgement it makes.
 */
export function describeLockUpdate(change: Pick<LockAcceptance, 'added' | 'vanished'>): string {
  if (change.added.length === 0 && change.vanished.length === 0) return `${LOCK_FILE}: no address dropped or added.`;
  const lines = [`${LOCK_FILE} rewritten:`];
  if (change.vanished.length > 0) {
    lines.push(`  dropped ${change.vanished.length} (destroyed by deploy unless a moved block carries it to a new address; commit that block with the lock):`,
      ...change.vanished.map((a) => `    - ${a}`));
  }
  if (change.added.length > 0) lines.push(`  added ${change.added.length}:`, ...change.added.map((a) => `    + ${a}`));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Allowlist of acknowledged removals

/** Where `npm run diff` reads the addresses that a pull request may destroy or replace. */
export const DEFAULT_ALLOWLIST = 'review/allowed-removals.txt';

/** `<env>:<address>` acknowledges a destroy; `<env>:<address> <what>` one loss of an update (deploy/in-place-losses.ts). */
const ALLOWLIST_LINE = /^[a-z0-9_-]+:[a-z0-9_]+\.[A-Za-z0-9_-]+( \S+)?$/;

/**
 * Reads the allowlist: one `<env>:<type>.<name>` per line, optionally followed by one
 * loss of an in-place update (e.g. ` env.LEGACY_URL`), `#` starts a comment.
 * A missing file allows nothing. A malformed line throws, naming line and format.
 */
export function readAllowlist(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  const allowed = new Set<string>();
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    if (!ALLOWLIST_LINE.test(line)) {
      throw new Error(`${path}:${i + 1}: got ${JSON.stringify(line)}; expected "<env>:<type>.<name>" or "<env>:<type>.<name> <what is lost>", ` +
        'e.g. "production:sentry_project.sentry-project". Fix: correct or delete the line');
    }
    allowed.add(line);
  });
  return allowed;
}
