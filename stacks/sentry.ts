import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { SENTRY_ALERTS, SENTRY_PRIORITY } from '../catalog/platform-alerts';
import { destinationsFor, slackChannel } from '../catalog/routing';
import { runbookUrl } from '../catalog/services';
import { ConfigError } from '../config/validate';
import { SentryAlertRouting } from '../constructs/sentry/alert-routing';
import { ErrorTrackingProject } from '../constructs/sentry/error-tracking-project';
import { MetricMonitorAlert } from '../constructs/sentry/metric-monitor-alert';
import { NewIssueAlert } from '../constructs/sentry/new-issue-alert';
import { SentryProvider } from '../providers/sentry/provider';
import { adopt, IMPORT_ID } from './adoption';
import { displayName, Links, onCallOf, StackContext } from './context';

export interface SentryResult {
  /** The client key's public DSN (a reference into a sensitive map; sensitive). */
  readonly dsn: string;
  readonly links: Links;
}

/**
 * Sentry: one project per environment (its team and rate-limited client key), a
 * "new issue" alert and an "error spike" metric monitor with its alert, routed by
 * severity like every other vendor's alerts.
 */
export function renderSentry(stack: Construct, ctx: StackContext): SentryResult {
  const { env } = ctx;
  const service = ctx.services[0];
  const { newIssue, errorSpike } = SENTRY_ALERTS;
  checkSpikeIsReachable(ctx);
  new SentryProvider(stack, 'sentry');

  const errorTracking = new ErrorTrackingProject(stack, 'sentry-project', {
    organization: env.sentry.organization,
    team: { slug: env.sentry.teamSlug, name: env.sentry.teamName },
    project: { slug: env.sentry.projectSlug, name: displayName(ctx, service) },
    keyName: `${service.id}-${env.name}`,
    rateLimit: env.sentry.rateLimit,
  });
  // Validation holds the adopted slugs equal to the configured ones (config/app-spec.ts).
  const adopted = env.adopt?.sentry;
  const org = env.sentry.organization;
  adopt(errorTracking.team, adopted?.teamSlug && IMPORT_ID.sentryTeam(org, adopted.teamSlug));
  adopt(errorTracking.project, adopted?.projectSlug && IMPORT_ID.sentryProject(org, adopted.projectSlug));
  adopt(errorTracking.key, adopted?.keyId && IMPORT_ID.sentryKey(org, env.sentry.projectSlug, adopted.keyId));

  const newIssueDestinations = destinationsFor(newIssue.severity, env);
  const spikeDestinations = destinationsFor(errorSpike.severity, env);
  const pages = [...newIssueDestinations, ...spikeDestinations].includes('pagerduty');
  const routing = new SentryAlertRouting(stack, 'sentry-routing', {
    organization: env.sentry.organization,
    slackIntegrationName: env.sentry.slackIntegrationName,
    slackChannels: { 'slack-alerts': slackChannel('slack-alerts', env), 'slack-monitoring': slackChannel('slack-monitoring', env) },
    pagerduty: pages
      ? {
          integrationName: env.sentry.pagerdutyIntegrationName,
          serviceName: onCallOf(ctx).service.name,
          integrationKey: onCallOf(ctx).integrations.sentry.integrationKey,
        }
      : undefined,
  });

  // Sentry alerts carry no severity field: the name states it, as the Datadog monitors'
  // names do, for people and for the routing picture of `npm run diff`.
  new NewIssueAlert(stack, 'sentry-new-issue', {
    organization: env.sentry.organization,
    project: errorTracking.project.slug,
    name: `${displayName(ctx, service)}: new issue (${newIssue.severity})`,
    frequencyMinutes: newIssue.frequencyMinutes,
    actions: routing.actionsFor(newIssueDestinations),
  });

  const windowMinutes = errorSpike.windowSeconds / 60;
  new MetricMonitorAlert(stack, 'sentry-error-spike', {
    organization: env.sentry.organization,
    project: errorTracking.project.slug,
    name: `${displayName(ctx, service)}: error spike (${errorSpike.severity})`,
    description: `More than ${errorSpike.threshold} errors in ${windowMinutes} minutes. ` +
      `Runbook: ${runbookUrl(service, env, 'error-spike')}`,
    windowSeconds: errorSpike.windowSeconds,
    threshold: errorSpike.threshold,
    priority: SENTRY_PRIORITY[errorSpike.severity],
    ownerTeamId: errorTracking.team.internalId,
    frequencyMinutes: errorSpike.frequencyMinutes,
    actions: routing.actionsFor(spikeDestinations),
  });

  // The only way the DSN leaves this stack besides the app's SECRET env: `cdktf output` hides it.
  new TerraformOutput(stack, 'sentry_dsn', {
    value: errorTracking.dsn,
    sensitive: true,
    description: `Sentry DSN of ${env.sentry.projectSlug} (sensitive)`,
  });

  return {
    dsn: errorTracking.dsn,
    links: { sentry_project_url: `https://sentry.io/organizations/${env.sentry.organization}/projects/${env.sentry.projectSlug}/` },
  };
}

/**
 * The client key drops events beyond its rate limit, so a spike threshold above the
 * limit's share of the window can never be crossed: the alert would stay silent.
 */
function checkSpikeIsReachable(ctx: StackContext): void {
  const { env } = ctx;
  const { threshold, windowSeconds } = SENTRY_ALERTS.errorSpike;
  const reachable = (env.sentry.rateLimit.count * windowSeconds) / env.sentry.rateLimit.windowSeconds;
  if (threshold >= reachable) {
    throw new ConfigError([`${env.name}.sentry.rateLimit: got ${JSON.stringify(env.sentry.rateLimit)}, which lets at most ` +
      `${Math.floor(reachable)} events through in the error-spike window of ${windowSeconds}s; expected more than the ` +
      `spike threshold of ${threshold}. Fix: raise the rate limit in config/environments.ts, or lower ` +
      'SENTRY_ALERTS.errorSpike.threshold in catalog/platform-alerts.ts']);
  }
}
