import { Construct } from 'constructs';
import { prometheusBurnRateAlerts } from '../catalog/burn-rates';
import { BUSINESS_DASHBOARD_UID, postgresDataSourceUid, prometheusDataSourceUid, serviceDashboardUid } from '../catalog/grafana-uids';
import { DEFAULT_DESTINATION, Destination, DESTINATIONS, isUsed, notificationRoutes, slackChannel } from '../catalog/routing';
import { AlertRuleGroup } from '../constructs/grafana/alert-rules';
import { AlertContactPoints, Receiver, WebhookReceiver } from '../constructs/grafana/contact-points';
import { WatchdogRule } from '../constructs/grafana/watchdog-rule';
import { watchdogHeartbeatTags } from './datadog';
import { SlackMessageTemplate } from '../constructs/grafana/message-template';
import { MaintenanceMuteTimings } from '../constructs/grafana/mute-timings';
import { AlertNotificationPolicy, PolicyRoute } from '../constructs/grafana/notification-policy';
import { Dashboards } from '../constructs/grafana/dashboards';
import { DataSources } from '../constructs/grafana/data-sources';
import { businessDashboard } from '../dashboards/business';
import { serviceDashboard } from '../dashboards/service';
import { Folder } from '../providers/grafana/folder';
import { GrafanaProvider } from '../providers/grafana/provider';
import { Problems } from '../config/validate';
import { adopt, IMPORT_ID } from './adoption';
import { Links, onCallOf, serviceLinkName, StackContext } from './context';

export interface GrafanaResult {
  readonly links: Links;
}

/** The contact point of the watchdog's heartbeat (a key of the contact points). */
const WATCHDOG_CONTACT_POINT = 'watchdog-heartbeat';

/** Labels of the watchdog rule, which its route matches. */
const WATCHDOG_LABELS = { heartbeat: 'grafana-watchdog' } as const;

/**
 * The heartbeat repeats every 5 minutes while the watchdog fires (always); Datadog alerts
 * after 15 minutes without one (stacks/datadog.ts), so one lost request does not page.
 */
const WATCHDOG_TIMING = { groupWait: '0s', groupInterval: '1m', repeatInterval: '5m' } as const;

/**
 * The watchdog's receiver: Datadog's events API (POST /api/v1/events, key in the
 * DD-API-KEY header), with a fixed JSON body, since Datadog needs `title` and `text`,
 * which Grafana's default webhook body lacks. The event's tags are what Datadog's
 * heartbeat monitor counts.
 */
function watchdogReceiver(ctx: StackContext): WebhookReceiver {
  const { env } = ctx;
  return {
    type: 'webhook',
    url: `https://api.${env.datadog.site}/api/v1/events`,
    headers: { 'DD-API-KEY': ctx.secrets.datadog_logs_api_key.value },
    payloadTemplate: JSON.stringify({
      title: `Grafana watchdog heartbeat (${env.name})`,
      text: 'Grafana evaluated its always-firing watchdog rule and delivered the notification.',
      alert_type: 'info',
      priority: 'low',
      tags: watchdogHeartbeatTags(env),
    }),
  };
}

/** Imports the contact points `adopt.grafana.contactPoints` names; a name the stack does not declare stops synth. */
function adoptContactPoints(ctx: StackContext, contactPoints: AlertContactPoints): void {
  const { env } = ctx;
  const declared = Object.entries(contactPoints.contactPoints).map(([key, resource]) => ({ name: contactPoints.names[key], resource }));
  const problems = new Problems();
  for (const [i, name] of (env.adopt?.grafana?.contactPoints ?? []).entries()) {
    const match = declared.find((c) => c.name === name);
    problems.check(match !== undefined, `${env.name}.adopt.grafana.contactPoints[${i}]`, name,
      `a contact point the stack declares (${declared.map((c) => JSON.stringify(c.name)).join(', ')})`,
      'use the name the stack gives it, or remove the entry');
    if (match) adopt(match.resource, IMPORT_ID.grafanaContactPoint(env.grafana.orgId, name));
  }
  problems.throwIfAny();
}

