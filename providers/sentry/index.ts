/**
 * Namespaced re-exports of the hand-written jianyuan/sentry v0.15.4 bindings, laid out like the
 * `index.ts` that `cdktf get` writes (the deprecated `sentry_issue_alert` / `sentry_metric_alert`
 * and the unused resources and data sources are not bound). Prefer deep imports, e.g.
 * `import { Key } from '../providers/sentry/key'`.
 */
export * as team from './team';
export * as project from './project';
export * as key from './key';
export * as alert from './alert';
export * as metricMonitor from './metric-monitor';
export * as integrationPagerduty from './integration-pagerduty';
export * as dataSentryOrganizationIntegration from './data-sentry-organization-integration';
export * as dataSentryProjectErrorMonitor from './data-sentry-project-error-monitor';
export * as dataSentryProjectIssueStreamMonitor from './data-sentry-project-issue-stream-monitor';
export * as provider from './provider';
