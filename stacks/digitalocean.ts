import { Construct } from 'constructs';
import {
  APP_COMPONENT_ALERTS, APP_LEVEL_ALERTS, DATABASE_ALERTS, DATABASE_ENGINES, DatabaseEngine, healthPath,
  platformRecipients, UPTIME_ENDPOINTS, uptimeAlerts,
} from '../catalog/platform-alerts';
import { baseUrl } from '../catalog/services';
import { AppPlatformApp } from '../constructs/digitalocean/app-platform-app';
import { DatabaseClusterAlerts } from '../constructs/digitalocean/database-cluster-alerts';
import { UptimeCheckAlerts } from '../constructs/digitalocean/uptime-check-alerts';
import { Problems } from '../config/validate';
import { adopt, IMPORT_ID } from './adoption';
import { displayName, Links, StackContext } from './context';
import { declareAppSecretVariables } from './variables';

export interface DigitalOceanInputs {
  /** Sentry DSN, by reference, for the app's SENTRY_DSN secret. */
  readonly sentryDsn: string;
}

export interface DigitalOceanResult {
  readonly links: Links;
}

const DATABASE_LABELS: Record<DatabaseEngine, string> = { mongodb: 'MongoDB', redis: 'Redis' };

/** App Platform's engine of each bound cluster (DigitalOcean API, app spec `databases[].engine`). */
const DATABASE_ENGINE_NAMES: Record<DatabaseEngine, string> = { mongodb: 'MONGODB', redis: 'REDIS' };

/**
 * Component names are unique within an app; config validation sees only its own, so the
 * names the stack gives (the service's id, the Agent's) are checked here, before synth.
 */
function checkComponentNames(ctx: StackContext): void {
  const app = ctx.env.digitalocean.app;
  const reserved = new Map([[app.componentName ?? ctx.services[0].id, 'the API\'s service component'], [DATADOG_AGENT.name, 'the Datadog Agent component']]);
  const problems = new Problems();
  const named = [
    ...(app.databases ?? []).map((c, i) => [`databases[${i}]`, c.name] as const),
    ...(app.workers ?? []).map((c, i) => [`workers[${i}]`, c.name] as const),
    ...(app.jobs ?? []).map((c, i) => [`jobs[${i}]`, c.name] as const),
  ];
  for (const [field, name] of named) {
    problems.check(!reserved.has(name), `${ctx.env.name}.digitalocean.app.${field}.name`, name,
      `a name of its own (${reserved.get(name)} is named so)`, 'rename it in config/environments.ts');
  }
  problems.throwIfAny();
}

/**
 * The Datadog Agent that receives the API's traces: App Platform runs none. A component
 * of the app with an internal TCP port (docs.digitalocean.com/products/app-platform/
 * how-to/manage-internal-routing: internal ports carry TCP traffic; no HTTP port and no
 * route keep it off the internet). Pinned to major version 7.
 */
export const DATADOG_AGENT = {
  name: 'datadog-agent',
  image: { registry: 'datadog', repository: 'agent', tag: '7' },
  instanceSizeSlug: 'apps-s-1vcpu-1gb',
  /** The trace intake (ddtrace's default DD_TRACE_AGENT_PORT). */
  tracePort: 8126,
} as const;

/**
 * DigitalOcean: the App Platform app that runs the API (owned here, because App
 * Platform alerts exist only in the app's spec) with its alerts, alert policies on
 * the managed MongoDB and Redis clusters, and uptime checks on every service's
 * health paths at its own URL. Every alert goes to the team's e-mail and the Slack
 * alerts channel.
 *
 * The app runs the primary (first) service only: its component is named after the
 * service, the platform probes the service's `healthPath`, and DD_SERVICE is its id.
 * Any other service is monitored only (uptime checks here, rules, dashboards,
 * monitors and synthetic tests elsewhere), wherever it is deployed: the environment
 * config describes one app (repository, size, port), and App Platform matches alert
 * destinations by rule, so a second component could not carry its own CPU, memory
 * and restart alerts. Adding a service therefore leaves the running app untouched.
 */
