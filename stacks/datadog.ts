import { Construct } from 'constructs';
import { NoDataState, rulesOf, ServicePanel } from '../catalog/alerts';
import { COMPOSITE_PART_TAG } from '../catalog/datadog-tags';
import { apmDataMonitorName, heartbeatMonitorName, SELF_WATCH_SEVERITY } from '../catalog/self-watch';
import { destinationsFor, isUsed, slackChannel } from '../catalog/routing';
import { SYNTHETICS_SEVERITY } from '../catalog/platform-alerts';
import { baseUrl, ESG_SCRAPER_API, ServiceDefinition, SYNTHETICS_USER_AGENT } from '../catalog/services';
import { apmScope, budgetConsumed, DATADOG_APM, SloDefinition, userApmScope } from '../catalog/slos';
import { datadogBurnRateAlerts } from '../catalog/burn-rates';
import { EnvironmentConfig, Severity, UptimeRegion } from '../config/types';
import { ApmDashboard } from '../constructs/datadog/apm-dashboard';
import { BurnRateAlert } from '../constructs/datadog/burn-rate-alert';
import { CompositeMonitor } from '../constructs/datadog/composite-monitor';
import { HeartbeatMonitor } from '../constructs/datadog/heartbeat-monitor';
import { MetricMonitor, MONITOR_PRIORITY, OnMissingData } from '../constructs/datadog/metric-monitor';
import { PagerdutyServiceObject } from '../constructs/datadog/pagerduty-service-object';
import { SecureGlobalVariable } from '../constructs/datadog/secure-global-variable';
import { Slo } from '../constructs/datadog/slo';
import { JsonPathExpectation, SyntheticApiTest } from '../constructs/datadog/synthetic-api-test';
import { adoptDatadog } from './adoption';
import { displayName, Links, onCallOf, serviceLinkName, StackContext } from './context';

export interface DatadogResult {
  readonly links: Links;
}

/**
 * Where the Grafana watchdog's heartbeat lands in Datadog: events with these tags
 * (stacks/grafana.ts posts them; the heartbeat monitor counts them).
 */
export function watchdogHeartbeatTags(env: Pick<EnvironmentConfig, 'name'>): string[] {
  return ['heartbeat:grafana-watchdog', `env:${env.name}`];
}


/** Datadog's web app per site: US1, EU1 and US1-FED are `app.<site>`; the other sites are their own host. */
export function datadogAppUrl(site: string): string {
  return site.split('.').length > 2 ? `https://${site}` : `https://app.${site}`;
}

/**
 * The catalog's decision about missing data, in Datadog's terms. OK means "no
 * requests, nothing wrong": Datadog's `resolve` shows OK instead of NO DATA.
 */
const ON_MISSING_DATA: Record<NoDataState, OnMissingData> = {
  OK: 'resolve',
  NoData: 'show_no_data',
  Alerting: 'show_and_notify_no_data',
  // `default` keeps the last status, except for sums, which it evaluates as 0 (buildAlertCatalog rejects those).
  KeepLast: 'default',
};

/** Where synthetic tests run, from the environment's uptime regions (DigitalOcean's names). */
const SYNTHETICS_LOCATIONS: Readonly<Record<UptimeRegion, string>> = {
  us_east: 'aws:us-east-1',
  us_west: 'aws:us-west-2',
  eu_west: 'aws:eu-west-1',
  se_asia: 'aws:ap-southeast-1',
};

/** Dashboard titles of the catalog's panels that have a Datadog signal. */
const PANEL_TITLES: Partial<Record<ServicePanel, string>> = {
  errorRatio: 'Error ratio (5xx share of users\' requests, probes excluded)',
  latency: 'p95 duration of users\' requests (s)',
};

/** One synthetic HTTP check of a service. */
export interface ApiCheck {
  /** Stable, kebab-case: the construct id's suffix. */
  readonly key: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly tickEverySeconds: number;
  /** @default undefined (Datadog's 60 s) */
  readonly timeoutSeconds?: number;
  /** @default undefined (no latency assertion) */
  readonly maxResponseTimeMs?: number;
  /** @default undefined (no body) */
  readonly jsonBody?: unknown;
  /** @default [] */
  readonly jsonPathExpectations?: readonly JsonPathExpectation[];
  /**
   * Sends `Authorization: Bearer <synthetics_api_token>` through a secure global variable.
   * @default false
   */
  readonly authenticated?: boolean;
  /** @default 0 */
  readonly minFailureDurationSeconds?: number;
}

/** Real user journeys per service id: the seed's POST /analyze with its body. */
const USER_JOURNEYS: Readonly<Record<string, readonly ApiCheck[]>> = {
  [ESG_SCRAPER_API.id]: [{
    key: 'analyze',
    method: 'POST',
    path: '/analyze',
    jsonBody: { text: 'Test ESG analysis', quick_mode: true },
    tickEverySeconds: 300,
    timeoutSeconds: 30,
    authenticated: true,
  }],
};

