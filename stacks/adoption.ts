import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentConfig } from '../config/types';
import { ConfigError } from '../config/validate';
import { BurnRateAlert } from '../constructs/datadog/burn-rate-alert';
import { CompositeMonitor } from '../constructs/datadog/composite-monitor';
import { HeartbeatMonitor } from '../constructs/datadog/heartbeat-monitor';
import { MetricMonitor } from '../constructs/datadog/metric-monitor';
import { SyntheticApiTest } from '../constructs/datadog/synthetic-api-test';

/**
 * Adoption: a resource that already exists is taken over by a Terraform `import` block
 * on the resource's own address (cdktf's `importFrom`), so that the plan shows "import"
 * and is reviewed like any other change. The ids come from the environment's `adopt`
 * section (config/types.ts, AdoptionConfig); this module writes them in the import-id
 * format of each provider (the "Import" section of each resource's docs).
 */

/** Imports `resource` from `id`, when there is one. */
export function adopt(resource: TerraformResource, id: string | undefined): void {
  if (id !== undefined) resource.importFrom(id);
}

/** Import ids by resource type, from the parts that the config names. */
export const IMPORT_ID = {
  /** `terraform import digitalocean_app.x <app id>` */
  digitaloceanApp: (appId: string) => appId,
  /** `<organization>/<team slug>` */
  sentryTeam: (organization: string, slug: string) => `${organization}/${slug}`,
  /** `<organization>/<project slug>` */
  sentryProject: (organization: string, slug: string) => `${organization}/${slug}`,
  /** `<organization>/<project slug>/<key id>` */
  sentryKey: (organization: string, project: string, keyId: string) => `${organization}/${project}/${keyId}`,
  /** PagerDuty services, escalation policies, schedules and business services: their id. */
  pagerduty: (id: string) => id,
  /** `<org id>:<uid>`: the provider pins the organization in the id. */
  grafanaFolder: (orgId: number, uid: string) => `${orgId}:${uid}`,
  /** `<org id>:<name>`: a contact point is every integration of that name. */
  grafanaContactPoint: (orgId: number, name: string) => `${orgId}:${name}`,
  /** `<org id>:<any string>`: one policy tree per organization, whatever the rest says. */
  grafanaNotificationPolicy: (orgId: number) => `${orgId}:policy`,
  /** Datadog monitors and synthetic tests: their id (numeric) or public id. */
  datadog: (id: string | number) => String(id),
} as const;

/** Every Datadog resource of `scope` that adopt.datadog can name, with its kind. */
interface NamedDatadogResource {
  readonly kind: 'monitors' | 'syntheticTests';
  readonly name: string;
  readonly resource: TerraformResource;
}

function datadogByName(scope: Construct): NamedDatadogResource[] {
  return scope.node.findAll().flatMap((c): NamedDatadogResource[] => {
    if (c instanceof MetricMonitor || c instanceof CompositeMonitor || c instanceof BurnRateAlert || c instanceof HeartbeatMonitor) {
      return [{ kind: 'monitors', name: c.name, resource: c.monitor }];
    }
    if (c instanceof SyntheticApiTest) return [{ kind: 'syntheticTests', name: c.name, resource: c.test }];
    return [];
  });
}

/**
 * Imports the Datadog monitors and synthetic tests that `adopt.datadog` names, once the
 * stack has declared them all. A name the stack does not declare stops synth, listing
 * the names it does: an import that matched nothing would create a duplicate.
 */
export function adoptDatadog(scope: Construct, env: EnvironmentConfig): void {
  const wanted = env.adopt?.datadog;
  if (wanted === undefined) return;
  const declared = datadogByName(scope);
  const problems: string[] = [];
  for (const kind of ['monitors', 'syntheticTests'] as const) {
    const ofKind = declared.filter((d) => d.kind === kind);
    for (const [name, id] of Object.entries(wanted[kind] ?? {})) {
      const match = ofKind.find((d) => d.name === name);
      if (match) {
        adopt(match.resource, IMPORT_ID.datadog(id));
      } else {
        problems.push(`${env.name}.adopt.datadog.${kind}[${JSON.stringify(name)}]: got a name the stack gives no Datadog ` +
          `${kind === 'monitors' ? 'monitor' : 'synthetic test'}; expected one of ${ofKind.map((d) => JSON.stringify(d.name)).join(', ')}. ` +
          'Fix: use the name the stack declares (npm run doctor -- <env> --online lists existing ones by it), or remove the entry');
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