export function renderDigitalOcean(stack: Construct, ctx: StackContext, inputs: DigitalOceanInputs): DigitalOceanResult {
  const { env } = ctx;
  const { app: appConfig } = env.digitalocean;
  // The primary service; every other one is monitored only (see above).
  const service = ctx.services[0];
  const recipients = platformRecipients(env, ctx.secrets.slack_webhook_alerts.value);

  checkComponentNames(ctx);
  const secrets = declareAppSecretVariables(stack, [
    ...appConfig.secretEnv ?? [],
    ...[...appConfig.workers ?? [], ...appConfig.jobs ?? []].flatMap((c) => c.secretEnv ?? []),
  ]);
  const secretsOf = (keys: readonly string[] | undefined) => Object.fromEntries((keys ?? []).map((key) => [key, secrets[key]]));

  const app = new AppPlatformApp(stack, 'digitalocean-app', {
    name: appConfig.name,
    region: env.digitalocean.region,
    env: {
      ...appConfig.env,
      ENVIRONMENT: env.name,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'INFO',
      // Unified service tagging: the Datadog monitors and SLOs select on these tags.
      DD_SERVICE: service.id,
      DD_ENV: env.name,
      // ddtrace sends traces to the Agent component over the app's private network (TCP).
      // No runtime metrics: ddtrace sends them over DogStatsD (UDP), which internal ports do not carry.
      DD_AGENT_HOST: DATADOG_AGENT.name,
      DD_TRACE_AGENT_PORT: String(DATADOG_AGENT.tracePort),
    },
    domains: [new URL(baseUrl(service, env)).hostname],
    internalServices: [{
      name: DATADOG_AGENT.name,
      dockerHubImage: DATADOG_AGENT.image,
      instanceSizeSlug: DATADOG_AGENT.instanceSizeSlug,
      internalPorts: [DATADOG_AGENT.tracePort],
      env: {
        DD_SITE: env.datadog.site,
        DD_APM_ENABLED: 'true',
        // The API's traces come from another container, not from localhost.
        DD_APM_NON_LOCAL_TRAFFIC: 'true',
        // Containers get a new host name on every deploy; one stable name is one host in Datadog.
        DD_HOSTNAME: `${appConfig.name}-datadog-agent`,
      },
      secretEnv: { DD_API_KEY: ctx.secrets.datadog_logs_api_key.value },
    }],
    databases: (appConfig.databases ?? []).map((db) => ({
      name: db.name,
      engine: DATABASE_ENGINE_NAMES[db.cluster],
      clusterName: env.digitalocean.databases[db.cluster],
      env: db.env,
      dbName: db.dbName,
      dbUser: db.dbUser,
    })),
    workers: (appConfig.workers ?? []).map((w) => ({
      name: w.name, runtime: w, instanceSizeSlug: w.instanceSizeSlug, instanceCount: w.instanceCount,
      env: w.env, secretEnv: secretsOf(w.secretEnv),
    })),
    jobs: (appConfig.jobs ?? []).map((j) => ({
      name: j.name, kind: j.kind, runtime: j, instanceSizeSlug: j.instanceSizeSlug,
      env: j.env, secretEnv: secretsOf(j.secretEnv),
    })),
    alerts: APP_LEVEL_ALERTS,
    recipients,
    service: {
      name: appConfig.componentName ?? service.id,
      github: appConfig.github,
      runtime: appConfig.runtime,
      instanceSizeSlug: appConfig.instanceSizeSlug,
      instanceCount: appConfig.instanceCount,
      httpPort: appConfig.httpPort,
      healthCheck: { httpPath: service.healthPath },
      secretEnv: { ...secretsOf(appConfig.secretEnv), SENTRY_DSN: inputs.sentryDsn },
      datadogLogs: { endpoint: `https://http-intake.logs.${env.datadog.site}`, apiKey: ctx.secrets.datadog_logs_api_key.value },
      alerts: APP_COMPONENT_ALERTS,
    },
  });

  const appId = env.adopt?.digitalocean?.appId;
  adopt(app.app, appId && IMPORT_ID.digitaloceanApp(appId));

  for (const engine of DATABASE_ENGINES) {
    new DatabaseClusterAlerts(stack, `digitalocean-db-${engine}`, {
      clusterName: env.digitalocean.databases[engine],
      label: `${DATABASE_LABELS[engine]} ${env.digitalocean.databases[engine]} (${env.name})`,
      alerts: DATABASE_ALERTS,
      recipients,
    });
  }

  for (const svc of ctx.services) {
    for (const endpoint of UPTIME_ENDPOINTS) {
      const path = healthPath(svc, endpoint);
      new UptimeCheckAlerts(stack, `uptime-${svc.id}-${endpoint}`, {
        name: `${displayName(ctx, svc)} ${path}`,
        target: `${baseUrl(svc, env)}${path}`,
        regions: env.digitalocean.uptimeRegions,
        alerts: uptimeAlerts(svc, endpoint),
        recipients,
      });
    }
  }

  return {
    links: {
      digitalocean_app_url: `https://cloud.digitalocean.com/apps/${app.app.id}`,
      digitalocean_app_live_url: app.app.liveUrl,
    },
  };
}