/** The synthetic HTTP checks of one service: its detailed health path, then its user journeys. */
export function apiChecks(service: ServiceDefinition): ApiCheck[] {
  return [
    {
      key: 'health-detailed',
      method: 'GET',
      path: service.detailedHealthPath,
      tickEverySeconds: 60,
      maxResponseTimeMs: service.latencyTargetSeconds * 1000,
      jsonPathExpectations: [{ path: '$.status', equals: 'healthy' }],
      // Two consecutive minutes, so that one slow dependency check does not page.
      minFailureDurationSeconds: 120,
    },
    ...(USER_JOURNEYS[service.id] ?? []),
  ];
}

const SYNTHETICS_PRIORITY = 1;

const WATCHDOG_SEVERITY = SELF_WATCH_SEVERITY;

/**
 * Minutes without any trace of the API (probes included) after which Datadog says the
 * APM path is broken. The synthetic tests call the API every minute, so an empty window
 * means the Agent or the tracer, not quiet traffic; twice the window before "no data",
 * as Datadog advises for `no_data_timeframe`.
 */
const APM_SILENCE_MINUTES = 10;

/** Minutes without a watchdog heartbeat from Grafana (it repeats every `WATCHDOG_REPEAT` in stacks/grafana.ts). */
const HEARTBEAT_SILENCE_MINUTES = 15;

