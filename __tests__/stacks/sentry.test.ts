import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SENTRY_ALERTS } from '../../catalog/platform-alerts';
import { destinationsFor } from '../../catalog/routing';
import { runbookUrl } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { ENVIRONMENT_NAMES, EnvironmentConfig } from '../../config/types';
import { ConfigError } from '../../config/validate';
import { buildApp } from '../../stacks/app';
import { ESTATES } from '../support/estates';
import { dataOf, resourcesOf, synthOf, TerraformJson } from '../support/synth';

/*
 * Values Sentry and jianyuan/sentry 0.15.4 accept, from
 *  - provider docs/resources/alert.md and metric_monitor.md at fb9f2ff (logic_type, dataset, event_types,
 *    condition types, issue_detection.type);
 *  - getsentry/sentry src/sentry/workflow_engine/endpoints/validators (WorkflowValidator: `frequency`
 *    0, 5, 10, 30, 60, 180, 720, 1440) and workflow_engine/types.py (DetectorPriorityLevel 0/25/50/75);
 *  - getsentry/sentry src/sentry/integrations/pagerduty/client.py (PagerdutySeverity).
 */
const FREQUENCIES = [0, 5, 10, 30, 60, 180, 720, 1440];
const LOGIC_TYPES = ['any', 'any-short', 'all', 'none'];
const DATASETS = ['events', 'transactions', 'discover', 'outcomes', 'outcomes_raw', 'sessions', 'metrics',
  'generic_metrics', 'replays', 'profiles', 'search_issues', 'functions', 'spans', 'events_analytics_platform'];
const EVENT_TYPES = ['error', 'default', 'transaction', 'trace_item_span', 'trace_item_log', 'trace_item_metric'];
const THRESHOLD_CONDITIONS = ['eq', 'gte', 'gt', 'lte', 'lt', 'ne'];
const PRIORITIES = [0, 25, 50, 75];
const PAGERDUTY_SEVERITIES = ['default', 'critical', 'warning', 'error', 'info'];

const ENVS = ENVIRONMENT_NAMES;
const ref = /^\$\{[^}]+\}$/;

function only(json: TerraformJson, type: string): [string, Record<string, any>] {
  const all = resourcesOf(json, type);
  expect(all).toHaveLength(1);
  return all[0];
}

/** The one sentry_alert named `…: <what> (<severity>)`: the name states the catalog's severity. */
function alertNamed(json: TerraformJson, what: 'new issue' | 'error spike'): Record<string, any> {
  const severity = what === 'new issue' ? SENTRY_ALERTS.newIssue.severity : SENTRY_ALERTS.errorSpike.severity;
  const matches = resourcesOf(json, 'sentry_alert').filter(([, a]) => a.name.endsWith(`: ${what} (${severity})`));
  expect(matches).toHaveLength(1);
  return matches[0][1];
}

/** Destination names of a sentry_alert's actions, in order, by the channels the config names. */
function destinationsOf(alert: Record<string, any>, env: EnvironmentConfig): string[] {
  const channels: Record<string, string> = { [env.slack.alertsChannel]: 'slack-alerts', [env.slack.monitoringChannel]: 'slack-monitoring' };
  return alert.action_filters.flatMap((f: any) => f.actions.map((a: any) => {
    if (a.pagerduty) return 'pagerduty';
    if (a.slack) return channels[a.slack.channel_name] ?? `unknown channel ${a.slack.channel_name}`;
    return Object.keys(a).join();
  }));
}

