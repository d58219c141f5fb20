import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES, EnvironmentConfig, EnvironmentName } from '../../config/types';
import { ConfigError } from '../../config/validate';
import { buildApp } from '../../stacks/app';
import { TerraformJson, synthOf } from '../support/synth';

const APP_ID = '4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf';
const KEY_ID = '0123456789abcdef0123456789abcdef';

type ImportBlock = { to: string; id: string };

/** Production (only) synthesized in this process with `adopt` set. */
function synthAdopted(adopt: EnvironmentConfig['adopt'], env: EnvironmentName = 'production'): TerraformJson & { import?: ImportBlock[] } {
  const configs = structuredClone(ENVIRONMENTS) as Record<EnvironmentName, EnvironmentConfig>;
  (configs[env] as { adopt?: unknown }).adopt = adopt;
  const outdir = mkdtempSync(join(tmpdir(), 'adopt-'));
  buildApp({ outdir, configs, environments: [env] }).synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
}

/** The one resource of `type`, as its Terraform address. */
function addressOf(json: TerraformJson, type: string): string {
  const names = Object.keys(json.resource[type] ?? {});
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

describe('adoption', () => {
  it('writes no import block without adoption config', () => {
    for (const env of ENVIRONMENT_NAMES) expect((synthOf(env) as { import?: unknown }).import).toBeUndefined();
  });

  describe('production with an adopted app, Sentry team, project and key, and PagerDuty service', () => {
    const json = synthAdopted({
      digitalocean: { appId: APP_ID },
      sentry: { teamSlug: 'esg-platform', projectSlug: 'esg-scraper-api', keyId: KEY_ID },
      pagerduty: { serviceId: 'PABC123' },
    });

    it('writes one import block per adopted resource, to its real address, with the configured id', () => {
      expect(json.import).toHaveLength(5);
      expect([...json.import!].sort((a, b) => a.to.localeCompare(b.to))).toEqual([
        { to: addressOf(json, 'digitalocean_app'), id: APP_ID },
        { to: addressOf(json, 'pagerduty_service'), id: 'PABC123' },
        { to: addressOf(json, 'sentry_key'), id: `esg-scraper/esg-scraper-api/${KEY_ID}` },
        { to: addressOf(json, 'sentry_project'), id: 'esg-scraper/esg-scraper-api' },
        { to: addressOf(json, 'sentry_team'), id: 'esg-scraper/esg-platform' },
      ].sort((a, b) => a.to.localeCompare(b.to)));
    });

    it('imports onto the addresses the address lock holds, so that adoption moves nothing', () => {
      const lock = JSON.parse(readFileSync(join(__dirname, 'addresses.lock.json'), 'utf8')).addresses.production as string[];
      for (const { to } of json.import!) expect(lock).toContain(to);
    });

    it('changes nothing else in the stack', () => {
      const { import: _imports, ...rest } = json;
      expect(rest.resource).toEqual(synthOf('production').resource);
    });
  });

  it('adopts a Grafana folder under its own uid, the notification policy, and the rest of PagerDuty', () => {
    const json = synthAdopted({
      grafana: { folderUid: 'legacy-folder', notificationPolicy: true },
      pagerduty: { escalationPolicyId: 'PESC123', scheduleId: 'PSCH123', businessServiceId: 'PBIZ123' },
    });
    const folder = addressOf(json, 'grafana_folder');
    expect(json.resource.grafana_folder[folder.split('.')[1]].uid).toBe('legacy-folder');
    // Dashboards and rules follow the folder by reference.
    for (const body of Object.values(json.resource.grafana_dashboard)) expect(body.folder).toBe('${grafana_folder.grafana-folder.uid}');
    expect(json.import).toEqual(expect.arrayContaining([
      { to: folder, id: '1:legacy-folder' },
      { to: addressOf(json, 'grafana_notification_policy'), id: '1:policy' },
      { to: addressOf(json, 'pagerduty_escalation_policy'), id: 'PESC123' },
      { to: addressOf(json, 'pagerduty_schedule'), id: 'PSCH123' },
    ]));
    const product = Object.keys(json.resource.pagerduty_business_service).find((n) => n.startsWith('status-page_product'));
    expect(json.import).toContainEqual({ to: `pagerduty_business_service.${product}`, id: 'PBIZ123' });
    expect(json.import).toHaveLength(5);
  });

  it('adopts Datadog monitors and synthetic tests by the names the stack gives them', () => {
    const [monitorName, monitorBody] = Object.entries(synthOf('production').resource.datadog_monitor)[0];
    const [testName, testBody] = Object.entries(synthOf('production').resource.datadog_synthetics_test)[0];
    const json = synthAdopted({ datadog: { monitors: { [monitorBody.name]: 1234567 }, syntheticTests: { [testBody.name]: 'abc-123-xyz' } } });
    expect(json.import).toHaveLength(2);
    expect(json.import).toEqual(expect.arrayContaining([
      { to: `datadog_monitor.${monitorName}`, id: '1234567' },
      { to: `datadog_synthetics_test.${testName}`, id: 'abc-123-xyz' },
    ]));
  });

  it('adopts Grafana contact points by name, and fails on a name the stack does not declare', () => {
    const json = synthAdopted({ grafana: { contactPoints: ['esg-scraper-production-pagerduty'] } });
    expect(json.import).toEqual([{ to: 'grafana_contact_point.grafana-contact-points_pagerduty_D2BD1448', id: '1:esg-scraper-production-pagerduty' }]);
    expect(() => synthAdopted({ grafana: { contactPoints: ['billing'] } })).toThrow(
      'production.adopt.grafana.contactPoints[0]: got "billing"; expected a contact point the stack declares ("esg-scraper-production-pagerduty"');
  });

  it('fails when a Datadog name is not one the stack declares, listing the declared ones', () => {
    expect(() => synthAdopted({ datadog: { monitors: { 'ESG Scraper API: typo': 1 } } })).toThrow(ConfigError);
    expect(() => synthAdopted({ datadog: { monitors: { 'ESG Scraper API: typo': 1 } } }))
      .toThrow(/production\.adopt\.datadog\.monitors\["ESG Scraper API: typo"\]: got a name the stack gives no Datadog monitor; expected one of ".*"/);
  });
});