/** Datadog: APM monitors, synthetic API tests, SLOs with burn-rate alerts, a dashboard per service. */
export function renderDatadog(stack: Construct, ctx: StackContext): DatadogResult {
  const { env } = ctx;
  const appUrl = datadogAppUrl(env.datadog.site);
  const { slos } = ctx;
  const primary = ctx.services[0];
  const links: Links = {};
  const linkName = (service: ServiceDefinition, what: string) => serviceLinkName(ctx, 'datadog', service, what);

  const pagerduty = isUsed('pagerduty', env)
    ? new PagerdutyServiceObject(stack, 'datadog-pagerduty-service', {
      serviceName: `${primary.id}-${env.name}`,
      serviceKey: onCallOf(ctx).integrations.datadog.integrationKey,
    })
    : undefined;
  const handles = (severity: Severity) => notificationHandles(severity, env, pagerduty);

  const needsToken = ctx.services.some((s) => apiChecks(s).some((c) => c.authenticated));
  const token = needsToken
    ? new SecureGlobalVariable(stack, 'datadog-global-variable-monitor-token', {
      // Global variables are shared by the whole Datadog organization: one per environment.
      name: `ESG_MONITOR_TOKEN_${env.name.toUpperCase()}`,
      value: ctx.secrets.synthetics_api_token.value,
      description: `Bearer token the ${env.name} synthetic tests send to authenticated endpoints.`,
      tags: [`env:${env.name}`],
    })
    : undefined;

  for (const service of ctx.services) {
    const tags = [`env:${env.name}`, `service:${service.id}`, `team:${service.team}`];
    const serviceSlos = slos.filter((s) => s.serviceId === service.id);
    const alerts = ctx.alerts.filter((a) => a.serviceId === service.id && a.datadog);

    // Each read of a resource's id makes a new token (with a captured stack trace): read it once.
    const sloResources = serviceSlos.map((slo) => ({
      slo,
      sloId: new Slo(stack, `datadog-slo-${slo.id}`, {
        name: `${slo.title} (${env.name})`,
        description: slo.description,
        sli: slo.sli,
        objectives: slo.objectives,
        tags,
      }).id,
    }));

    const dashboard = new ApmDashboard(stack, `datadog-dashboard-${service.id}`, {
      title: `${displayName(ctx, service)}: APM`,
      description: `Requests, errors, latency, memory and SLOs of ${service.displayName} in ${env.name}. ` +
        'Managed by Terraform (monitoring stack): edit the code, not the dashboard.',
      timeseries: [
        { title: 'Requests per second (users, probes excluded)', queries: [`sum:${DATADOG_APM.hits}${userApmScope(service, env)}.as_rate()`] },
        ...alerts.map((alert) => ({
          title: PANEL_TITLES[alert.panel] ?? alert.title,
          queries: [alert.datadog!.expression],
          markers: rulesOf(alert).map((r) => ({ value: r.threshold, severity: r.severity })),
        })),
      ],
      slos: sloResources.map(({ slo, sloId }) => ({
        title: slo.title,
        sloId,
        timeframes: slo.objectives.map((o) => o.timeframe),
      })),
    });
    const dashboardUrl = `${appUrl}${dashboard.path}`;
    links[linkName(service, 'dashboard')] = dashboardUrl;

    for (const alert of alerts) {
      const signal = alert.datadog!;
      for (const rule of rulesOf(alert)) {
        const name = `${alert.title} (${env.name}, ${rule.severity})`;
        const message = notification([alert.summary, `Runbook: ${alert.runbookUrl}`, `Dashboard: ${dashboardUrl}`],
          handles(rule.severity));
        const monitorTags = [...tags, `severity:${rule.severity}`];
        const common = { timeAggregation: signal.timeAggregation, severity: rule.severity, onMissingData: ON_MISSING_DATA[alert.noDataState] };
        if (!signal.guard) {
          new MetricMonitor(stack, `datadog-monitor-${alert.id}-${rule.severity}`, {
            ...common, name, expression: signal.expression, comparison: alert.comparison, threshold: rule.threshold, message, tags: monitorTags,
          });
          continue;
        }
        // The condition and its traffic guard, each over the same window; the composite pages when both hold.
        const partMessage = `Part of the composite monitor "${name}", which notifies; this one notifies nobody.`;
        const condition = new MetricMonitor(stack, `datadog-monitor-${alert.id}-${rule.severity}`, {
          ...common, name: `${name}: condition`, expression: signal.expression, comparison: alert.comparison,
          threshold: rule.threshold, message: partMessage, tags: [...monitorTags, COMPOSITE_PART_TAG],
        });
        const guard = new MetricMonitor(stack, `datadog-monitor-${alert.id}-${rule.severity}-traffic`, {
          ...common, name: `${name}: enough traffic`, expression: signal.guard.expression, comparison: signal.guard.comparison,
          threshold: signal.guard.threshold, message: partMessage, tags: [...monitorTags, COMPOSITE_PART_TAG],
        });
        new CompositeMonitor(stack, `datadog-composite-${alert.id}-${rule.severity}`, {
          name, allOf: [condition.monitor.id, guard.monitor.id], severity: rule.severity, message, tags: monitorTags,
        });
      }
    }

    // The APM path itself: the Agent component and the tracer. Every request counts here,
    // probes included, so that only a broken path (not a quiet night) empties the window.
    new MetricMonitor(stack, `datadog-monitor-${service.id}-apm-data`, {
      name: apmDataMonitorName(displayName(ctx, service)),
      timeAggregation: `sum(last_${APM_SILENCE_MINUTES}m)`,
      expression: `sum:${DATADOG_APM.hits}${apmScope(service, env)}.as_count()`,
      comparison: '<',
      threshold: 1,
      severity: SELF_WATCH_SEVERITY,
      onMissingData: { notifyAfterMinutes: 2 * APM_SILENCE_MINUTES },
      message: notification([
        `No trace of any request to ${service.displayName} reached Datadog for ${APM_SILENCE_MINUTES} minutes, although ` +
          'the synthetic tests call it every minute: the Datadog Agent component of the app, or ddtrace in the API, is down ' +
          '(or the API is). Until this resolves, the APM monitors and SLOs see nothing.',
        `Dashboard: ${dashboardUrl}`,
      ], handles(SELF_WATCH_SEVERITY)),
      tags: [...tags, `severity:${SELF_WATCH_SEVERITY}`],
    });

    for (const { slo, sloId } of sloResources) {
      const sloUrl = `${appUrl}/slo?slo_id=${sloId}`;
      links[linkName(service, `slo_${slo.id.slice(service.id.length + 1).replace(/-/g, '_')}`)] = sloUrl;
      for (const spec of datadogBurnRateAlerts(slo)) {
        new BurnRateAlert(stack, `datadog-burn-rate-${slo.id}-${spec.over}-${spec.longWindow}`, {
          name: `${slo.title} (${env.name}): ${spec.over} error budget burning ${spec.burnRate}x ` +
            `over ${spec.longWindow}/${spec.shortWindow}`,
          sloId,
          spec,
          message: notification([burnRateSummary(slo, spec), `Runbook: ${slo.runbookUrl}`,
            `SLO: ${sloUrl}`, `Dashboard: ${dashboardUrl}`], handles(spec.severity)),
          tags: [...tags, `severity:${spec.severity}`, `slo:${slo.id}`],
        });
      }
    }

    for (const check of apiChecks(service)) {
      const name = `${displayName(ctx, service)}: ${check.method} ${check.path}`;
      new SyntheticApiTest(stack, `datadog-synthetic-${service.id}-${check.key}`, {
        name,
        message: notification([`${check.method} ${baseUrl(service, env)}${check.path} fails from every probe location.`,
          `Dashboard: ${dashboardUrl}`], handles(SYNTHETICS_SEVERITY)),
        tags: [...tags, `severity:${SYNTHETICS_SEVERITY}`],
        priority: SYNTHETICS_PRIORITY,
        locations: env.digitalocean.uptimeRegions.map((r) => SYNTHETICS_LOCATIONS[r]),
        method: check.method,
        url: `${baseUrl(service, env)}${check.path}`,
        tickEverySeconds: check.tickEverySeconds,
        timeoutSeconds: check.timeoutSeconds,
        expectedStatusCode: 200,
        maxResponseTimeMs: check.maxResponseTimeMs,
        jsonPathExpectations: check.jsonPathExpectations,
        jsonBody: check.jsonBody,
        // The API counts requests with this User-Agent as probes, not users (catalog/services.ts).
        headers: {
          'User-Agent': SYNTHETICS_USER_AGENT,
          ...(check.authenticated ? { Authorization: `Bearer {{ ${token!.name} }}` } : {}),
        },
        globalVariables: check.authenticated ? [{ name: token!.name, id: token!.id }] : undefined,
        minFailureDurationSeconds: check.minFailureDurationSeconds,
      });
    }
  }

  // The alert path watches itself: Grafana's watchdog must keep arriving, and Grafana must be up.
  const watchdogHandles = handles(WATCHDOG_SEVERITY);
  new HeartbeatMonitor(stack, 'datadog-monitor-grafana-watchdog-heartbeat', {
    name: heartbeatMonitorName(`Grafana alerting (${env.name})`),
    eventTags: watchdogHeartbeatTags(env),
    silenceMinutes: HEARTBEAT_SILENCE_MINUTES,
    priority: MONITOR_PRIORITY[WATCHDOG_SEVERITY],
    message: notification([
      `Grafana's always-firing watchdog rule (${env.name}) has not reached Datadog for ${HEARTBEAT_SILENCE_MINUTES} minutes: ` +
        'Grafana, its alert evaluation or its notification path is broken, so Grafana alerts may not reach anyone.',
      `Grafana: ${env.grafana.publicUrl}/alerting/list?orgId=${env.grafana.orgId}`,
    ], watchdogHandles),
    tags: [`env:${env.name}`, 'service:grafana', `severity:${WATCHDOG_SEVERITY}`],
  });
  const grafanaHealth = `${env.grafana.publicUrl}/api/health`;
  new SyntheticApiTest(stack, 'datadog-synthetic-grafana-health', {
    name: `Grafana (${env.name}): GET /api/health`,
    message: notification([`GET ${grafanaHealth} fails from every probe location: Grafana is down, and with it ` +
      'every Grafana alert rule.'], watchdogHandles),
    tags: [`env:${env.name}`, 'service:grafana', `severity:${WATCHDOG_SEVERITY}`],
    priority: SYNTHETICS_PRIORITY,
    locations: env.digitalocean.uptimeRegions.map((r) => SYNTHETICS_LOCATIONS[r]),
    method: 'GET',
    url: grafanaHealth,
    tickEverySeconds: 60,
    expectedStatusCode: 200,
    // Grafana answers {"database": "ok", ...} when it can read its own database.
    jsonPathExpectations: [{ path: '$.database', equals: 'ok' }],
    headers: { 'User-Agent': SYNTHETICS_USER_AGENT },
    minFailureDurationSeconds: 120,
  });
  adoptDatadog(stack, env);
  return { links };
}