describe.each(ESTATES)('Sentry ($name)', (estate) => {
  const { configs, services } = estate;
  const synth = (env: (typeof ENVS)[number]) => synthOf(env, estate);

  it.each(ENVS)('declares one team, one python-fastapi project without default rules or default key, and one rate-limited key (%s)', (env) => {
    const json = synth(env);
    const config = configs[env].sentry;
    const [teamName, team] = only(json, 'sentry_team');
    expect(team).toMatchObject({ organization: config.organization, slug: config.teamSlug });
    const [projectName, project] = only(json, 'sentry_project');
    expect(project).toMatchObject({
      organization: config.organization,
      slug: config.projectSlug,
      platform: 'python-fastapi',
      default_rules: false,
      default_key: false, // the managed key below is the only one, so its rate limit holds
      teams: [`\${sentry_team.${teamName}.slug}`],
    });
    const [, key] = only(json, 'sentry_key');
    expect(key).toMatchObject({
      project: `\${sentry_project.${projectName}.slug}`,
      rate_limit_count: config.rateLimit.count,
      rate_limit_window: config.rateLimit.windowSeconds,
    });
  });

  it('gives each environment its own project, so no apply can touch another environment\'s', () => {
    const slugs = ENVS.map((env) => only(synth(env), 'sentry_project')[1].slug);
    expect(new Set(slugs).size).toBe(ENVS.length);
  });

  it.each(ENVS)('lets the DSN out only as a sensitive output and as the app\'s secret (%s)', (env) => {
    const json = synth(env);
    const [keyName] = only(json, 'sentry_key');
    const dsn = `\${sentry_key.${keyName}.dsn["public"]}`;
    const outputs = Object.entries(json.output ?? {}).filter(([, o]) => JSON.stringify(o).includes('sentry_key.'));
    expect(outputs).toEqual([['sentry_dsn', expect.objectContaining({ value: dsn, sensitive: true })]]);

    const text = JSON.stringify(json);
    const uses = text.split(`sentry_key.${keyName}.dsn`).length - 1;
    expect(uses).toBe(2); // the output and SENTRY_DSN, nothing else
  });

  it.each(ENVS)('uses no deprecated Sentry resource or attribute (%s)', (env) => {
    const json = synth(env);
    expect(Object.keys(json.resource).filter((t) => t.startsWith('sentry_')).sort()).toEqual(
      ['sentry_alert', 'sentry_key', 'sentry_metric_monitor', 'sentry_project', 'sentry_team',
        ...(env === 'production' ? ['sentry_integration_pagerduty'] : [])].sort());
    const text = JSON.stringify(json);
    for (const deprecated of ['sentry_issue_alert', 'sentry_metric_alert', 'dsn_public', 'dsn_secret', 'dsn_csp']) {
      expect({ env, deprecated, found: text.includes(deprecated) }).toEqual({ env, deprecated, found: false });
    }
    expect(text).not.toMatch(/sentry_team\.[\w-]+\.team_id/); // deprecated for internal_id
  });

  it.each(ENVS)('alerts on new issues through the project\'s error monitor, to Slack #alerts (%s)', (env) => {
    const json = synth(env);
    const [projectName] = only(json, 'sentry_project');
    const monitors = dataOf(json, 'sentry_project_error_monitor');
    expect(monitors).toHaveLength(1);
    const [monitorName, monitor] = monitors[0];
    expect(monitor).toMatchObject({ organization: configs[env].sentry.organization, project: `\${sentry_project.${projectName}.slug}` });

    const alert = alertNamed(json, 'new issue');
    expect(alert.monitor_ids).toEqual([`\${data.sentry_project_error_monitor.${monitorName}.id}`]);
    expect(alert.trigger_conditions).toEqual([{ first_seen_event: {} }]);
    expect(alert.frequency_minutes).toBe(SENTRY_ALERTS.newIssue.frequencyMinutes);
    expect(destinationsOf(alert, configs[env])).toEqual(destinationsFor(SENTRY_ALERTS.newIssue.severity, configs[env]));
  });

  it('pages on an error spike in production, through the PagerDuty integration fed by reference', () => {
    const json = synth('production');
    const spike = alertNamed(json, 'error spike');
    expect(destinationsOf(spike, configs.production)).toEqual(destinationsFor('critical', configs.production));

    const [pdName, pd] = only(json, 'sentry_integration_pagerduty');
    const [sentryIntegration] = resourcesOf(json, 'pagerduty_service_integration').find(([, i]) => i.name === 'Sentry')!;
    const [serviceName] = only(json, 'pagerduty_service');
    const lookups = dataOf(json, 'sentry_organization_integration').filter(([, d]) => d.provider_key === 'pagerduty');
    expect(lookups).toHaveLength(1);
    const [lookupName, lookup] = lookups[0];
    expect(lookup).toEqual(expect.objectContaining({
      organization: configs.production.sentry.organization, name: configs.production.sentry.pagerdutyIntegrationName,
    }));
    expect(pd).toMatchObject({
      organization: configs.production.sentry.organization,
      integration_id: `\${data.sentry_organization_integration.${lookupName}.id}`,
      integration_key: `\${pagerduty_service_integration.${sentryIntegration}.integration_key}`,
      service: `\${pagerduty_service.${serviceName}.name}`,
    });
    const action = spike.action_filters[0].actions.find((a: any) => a.pagerduty).pagerduty;
    expect(action).toEqual({
      integration_id: `\${sentry_integration_pagerduty.${pdName}.integration_id}`,
      service_id: `\${sentry_integration_pagerduty.${pdName}.id}`,
      service_name: `\${sentry_integration_pagerduty.${pdName}.service}`,
      severity: 'critical',
    });
  });

  it('sends an error spike to Slack only in staging, and configures no PagerDuty there', () => {
    const json = synth('staging');
    expect(destinationsOf(alertNamed(json, 'error spike'), configs.staging)).toEqual(destinationsFor(SENTRY_ALERTS.errorSpike.severity, configs.staging));
    expect(destinationsFor(SENTRY_ALERTS.errorSpike.severity, configs.staging)).not.toContain('pagerduty');
    expect(resourcesOf(json, 'sentry_integration_pagerduty')).toHaveLength(0);
    expect(dataOf(json, 'sentry_organization_integration').map(([, d]) => d.provider_key)).toEqual(['slack']);
  });

  it.each(ENVS)('detects an error spike with a metric monitor on the catalog\'s threshold and window (%s)', (env) => {
    const json = synth(env);
    const [monitorName, monitor] = only(json, 'sentry_metric_monitor');
    const [projectName] = only(json, 'sentry_project');
    const [teamName] = only(json, 'sentry_team');
    const { threshold, windowSeconds } = SENTRY_ALERTS.errorSpike;
    expect(monitor).toMatchObject({
      project: `\${sentry_project.${projectName}.slug}`,
      aggregate: 'count()',
      dataset: 'events',
      event_types: ['error', 'default'],
      time_window_seconds: windowSeconds,
      issue_detection: { type: 'static' },
      owner: { team_id: `\${sentry_team.${teamName}.internal_id}` },
      condition_group: {
        conditions: [
          { type: 'gt', comparison: threshold, condition_result: 75 },
          { type: 'lte', comparison: threshold, condition_result: 0 },
        ],
      },
    });
    expect(monitor.description).toBe(`More than ${threshold} errors in ${windowSeconds / 60} minutes. Runbook: ` +
      runbookUrl(services[0], configs[env], 'error-spike'));
    const spike = alertNamed(json, 'error spike');
    expect(spike.monitor_ids).toEqual([`\${sentry_metric_monitor.${monitorName}.id}`]);
    expect(spike.trigger_conditions).toEqual([]);
    expect(spike.action_filters[0].conditions).toEqual([
      { issue_priority_greater_or_equal: { comparison: 75 } },
      { issue_priority_deescalating: { comparison: 75 } },
    ]);
  });

  it.each(ENVS)('uses only values Sentry accepts (%s)', (env) => {
    const json = synth(env);
    const alerts = resourcesOf(json, 'sentry_alert');
    expect(alerts).toHaveLength(2);
    for (const [, alert] of alerts) {
      expect(FREQUENCIES).toContain(alert.frequency_minutes);
      expect(alert.action_filters.length).toBeGreaterThan(0);
      for (const filter of alert.action_filters) {
        expect(LOGIC_TYPES).toContain(filter.logic_type);
        expect(filter.actions.length).toBeGreaterThan(0);
        for (const action of filter.actions) {
          expect(Object.keys(action)).toHaveLength(1); // exactly one kind per action
          if (action.pagerduty) expect(PAGERDUTY_SEVERITIES).toContain(action.pagerduty.severity);
        }
      }
    }
    for (const [, monitor] of resourcesOf(json, 'sentry_metric_monitor')) {
      expect(DATASETS).toContain(monitor.dataset);
      for (const t of monitor.event_types) expect(EVENT_TYPES).toContain(t);
      for (const c of monitor.condition_group.conditions) {
        expect(THRESHOLD_CONDITIONS).toContain(c.type);
        expect(PRIORITIES).toContain(c.condition_result);
      }
    }
  });

  it.each(ENVS)('takes every integration id from a lookup or a resource, never a literal (%s)', (env) => {
    const json = synth(env);
    const slack = dataOf(json, 'sentry_organization_integration').filter(([, d]) => d.provider_key === 'slack');
    expect(slack).toEqual([[expect.any(String), expect.objectContaining({ name: configs[env].sentry.slackIntegrationName })]]);
    const ids = JSON.stringify(json.resource).match(/"integration_id":"[^"]*"/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(JSON.parse(`{${id}}`).integration_id).toMatch(ref);
    for (const [, alert] of resourcesOf(json, 'sentry_alert')) {
      for (const action of alert.action_filters.flatMap((f: any) => f.actions)) {
        if (action.slack) expect(action.slack.integration_id).toBe(`\${data.sentry_organization_integration.${slack[0][0]}.id}`);
      }
    }
  });

});

describe('Sentry configuration', () => {
  it('fails when the client key\'s rate limit lets fewer events through than the spike threshold', () => {
    const configs = structuredClone(ENVIRONMENTS) as any;
    configs.staging.sentry.rateLimit = { count: 100, windowSeconds: 3600 };
    const outdir = join(mkdtempSync(join(tmpdir(), 'sentry-rate-')), 'out');
    let error: unknown;
    try {
      buildApp({ outdir, configs });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('staging.sentry.rateLimit: got {"count":100,"windowSeconds":3600}');
    expect((error as Error).message).toContain('at most 8 events through in the error-spike window of 300s');
    expect((error as Error).message).toContain(`more than the spike threshold of ${SENTRY_ALERTS.errorSpike.threshold}`);
  });
});
