import {
  APP_COMPONENT_ALERTS, APP_LEVEL_ALERTS, DATABASE_ALERTS, DATABASE_ENGINES, healthPath, UPTIME_ENDPOINTS, uptimeAlerts,
} from '../../catalog/platform-alerts';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { ESTATES, ONE_SERVICE } from '../support/estates';
import { dataOf, resourcesOf, synthOf, TerraformJson } from '../support/synth';

/*
 * Values digitalocean/digitalocean 2.71.0 validates (commit 2b56f19), read in its source:
 *  - digitalocean/app/app_spec.go: appSpecAppLevelAlerts (app rules), appSpecComponentAlerts (component
 *    rule/operator/window), env `type` and `scope`. The UNSPECIFIED_* values pass validation but
 *    describe no condition, so they are left out here on purpose.
 *  - digitalocean/monitoring/resource_monitor_alert.go (DBaaS `type`, `compare`, `window`);
 *  - digitalocean/uptime/resource_uptime_alert.go (`type`, `comparison`, `period`) and
 *    resource_uptime_check.go (`type`); regions from docs/resources/uptime_check.md.
 */
const APP_RULES = ['DEPLOYMENT_FAILED', 'DEPLOYMENT_LIVE', 'DEPLOYMENT_STARTED', 'DEPLOYMENT_CANCELED',
  'DOMAIN_FAILED', 'DOMAIN_LIVE', 'AUTOSCALE_FAILED', 'AUTOSCALE_SUCCEEDED'];
const COMPONENT_RULES = ['CPU_UTILIZATION', 'MEM_UTILIZATION', 'RESTART_COUNT'];
const COMPONENT_OPERATORS = ['GREATER_THAN', 'LESS_THAN'];
const COMPONENT_WINDOWS = ['FIVE_MINUTES', 'TEN_MINUTES', 'THIRTY_MINUTES', 'ONE_HOUR'];
const ENV_TYPES = ['GENERAL', 'SECRET'];
const ENV_SCOPES = ['UNSET', 'RUN_TIME', 'BUILD_TIME', 'RUN_AND_BUILD_TIME'];
const DBAAS_TYPES = ['v1/dbaas/alerts/load_15_alerts', 'v1/dbaas/alerts/memory_utilization_alerts',
  'v1/dbaas/alerts/disk_utilization_alerts', 'v1/dbaas/alerts/cpu_alerts'];
const MONITOR_COMPARES = ['GreaterThan', 'LessThan'];
const MONITOR_WINDOWS = ['5m', '10m', '30m', '1h'];
const UPTIME_ALERT_TYPES = ['latency', 'down', 'down_global', 'ssl_expiry'];
const UPTIME_COMPARISONS = ['greater_than', 'less_than'];
const UPTIME_PERIODS = ['2m', '3m', '5m', '10m', '15m', '30m', '1h'];
const UPTIME_CHECK_TYPES = ['ping', 'http', 'https'];
const UPTIME_REGIONS = ['us_east', 'us_west', 'eu_west', 'se_asia'];

const ENVS = ENVIRONMENT_NAMES;
const SLACK_WEBHOOK = '${var.slack_webhook_alerts}';

function appOf(json: TerraformJson): [string, Record<string, any>] {
  const apps = resourcesOf(json, 'digitalocean_app');
  expect(apps).toHaveLength(1);
  return apps[0];
}

/** Every alert in the app spec, app-level then component-level. */
function appAlerts(app: Record<string, any>): Record<string, any>[] {
  return [...app.spec.alert, ...app.spec.service.flatMap((s: any) => s.alert ?? [])];
}

/** An uptime alert as the synthesized JSON states it. */
const uptimeAlertFields = ({ type, comparison, threshold, period }: Record<string, any>) => ({ type, comparison, threshold, period });
const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);