/** Grafana: folder, data sources, dashboards, alert rules, contact points and the notification policy. */
export function renderGrafana(stack: Construct, ctx: StackContext): GrafanaResult {
  const { env } = ctx;
  // org_id is not a secret: it pins this environment to its own organization (see README, "One policy tree").
  new GrafanaProvider(stack, 'grafana', { orgId: env.grafana.orgId });

  // org_id on every resource too: provider 4.45 sends these resources to the token's
  // organization otherwise, whatever the provider's org_id says (README, "One policy tree").
  const orgId = String(env.grafana.orgId);
  const folder = new Folder(stack, 'grafana-folder', {
    orgId,
    title: `ESG Scraper (${env.name})`,
    // An adopted folder keeps the uid it has: a new uid would replace it, dashboards and all.
    uid: env.adopt?.grafana?.folderUid ?? `esg-scraper-${env.name}`,
  });
  const adoptedFolder = env.adopt?.grafana?.folderUid;
  adopt(folder, adoptedFolder && IMPORT_ID.grafanaFolder(env.grafana.orgId, adoptedFolder));

  // Data sources, then the dashboards that query them.
  const dataSources = new DataSources(stack, 'grafana-data-sources', {
    orgId,
    prometheus: { name: `Prometheus (${env.name})`, uid: prometheusDataSourceUid(env), url: env.grafana.prometheusUrl },
    postgres: {
      name: `ESG analytics PostgreSQL (${env.name})`,
      uid: postgresDataSourceUid(env),
      ...env.grafana.postgres,
      password: ctx.secrets.postgres_password.value,
    },
  });
  const dashboards = new Dashboards(stack, 'grafana-dashboards', {
    orgId,
    folderUid: folder.uid,
    dashboards: {
      ...Object.fromEntries(ctx.services.map((service) =>
        [`service-${service.id}`, serviceDashboard({ service, env, alerts: ctx.alerts })])),
      business: businessDashboard({ env, services: ctx.services }),
    },
    dependsOn: [dataSources.prometheus, dataSources.postgres],
  });
  // Links carry orgId: the same uid exists in each environment's organization.
  const dashboardUrl = (uid: string) => `${env.grafana.publicUrl}/d/${uid}?orgId=${env.grafana.orgId}`;
  const dashboardLinks: Links = Object.fromEntries(ctx.services.map((service) => [
    serviceLinkName(ctx, 'grafana', service, 'service_dashboard'),
    dashboardUrl(serviceDashboardUid(service.id)),
  ]));
  dashboardLinks.grafana_business_dashboard_url = dashboardUrl(BUSINESS_DASHBOARD_UID);

  // Alerting. Routing comes from catalog/routing.ts only: which contact points exist, and where each severity goes.
  const slackWebhooks: Record<Exclude<Destination, 'pagerduty'>, string> = {
    'slack-alerts': ctx.secrets.slack_webhook_alerts.value,
    'slack-monitoring': ctx.secrets.slack_webhook_monitoring.value,
  };
  const receiverOf = (destination: Destination): Receiver => destination === 'pagerduty'
    ? { type: 'pagerduty', integrationKey: onCallOf(ctx).integrations.grafana.integrationKey }
    : { type: 'slack', webhookUrl: slackWebhooks[destination], channel: slackChannel(destination, env) };
  const contactPoints = new AlertContactPoints(stack, 'grafana-contact-points', {
    orgId,
    namePrefix: `esg-scraper-${env.name}`,
    receivers: {
      ...Object.fromEntries(DESTINATIONS
        .filter((d) => isUsed(d, env) || d === DEFAULT_DESTINATION)
        .map((d) => [d, receiverOf(d)])),
      [WATCHDOG_CONTACT_POINT]: watchdogReceiver(ctx),
    },
    slackTemplate: new SlackMessageTemplate(stack, 'grafana-slack-template', { orgId, name: 'esg-scraper-slack' }),
  });
  adoptContactPoints(ctx, contactPoints);
  const muteTimings = new MaintenanceMuteTimings(stack, 'grafana-mute-timings', {
    orgId,
    windows: (env.maintenanceWindows ?? []).map((w) => ({
      name: w.name, weekdays: w.weekdays, start: w.startTime, end: w.endTime, location: w.location,
    })),
  });
  const policy = new AlertNotificationPolicy(stack, 'grafana-notification-policy', {
    orgId,
    defaultContactPoint: contactPoints.nameOf(DEFAULT_DESTINATION),
    groupBy: ['grafana_folder', 'alertname', 'severity'],
    routes: [{
      // First and final: the watchdog reaches only its heartbeat, never Slack or PagerDuty.
      matchers: Object.entries(WATCHDOG_LABELS).map(([label, value]) => ({ label, match: '=' as const, value })),
      contactPoint: contactPoints.nameOf(WATCHDOG_CONTACT_POINT),
      continue: false,
      timing: WATCHDOG_TIMING,
    }, ...notificationRoutes(env).map((route): PolicyRoute => ({
      matchers: [
        { label: 'severity', match: '=', value: route.severity },
        { label: 'environment', match: '=', value: env.name },
      ],
      contactPoint: contactPoints.nameOf(route.destination),
      continue: route.continue,
      muteTimings: route.muteTimings.map((name) => muteTimings.nameOf(name)),
    }))],
  });
  // Imported, the plan shows what the apply removes from the live tree, and the plan gate stops it.
  adopt(policy.notificationPolicy, env.adopt?.grafana?.notificationPolicy ? IMPORT_ID.grafanaNotificationPolicy(env.grafana.orgId) : undefined);
  new WatchdogRule(stack, 'grafana-watchdog', {
    orgId,
    name: 'watchdog',
    uid: `watchdog-${env.name}`,
    folderUid: folder.uid,
    prometheusDataSourceUid: prometheusDataSourceUid(env),
    labels: { ...WATCHDOG_LABELS, environment: env.name },
    summary: 'Always firing: its notification is the heartbeat that tells Datadog that Grafana alerting works.',
    dependsOn: [dataSources.prometheus],
  });
  for (const service of ctx.services) {
    new AlertRuleGroup(stack, `grafana-rules-${service.id}`, {
      orgId,
      name: service.id,
      folderUid: folder.uid,
      prometheusDataSourceUid: prometheusDataSourceUid(env),
      // The catalog's alerts, then the burn-rate rules of the service's SLOs.
      alerts: [...ctx.alerts.filter((a) => a.serviceId === service.id), ...prometheusBurnRateAlerts(ctx.slos, service, env)],
      environment: env.name,
      // Grafana rejects a rule whose data source does not exist yet, and the rules'
      // annotations link to the service dashboard: uids written as constants create
      // no Terraform dependency by themselves.
      dependsOn: [dataSources.prometheus, dashboards.dashboards[`service-${service.id}`]],
    });
  }

  return { links: { grafana_folder_url: `${env.grafana.publicUrl}/dashboards/f/${folder.uid}?orgId=${env.grafana.orgId}`, ...dashboardLinks } };
}