/** The `@handles` that reach the destinations of a severity in this environment (catalog/routing.ts). */
export function notificationHandles(severity: Severity, env: EnvironmentConfig, pagerduty?: PagerdutyServiceObject): string[] {
  return destinationsFor(severity, env).map((destination) => {
    if (destination !== 'pagerduty') return `@slack-${slackChannel(destination, env).replace(/^#/, '')}`;
    if (!pagerduty) {
      throw new Error(`${env.name}: ${severity} alerts page, but no Datadog PagerDuty service object was passed. ` +
        'Fix: pass the one renderDatadog creates whenever isUsed(\'pagerduty\', env)');
    }
    return pagerduty.handle;
  });
}

/** A notification body; handles go last, each preceded by a space as Datadog requires. */
function notification(lines: readonly string[], handles: readonly string[]): string {
  return `${lines.join('\n')}\n\nNotify: ${handles.join(' ')}`;
}

function burnRateSummary(slo: SloDefinition, spec: SloDefinition['burnRateAlerts'][number]): string {
  const objective = slo.objectives.find((o) => o.timeframe === spec.over)!;
  const percent = Math.round(budgetConsumed(spec) * 1000) / 10;
  const days = Math.round((Number.parseInt(spec.over, 10) / spec.burnRate) * 10) / 10;
  return `${slo.title} (${objective.target}% over ${spec.over}) is burning its error budget ${spec.burnRate} times ` +
    `too fast over both the last ${spec.longWindow} and the last ${spec.shortWindow}: the last ${spec.longWindow} ` +
    `alone used ${percent}% of the ${spec.over} budget, and at this pace all of it is gone in ${days} days. ` +
    `SLI: ${slo.description}`;
}