describe.each(ESTATES)('DigitalOcean ($name)', (estate) => {
  const { configs, services } = estate;
  const [primary] = services;
  const synth = (env: (typeof ENVS)[number]) => synthOf(env, estate);

  describe('the App Platform app', () => {
    it.each(ENVS)('runs the primary service from the configured repository, size and port, with its health check (%s)', (env) => {
      const config = configs[env].digitalocean;
      const [, app] = appOf(synth(env));
      expect(app.spec).toMatchObject({ name: config.app.name, region: config.region });
      // The primary service and the Datadog Agent beside it; every other service is monitored only (see stacks/digitalocean.ts).
      expect(app.spec.service.map((s: any) => s.name)).toEqual([services[0].id, 'datadog-agent']);
      expect(app.spec.service[0]).toMatchObject({
        name: primary.id,
        github: { repo: config.app.github.repo, branch: config.app.github.branch, deploy_on_push: config.app.github.deployOnPush },
        instance_size_slug: config.app.instanceSizeSlug,
        instance_count: config.app.instanceCount,
        http_port: config.app.httpPort,
        health_check: { http_path: primary.healthPath },
      });
    });

    it.each(ENVS)('sets the monitoring environment, with SENTRY_DSN as a secret by reference (%s)', (env) => {
      const json = synth(env);
      const [, app] = appOf(json);
      const [[keyName]] = resourcesOf(json, 'sentry_key');
      const config = configs[env].digitalocean.app;
      expect(app.spec.env).toEqual([
        // The config's own variables, then the stack's, then those bound to the databases.
        ...Object.entries(config.env ?? {}).map(([key, value]) => ({ key, value, type: 'GENERAL', scope: 'RUN_TIME' })),
        { key: 'ENVIRONMENT', value: env, type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'LOG_FORMAT', value: 'json', type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'LOG_LEVEL', value: 'INFO', type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'DD_SERVICE', value: primary.id, type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'DD_ENV', value: env, type: 'GENERAL', scope: 'RUN_TIME' },
        // ddtrace reaches the Agent component by its name on the app's private network, over TCP.
        { key: 'DD_AGENT_HOST', value: 'datadog-agent', type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'DD_TRACE_AGENT_PORT', value: '8126', type: 'GENERAL', scope: 'RUN_TIME' },
        ...(config.databases ?? []).flatMap((db) => Object.entries(db.env ?? {}).map(([key, variable]) =>
          // App Platform's bindable-variable syntax, escaped so that Terraform writes it literally.
          ({ key, value: `$\${${db.name}.${variable}}`, type: 'GENERAL', scope: 'RUN_TIME' }))),
      ]);
      // Runtime metrics travel over DogStatsD (UDP), which App Platform's internal ports do not carry.
      expect(app.spec.env.map((v: any) => v.key)).not.toContain('DD_RUNTIME_METRICS_ENABLED');
      expect(app.spec.service[0].env).toEqual([
        { key: 'SENTRY_DSN', value: `\${sentry_key.${keyName}.dsn["public"]}`, type: 'SECRET', scope: 'RUN_TIME' },
      ]);
      for (const variable of [...app.spec.env, ...app.spec.service[0].env]) {
        expect(ENV_TYPES).toContain(variable.type);
        expect(ENV_SCOPES).toContain(variable.scope);
      }
    });

    it.each(ENVS)('builds and runs the API as configured: buildpack, source dir, build and run commands, bound databases (%s)', (env) => {
      const config = configs[env].digitalocean;
      const [, app] = appOf(synth(env));
      const { runtime } = config.app;
      expect(runtime.runCommand).toMatch(/\S/);
      expect(app.spec.service[0]).toMatchObject({
        environment_slug: runtime.environmentSlug,
        source_dir: runtime.sourceDir,
        build_command: runtime.buildCommand,
        run_command: runtime.runCommand,
      });
      const bindings = config.app.databases ?? [];
      expect(bindings.length).toBeGreaterThan(0);
      expect(app.spec.database).toEqual(bindings.map((db) => ({
        name: db.name,
        engine: { mongodb: 'MONGODB', redis: 'REDIS' }[db.cluster],
        cluster_name: config.databases[db.cluster],
        production: true,
      })));
    });

    it.each(ENVS)('runs a Datadog Agent 7 from Docker Hub as an internal service: trace port 8126 over TCP, key as a secret (%s)', (env) => {
      const [, app] = appOf(synthOf(env, estate));
      const agents = app.spec.service.filter((s: any) => s.name === 'datadog-agent');
      expect(agents).toHaveLength(1);
      const [agent] = agents;
      expect(agent.image).toEqual({ registry_type: 'DOCKER_HUB', registry: 'datadog', repository: 'agent', tag: '7' });
      expect(agent.internal_ports).toEqual([8126]);
      expect(agent.internal_ports).toContain(Number(app.spec.env.find((v: any) => v.key === 'DD_TRACE_AGENT_PORT').value));
      // No public HTTP port, no route: only the app's components reach it. TCP health check on the trace port.
      expect(agent.http_port).toBeUndefined();
      expect(app.spec.ingress).toBeUndefined();
      expect(agent.health_check).toEqual({ port: 8126 });
      expect(agent.instance_count).toBe(1);
      const vars = Object.fromEntries(agent.env.map((v: any) => [v.key, v]));
      expect(Object.keys(vars).sort()).toEqual(['DD_API_KEY', 'DD_APM_ENABLED', 'DD_APM_NON_LOCAL_TRAFFIC', 'DD_HOSTNAME', 'DD_SITE']);
      expect(vars.DD_API_KEY).toEqual({ key: 'DD_API_KEY', value: '${var.datadog_logs_api_key}', type: 'SECRET', scope: 'RUN_TIME' });
      expect(vars.DD_APM_NON_LOCAL_TRAFFIC.value).toBe('true');
      expect(vars.DD_SITE.value).toBe(configs[env].datadog.site);
      // A stable host name, one per environment: containers get a new one on every deploy.
      expect(vars.DD_HOSTNAME.value).toBe(`${configs[env].digitalocean.app.name}-datadog-agent`);
      for (const v of agent.env) expect({ key: v.key, type: v.type }).toEqual({ key: v.key, type: v.key === 'DD_API_KEY' ? 'SECRET' : 'GENERAL' });
    });

    it.each(ENVS)('declares the service\'s own host as the app\'s PRIMARY domain (%s)', (env) => {
      const [, app] = appOf(synthOf(env, estate));
      expect(app.spec.domain).toEqual([{ name: new URL(primary.baseUrls[env]).hostname, type: 'PRIMARY' }]);
      expect(app.spec.domain[0].name).toBe(env === 'production' ? 'api.blueprintbuddy.io' : 'staging-api.blueprintbuddy.io');
    });

    it.each(ENVS)('ships logs to the intake of the configured Datadog site, with the key from a variable (%s)', (env) => {
      const [, app] = appOf(synth(env));
      expect(app.spec.service[0].log_destination).toEqual([{
        name: 'datadog',
        datadog: { endpoint: `https://http-intake.logs.${configs[env].datadog.site}`, api_key: '${var.datadog_logs_api_key}' },
      }]);
    });

    it.each(ENVS)('alerts on the platform catalog\'s rules and values (%s)', (env) => {
      const [, app] = appOf(synth(env));
      expect(app.spec.service[0].alert.map(({ destinations: _, ...rest }: any) => rest))
        .toEqual(APP_COMPONENT_ALERTS.map(({ rule, operator, value, window }) => ({ rule, operator, value, window })));
      expect(app.spec.alert.map((a: any) => a.rule)).toEqual(APP_LEVEL_ALERTS.map((a) => a.rule));
    });

    it.each(ENVS)('uses only alert values the provider accepts, each rule once per app (%s)', (env) => {
      const [, app] = appOf(synth(env));
      for (const alert of app.spec.alert) {
        expect(APP_RULES).toContain(alert.rule);
        expect(Object.keys(alert).sort()).toEqual(['destinations', 'rule']); // no operator/window/value at app level
      }
      for (const alert of app.spec.service.flatMap((s: any) => s.alert ?? [])) {
        expect(COMPONENT_RULES).toContain(alert.rule);
        expect(COMPONENT_OPERATORS).toContain(alert.operator);
        expect(COMPONENT_WINDOWS).toContain(alert.window);
        expect(alert.value).toBeGreaterThanOrEqual(0);
      }
      const rules = appAlerts(app).map((a) => a.rule);
      expect(new Set(rules).size).toBe(rules.length); // destinations are matched by rule
    });

    it.each(ENVS)('gives every alert, the first one included, the team e-mails and the Slack alerts channel (%s)', (env) => {
      const [, app] = appOf(synth(env));
      const alerts = appAlerts(app);
      expect(alerts).toHaveLength(APP_LEVEL_ALERTS.length + APP_COMPONENT_ALERTS.length);
      for (const alert of alerts) {
        expect(alert.destinations).toEqual({
          emails: configs[env].alertEmails,
          slack_webhooks: [{ channel: configs[env].slack.alertsChannel, url: SLACK_WEBHOOK }],
        });
      }
    });

    it.each(ENVS)('ignores exactly the perpetual diffs and the parts of the spec it does not own (%s)', (env) => {
      const [, app] = appOf(synth(env));
      const ignored: string[] = app.lifecycle.ignore_changes;
      expect(ignored).toEqual([
        'spec[0].service[0].env',
        // The agent's env holds its API key (SECRET); its plain variables are ignored with it.
        'spec[0].service[1].env',
        ...app.spec.alert.map((_: unknown, i: number) => `spec[0].alert[${i}].destinations`),
        ...app.spec.service[0].alert.map((_: unknown, i: number) => `spec[0].service[0].alert[${i}].destinations`),
        // Never declared, so an apply leaves them as the live app has them.
        'spec[0].ingress', 'spec[0].static_site', 'spec[0].function', 'spec[0].egress', 'spec[0].vpc', 'spec[0].maintenance', 'spec[0].features',
      ]);
      // What the stack declares is owned, never ignored: components, app-level env, domains, databases.
      for (const owned of ['spec[0].service', 'spec[0].worker', 'spec[0].job', 'spec[0].env', 'spec[0].domain', 'spec[0].database']) {
        expect(ignored).not.toContain(owned);
      }
      // The ignored env set holds the secret and nothing else, so plain variables stay managed.
      expect(app.spec.service[0].env.every((v: any) => v.type === 'SECRET')).toBe(true);
      expect(app.spec.env.every((v: any) => v.type === 'GENERAL')).toBe(true);
    });
  });

  describe('the database clusters', () => {
    it.each(ENVS)('are looked up by the configured names (%s)', (env) => {
      const names = dataOf(synth(env), 'digitalocean_database_cluster').map(([, d]) => d.name).sort();
      expect(names).toEqual(DATABASE_ENGINES.map((engine) => configs[env].digitalocean.databases[engine]).sort());
    });

    it.each(ENVS)('each get the catalog\'s alert policies on their own id, to e-mail and Slack (%s)', (env) => {
      const json = synth(env);
      const clusters = dataOf(json, 'digitalocean_database_cluster');
      const policies = resourcesOf(json, 'digitalocean_monitor_alert');
      expect(clusters).toHaveLength(DATABASE_ENGINES.length);
      expect(policies).toHaveLength(DATABASE_ENGINES.length * DATABASE_ALERTS.length);
      for (const [clusterName] of clusters) {
        const own = policies.filter(([, p]) => p.entities[0] === `\${data.digitalocean_database_cluster.${clusterName}.id}`);
        expect(own.map(([, p]) => [p.type, p.compare, p.value, p.window]).sort())
          .toEqual(DATABASE_ALERTS.map((a) => [a.type, a.compare, a.value, a.window]).sort());
      }
      for (const [, policy] of policies) {
        expect(policy.entities).toHaveLength(1);
        expect(DBAAS_TYPES).toContain(policy.type);
        expect(MONITOR_COMPARES).toContain(policy.compare);
        expect(MONITOR_WINDOWS).toContain(policy.window);
        expect(policy.enabled).toBe(true);
        expect(policy.value).toBeGreaterThan(0);
        expect(policy.alerts).toEqual({
          email: configs[env].alertEmails,
          slack: [{ channel: configs[env].slack.alertsChannel, url: SLACK_WEBHOOK }],
        });
      }
    });
  });

  describe('the uptime checks', () => {
    it.each(ENVS)('probe each service\'s own health paths at its own URL, over https from the configured regions (%s)', (env) => {
      const checks = resourcesOf(synth(env), 'digitalocean_uptime_check').map(([, c]) => c);
      expect(checks.map((c) => c.target).sort()).toEqual(services.flatMap((s) =>
        UPTIME_ENDPOINTS.map((endpoint) => `${s.baseUrls[env]}${healthPath(s, endpoint)}`)).sort());
      for (const check of checks) {
        expect(UPTIME_CHECK_TYPES).toContain(check.type);
        expect(check.type).toBe('https');
        expect(check.regions).toEqual(configs[env].digitalocean.uptimeRegions);
        for (const region of check.regions) expect(UPTIME_REGIONS).toContain(region);
      }
    });

    it.each(ENVS)('alert as the catalog says for each service\'s check, to e-mail and Slack (%s)', (env) => {
      const json = synth(env);
      const checks = resourcesOf(json, 'digitalocean_uptime_check');
      const alerts = resourcesOf(json, 'digitalocean_uptime_alert').map(([, a]) => a);
      for (const service of services) {
        for (const endpoint of UPTIME_ENDPOINTS) {
          const target = `${service.baseUrls[env]}${healthPath(service, endpoint)}`;
          const found = checks.filter(([, c]) => c.target === target);
          expect(found).toHaveLength(1);
          const own = alerts.filter((a) => a.check_id === `\${digitalocean_uptime_check.${found[0][0]}.id}`);
          expect(own.map(uptimeAlertFields).sort(byType)).toEqual(uptimeAlerts(service, endpoint).map(uptimeAlertFields).sort(byType));
        }
      }
      expect(alerts).toHaveLength(services.flatMap((s) => UPTIME_ENDPOINTS.flatMap((e) => uptimeAlerts(s, e))).length);
      for (const alert of alerts) {
        expect(UPTIME_ALERT_TYPES).toContain(alert.type);
        expect(UPTIME_COMPARISONS).toContain(alert.comparison);
        expect(UPTIME_PERIODS).toContain(alert.period);
        expect(alert.notifications).toEqual([{
          email: configs[env].alertEmails,
          slack: [{ channel: configs[env].slack.alertsChannel, url: SLACK_WEBHOOK }],
        }]);
      }
    });
  });
});

