import { Construct } from 'constructs';
import { prometheusBurnRateAlerts } from '../catalog/burn-rates';
import { dashboardUid, postgresDataSourceUid, prometheusDataSourceUid } from '../catalog/grafana-uids';
import { DEFAULT_DESTINATION, Destination, DESTINATIONS, isUsed, notificationRoutes, slackChannel } from '../catalog/routing';
import { AlertRuleGroup } from '../constructs/grafana/alert-rules';
import { AlertContactPoints, Receiver } from '../constructs/grafana/contact-points';
import { SlackMessageTemplate } from '../constructs/grafana/message-template';
import { MaintenanceMuteTimings } from '../constructs/grafana/mute-timings';
import { AlertNotificationPolicy } from '../constructs/grafana/notification-policy';
import { Dashboards } from '../constructs/grafana/dashboards';
import { DataSources } from '../constructs/grafana/data-sources';
import { businessDashboard } from '../dashboards/business';
import { serviceDashboard } from '../dashboards/service';
import { Folder } from '../providers/grafana/folder';
import { GrafanaProvider } from '../providers/grafana/provider';
import { Links, serviceLinkName, StackContext } from './context';

export interface GrafanaResult {
  readonly links: Links;
}

/** Grafana: folder, data sources, dashboards, alert rules, contact points and the notification policy. */
export function renderGrafana(stack: Construct, ctx: StackContext): GrafanaResult {
  const { env } = ctx;
  // org_id is not a secret: it pins this environment to its own organization (see README, "One policy tree").
  new GrafanaProvider(stack, 'grafana', { orgId: env.grafana.orgId });

  const folder = new Folder(stack, 'grafana-folder', {
    title: `ESG Scraper (${env.name})`,
    uid: `esg-scraper-${env.name}`,
  });

  // Data sources, then the dashboards that query them.
  const dataSources = new DataSources(stack, 'grafana-data-sources', {
    prometheus: { name: `Prometheus (${env.name})`, uid: prometheusDataSourceUid(env), url: env.grafana.prometheusUrl },
    postgres: {
      name: `ESG analytics PostgreSQL (${env.name})`,
      uid: postgresDataSourceUid(env),
      ...env.grafana.postgres,
      password: ctx.secrets.postgres_password.value,
    },
  });
  const dashboards = new Dashboards(stack, 'grafana-dashboards', {
    folderUid: folder.uid,
    dashboards: {
      ...Object.fromEntries(ctx.services.map((service) =>
        [`service-${service.id}`, serviceDashboard({ service, env, alerts: ctx.alerts })])),
      business: businessDashboard({ env, services: ctx.services }),
    },
    dependsOn: [dataSources.prometheus, dataSources.postgres],
  });
  const dashboardUrl = (uid: string) => `${env.grafana.publicUrl}/d/${uid}`;
  const dashboardLinks: Links = Object.fromEntries(ctx.services.map((service) => [
    serviceLinkName(ctx, 'grafana', service, 'service_dashboard'),
    dashboardUrl(dashboardUid('service', service.id)),
  ]));
  dashboardLinks.grafana_business_dashboard_url = dashboardUrl(dashboardUid('business'));

  // Alerting. Routing comes from catalog/routing.ts only: which contact points exist, and where each severity goes.
  const slackWebhooks: Record<Exclude<Destination, 'pagerduty'>, string> = {
    'slack-alerts': ctx.secrets.slack_webhook_alerts.value,
    'slack-monitoring': ctx.secrets.slack_webhook_monitoring.value,
  };
  const receiverOf = (destination: Destination): Receiver => destination === 'pagerduty'
    ? { type: 'pagerduty', integrationKey: ctx.onCall.integrations.grafana.integrationKey }
    : { type: 'slack', webhookUrl: slackWebhooks[destination], channel: slackChannel(destination, env) };
  const contactPoints = new AlertContactPoints(stack, 'grafana-contact-points', {
    namePrefix: `esg-scraper-${env.name}`,
    receivers: Object.fromEntries(DESTINATIONS
      .filter((d) => isUsed(d, env) || d === DEFAULT_DESTINATION)
      .map((d) => [d, receiverOf(d)])),
    slackTemplate: new SlackMessageTemplate(stack, 'grafana-slack-template', { name: 'esg-scraper-slack' }),
  });
  const muteTimings = new MaintenanceMuteTimings(stack, 'grafana-mute-timings', {
    windows: (env.maintenanceWindows ?? []).map((w) => ({
      name: w.name, weekdays: w.weekdays, start: w.startTime, end: w.endTime, location: w.location,
    })),
  });
  new AlertNotificationPolicy(stack, 'grafana-notification-policy', {
    defaultContactPoint: contactPoints.nameOf(DEFAULT_DESTINATION),
    groupBy: ['grafana_folder', 'alertname', 'severity'],
    routes: notificationRoutes(env).map((route) => ({
      matchers: [
        { label: 'severity', match: '=', value: route.severity },
        { label: 'environment', match: '=', value: env.name },
      ],
      contactPoint: contactPoints.nameOf(route.destination),
      continue: route.continue,
      muteTimings: route.muteTimings.map((name) => muteTimings.nameOf(name)),
    })),
  });
  for (const service of ctx.services) {
    new AlertRuleGroup(stack, `grafana-rules-${service.id}`, {
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

  return { links: { grafana_folder_url: `${env.grafana.publicUrl}/dashboards/f/${folder.uid}`, ...dashboardLinks } };
}
