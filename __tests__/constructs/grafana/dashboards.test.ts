import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { TerraformStack, Testing } from 'cdktf';
import { buildAlertCatalog } from '../../../catalog/alerts';
import { BUSINESS_DASHBOARD_UID, serviceDashboardUid } from '../../../catalog/grafana-uids';
import { ENVIRONMENT_NAMES } from '../../../config/types';
import { ConfigError } from '../../../config/validate';
import { Dashboards } from '../../../constructs/grafana/dashboards';
import { businessDashboard } from '../../../dashboards/business';
import { serviceDashboard } from '../../../dashboards/service';
import { ESTATES } from '../../support/estates';
import { resourcesOf, synthOf } from '../../support/synth';

function synthWith(models: Record<string, dashboard.Dashboard>): Record<string, any> {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new Dashboards(stack, 'dashboards', { folderUid: 'folder-uid', dashboards: models });
  return JSON.parse(Testing.synth(stack)).resource.grafana_dashboard;
}

/** What the SDK builds, as JSON carries it. */
const asJson = (model: dashboard.Dashboard) => JSON.parse(JSON.stringify(model));

describe('Dashboards (Grafana)', () => {
  it('stores each model as config_json, in the folder, keyed by its stable name', () => {
    const model = new dashboard.DashboardBuilder('One').uid('one-uid').build();
    const resources = synthWith({ one: model });
    const [[address, resource]] = Object.entries(resources);
    expect(address).toMatch(/^dashboards_one_[0-9A-F]{8}$/);
    expect(resource.folder).toBe('folder-uid');
    expect(resource.config_json).toBe(JSON.stringify(model));
  });

  it('fails when a model has no valid uid, naming the dashboard, the value and the fix', () => {
    expect(() => synthWith({ nameless: new dashboard.DashboardBuilder('No uid').build() })).toThrow(ConfigError);
    expect(() => synthWith({ nameless: new dashboard.DashboardBuilder('No uid').build() }))
      .toThrow('dashboards.nameless.uid: got nothing (the setting is missing); expected 1-40 letters, digits, "-" or "_". ' +
        'Fix: set a stable uid with DashboardBuilder.uid()');
    expect(() => synthWith({ spaced: new dashboard.DashboardBuilder('Bad').uid('has space').build() }))
      .toThrow('dashboards.spaced.uid: got "has space"; expected 1-40 letters');
    expect(() => synthWith({ long: new dashboard.DashboardBuilder('Long').uid('x'.repeat(41)).build() }))
      .toThrow(`dashboards.long.uid: got "${'x'.repeat(41)}"; expected 1-40 letters`);
  });

  it('fails when two models share a uid', () => {
    const twin = () => new dashboard.DashboardBuilder('Twin').uid('same').build();
    expect(() => synthWith({ a: twin(), b: twin() }))
      .toThrow('dashboards.b.uid: got "same"; expected a uid unique in the organization ("a" has it too). Fix: give each dashboard its own uid');
  });

  describe.each(ESTATES)('in the $name', (estate) => {
    const { services, configs } = estate;

    it.each(ENVIRONMENT_NAMES)('puts exactly what the SDK builds into cdk.tf.json (%s)', (name) => {
      const env = configs[name];
      const json = synthOf(name, estate);
      const byUid = Object.fromEntries(resourcesOf(json, 'grafana_dashboard').map(([address, r]) => [JSON.parse(r.config_json).uid, { address, ...r }]));
      const expected = [
        ...services.map((service) => serviceDashboard({ service, env, alerts: buildAlertCatalog(services, env) })),
        businessDashboard({ env, services }),
      ];
      expect(Object.keys(byUid).sort()).toEqual(expected.map((m) => m.uid).sort());
      for (const model of expected) {
        const resource = byUid[model.uid as string];
        expect(JSON.parse(resource.config_json)).toEqual(asJson(model));
        expect(resource.folder).toBe('${grafana_folder.grafana-folder.uid}');
        // Dashboards query the data sources by uid, so they are created after them.
        expect(resource.depends_on).toEqual(expect.arrayContaining(
          resourcesOf(json, 'grafana_data_source').map(([address]) => `grafana_data_source.${address}`)));
      }
    });

    it.each(ENVIRONMENT_NAMES)('returns each dashboard URL as a stack output: the primary service\'s under a plain name, others under their id (%s)', (name) => {
      const outputs = synthOf(name, estate).output ?? {};
      const base = configs[name].grafana.publicUrl;
      // orgId: the same uids exist in each environment's organization.
      const org = `?orgId=${configs[name].grafana.orgId}`;
      services.forEach((service, i) => {
        const stem = i === 0 ? '' : `${service.id.replace(/-/g, '_')}_`;
        expect(outputs[`grafana_${stem}service_dashboard_url`]?.value).toBe(`${base}/d/${serviceDashboardUid(service.id)}${org}`);
      });
      expect(outputs.grafana_business_dashboard_url?.value).toBe(`${base}/d/${BUSINESS_DASHBOARD_UID}${org}`);
    });
  });

  it('serves the seed\'s service dashboard at /d/esg-scraper-api-service (pinned: people bookmarked it)', () => {
    expect(synthOf('production').output?.grafana_service_dashboard_url?.value).toMatch(/\/d\/esg-scraper-api-service\?orgId=\d+$/);
  });
});
