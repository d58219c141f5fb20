/**
 * Environments stay apart in Grafana: provider 4.45 sends each organization-scoped
 * resource to the organization of its own `org_id`, or of the token when it has none,
 * whatever the provider's `org_id` says. So every such resource (the resource types
 * whose schema has `org_id`) carries its environment's organization, and every link
 * into Grafana names it too.
 */
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { schemaOf } from '../providers/schema-checker';
import { synthOf } from '../support/synth';

/** Every Grafana resource of a stack, as [type, name, body]. */
function grafanaResources(env: (typeof ENVIRONMENT_NAMES)[number]): [string, string, Record<string, any>][] {
  return Object.entries(synthOf(env).resource).filter(([type]) => type.startsWith('grafana_'))
    .flatMap(([type, byName]) => Object.entries(byName as Record<string, Record<string, any>>).map(([name, body]) => [type, name, body] as [string, string, Record<string, any>]));
}

describe('Grafana organizations', () => {
  it.each(ENVIRONMENT_NAMES)('puts every organization-scoped Grafana resource in the environment\'s organization (%s)', (env) => {
    const scoped = grafanaResources(env).filter(([type]) => schemaOf(type).attributes?.org_id !== undefined);
    expect(new Set(scoped.map(([type]) => type))).toEqual(new Set([
      'grafana_folder', 'grafana_data_source', 'grafana_dashboard', 'grafana_rule_group', 'grafana_contact_point',
      'grafana_message_template', 'grafana_notification_policy',
      ...(ENVIRONMENTS[env].maintenanceWindows?.length ? ['grafana_mute_timing'] : []),
    ]));
    expect(scoped).toHaveLength(grafanaResources(env).length); // every Grafana resource the stack declares is org-scoped
    for (const [type, name, body] of scoped) {
      expect({ resource: `${type}.${name}`, org_id: body.org_id }).toEqual({ resource: `${type}.${name}`, org_id: String(ENVIRONMENTS[env].grafana.orgId) });
    }
  });

  it('gives the two environments different organizations', () => {
    expect(ENVIRONMENTS.staging.grafana.orgId).not.toBe(ENVIRONMENTS.production.grafana.orgId);
  });

  it.each(ENVIRONMENT_NAMES)('names the organization in every Grafana link: outputs, rule annotations, Datadog messages (%s)', (env) => {
    const { publicUrl, orgId } = ENVIRONMENTS[env].grafana;
    const json = JSON.stringify(synthOf(env));
    const links = [...json.matchAll(new RegExp(`${publicUrl.replace(/[.]/g, '\\.')}/[^"\\s\\\\]*`, 'g'))].map((m) => m[0])
      // Grafana's health endpoint needs no organization.
      .filter((link) => !link.endsWith('/api/health'));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) expect({ link, orgId: new URL(link).searchParams.get('orgId') }).toEqual({ link, orgId: String(orgId) });
  });
});