/** The seed's own numbers for the seed's service, pinned on purpose: a change to them is a decision, not a refactoring. */
describe('DigitalOcean: the seed\'s numbers for the seed\'s service (pinned)', () => {
  it('alerts on CPU above 80% and memory above 90% for five minutes, more than 3 restarts in ten, failed deployments and domains', () => {
    const [, app] = appOf(synthOf('production', ONE_SERVICE));
    expect(app.spec.service[0].alert.map(({ destinations: _, ...rest }: any) => rest)).toEqual([
      { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 80, window: 'FIVE_MINUTES' },
      { rule: 'MEM_UTILIZATION', operator: 'GREATER_THAN', value: 90, window: 'FIVE_MINUTES' },
      { rule: 'RESTART_COUNT', operator: 'GREATER_THAN', value: 3, window: 'TEN_MINUTES' },
    ]);
    expect(app.spec.alert.map((a: any) => a.rule)).toEqual(['DEPLOYMENT_FAILED', 'DOMAIN_FAILED']);
  });

  it('checks https://api.blueprintbuddy.io/health for being down, slower than 2000 ms and a certificate expiring within 14 days', () => {
    const json = synthOf('production', ONE_SERVICE);
    const [[name]] = resourcesOf(json, 'digitalocean_uptime_check').filter(([, c]) => c.target === 'https://api.blueprintbuddy.io/health');
    const alerts = resourcesOf(json, 'digitalocean_uptime_alert').map(([, a]) => a)
      .filter((a) => a.check_id === `\${digitalocean_uptime_check.${name}.id}`);
    expect(alerts.map(uptimeAlertFields).sort(byType)).toEqual([
      { type: 'down_global', comparison: 'greater_than', threshold: undefined, period: '2m' },
      { type: 'latency', comparison: 'greater_than', threshold: 2000, period: '5m' },
      { type: 'ssl_expiry', comparison: 'less_than', threshold: 14, period: '1h' },
    ]);
  });
});
