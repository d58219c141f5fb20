import { AppConfig, EnvironmentConfig, EnvironmentName } from './types';

/**
 * How the API runs on App Platform, the same in both environments: the live app's spec
 * (`doctl apps spec get <app-id>`), which an apply makes the app's whole spec. `npm run
 * doctor -- <env> --online` compares it with the live app and names every difference.
 */
/** A new object on each call: the environments must share no object that a change to one would alter in both. */
function apiRuntime() {
  return {
    runtime: {
      environmentSlug: 'python',
      sourceDir: '/',
      buildCommand: 'pip install --no-cache-dir -r requirements.txt',
      runCommand: 'uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers 2 --proxy-headers',
    },
    env: { PYTHONUNBUFFERED: '1' },
    // Bound clusters of digitalocean.databases: App Platform fills these in at run time.
    databases: [
      { name: 'mongodb', cluster: 'mongodb', env: { MONGODB_URL: 'DATABASE_URL' } },
      { name: 'redis', cluster: 'redis', env: { REDIS_URL: 'DATABASE_URL' } },
    ],
  } as const satisfies Partial<AppConfig>;
}

/**
 * The two environments, as data. Change a value here, run `npm run synth`,
 * and review the diff (`npm run diff`). Validation (`config/validate.ts`)
 * runs on every one of them before any stack is built.
 */
export const ENVIRONMENTS: Record<EnvironmentName, EnvironmentConfig> = {
  staging: {
    name: 'staging',
    pagesOnCall: false,
    grafana: {
      publicUrl: 'https://monitoring.blueprintbuddy.io/grafana',
      orgId: 2,
      prometheusUrl: 'http://prometheus-staging.internal.blueprintbuddy.io:9090',
      postgres: { host: 'analytics-staging.internal.blueprintbuddy.io:5432', database: 'esg_analytics', user: 'grafana_reader' },
    },
    sentry: {
      organization: 'esg-scraper',
      teamSlug: 'esg-platform-staging',
      teamName: 'ESG Platform (staging)',
      projectSlug: 'esg-scraper-api-staging',
      rateLimit: { count: 1000, windowSeconds: 3600 },
      slackIntegrationName: 'ESG Scraper',
      pagerdutyIntegrationName: 'esg-scraper',
    },
    slack: { alertsChannel: '#alerts', monitoringChannel: '#monitoring' },
    alertEmails: ['alerts@blueprintbuddy.io'],
    digitalocean: {
      region: 'fra',
      app: {
        name: 'esg-scraper-api-staging',
        github: { repo: 'blueprintbuddy/esg-scraper', branch: 'develop', deployOnPush: true },
        instanceSizeSlug: 'apps-s-1vcpu-1gb',
        instanceCount: 1,
        httpPort: 8000,
        ...apiRuntime(),
      },
      databases: { mongodb: 'esg-mongodb-staging', redis: 'esg-redis-staging' },
      uptimeRegions: ['us_east', 'eu_west'],
    },
    datadog: { site: 'datadoghq.com' },
    backend: {
      type: 's3',
      bucket: 'esg-scraper-terraform-state',
      key: 'monitoring/staging.tfstate',
      region: 'fra1',
      endpoint: 'https://fra1.digitaloceanspaces.com',
    },
  },

  production: {
    name: 'production',
    pagesOnCall: true,
    grafana: {
      publicUrl: 'https://monitoring.blueprintbuddy.io/grafana',
      orgId: 1,
      prometheusUrl: 'http://prometheus.internal.blueprintbuddy.io:9090',
      postgres: { host: 'analytics.internal.blueprintbuddy.io:5432', database: 'esg_analytics', user: 'grafana_reader' },
    },
    sentry: {
      organization: 'esg-scraper',
      teamSlug: 'esg-platform',
      teamName: 'ESG Platform',
      projectSlug: 'esg-scraper-api',
      rateLimit: { count: 5000, windowSeconds: 3600 },
      slackIntegrationName: 'ESG Scraper',
      pagerdutyIntegrationName: 'esg-scraper',
    },
    pagerduty: {
      rotation: {
        responderEmails: ['oncall@blueprintbuddy.io', 'platform-lead@blueprintbuddy.io'],
        length: 'weekly',
        handoffTime: '10:00',
        timeZone: 'Europe/Berlin',
        startDate: '2026-01-05',
      },
      escalationDelayMinutes: 15,
      secondLine: { responderEmails: ['platform-lead@blueprintbuddy.io'], escalationDelayMinutes: 15 },
      numLoops: 2,
      statusPage: {
        businessServiceName: 'ESG Scraper API',
        pointOfContact: 'Platform team (platform-lead@blueprintbuddy.io)',
        url: 'https://status.blueprintbuddy.io',
      },
    },
    slack: { alertsChannel: '#alerts', monitoringChannel: '#monitoring' },
    alertEmails: ['alerts@blueprintbuddy.io'],
    digitalocean: {
      region: 'fra',
      app: {
        name: 'esg-scraper-api',
        github: { repo: 'blueprintbuddy/esg-scraper', branch: 'main', deployOnPush: true },
        instanceSizeSlug: 'apps-s-1vcpu-2gb',
        instanceCount: 2,
        httpPort: 8000,
        ...apiRuntime(),
      },
      databases: { mongodb: 'esg-mongodb', redis: 'esg-redis' },
      uptimeRegions: ['us_east', 'eu_west'],
    },
    datadog: { site: 'datadoghq.com' },
    maintenanceWindows: [
      {
        name: 'weekly-maintenance',
        weekdays: ['sunday'],
        startTime: '02:00',
        endTime: '04:00',
        location: 'Europe/Berlin',
        severities: ['warning', 'info'],
      },
    ],
    backend: {
      type: 's3',
      bucket: 'esg-scraper-terraform-state',
      key: 'monitoring/production.tfstate',
      region: 'fra1',
      endpoint: 'https://fra1.digitaloceanspaces.com',
    },
  },
};
