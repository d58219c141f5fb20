/**
 * "Full config" fixtures: one instance of every bound resource / data source with EVERY bindable
 * attribute, nested attribute and block set (at every nesting level), used by
 * schema-conformance.test.ts to prove the bindings emit schema-valid and complete JSON.
 * Values are plausible but not meant to be applied: attributes that conflict with each other
 * (e.g. `owner.team_id` / `owner.user_id`, slack `url` / `token`) are still all set.
 */
import { Construct } from 'constructs';
import { ContactPoint } from '../../providers/grafana/contact-point';
import { Dashboard } from '../../providers/grafana/dashboard';
import { DataSource } from '../../providers/grafana/data-source';
import { Folder } from '../../providers/grafana/folder';
import { MessageTemplate } from '../../providers/grafana/message-template';
import { MuteTiming } from '../../providers/grafana/mute-timing';
import { NotificationPolicy, NotificationPolicyPolicy } from '../../providers/grafana/notification-policy';
import { GrafanaProviderConfig } from '../../providers/grafana/provider';
import { RuleGroup } from '../../providers/grafana/rule-group';
import { Alert } from '../../providers/sentry/alert';
import { DataSentryOrganizationIntegration } from '../../providers/sentry/data-sentry-organization-integration';
import { DataSentryProjectErrorMonitor } from '../../providers/sentry/data-sentry-project-error-monitor';
import { DataSentryProjectIssueStreamMonitor } from '../../providers/sentry/data-sentry-project-issue-stream-monitor';
import { IntegrationPagerduty } from '../../providers/sentry/integration-pagerduty';
import { Key } from '../../providers/sentry/key';
import { MetricMonitor } from '../../providers/sentry/metric-monitor';
import { Project } from '../../providers/sentry/project';
import { Team } from '../../providers/sentry/team';
import { SchemaKind } from './schema-checker';

export interface FullConfigCase {
  /** Terraform type, e.g. `grafana_folder`. */
  readonly type: string;
  readonly kind: SchemaKind;
  /** Creates the instance under the construct id `full`. */
  readonly build: (scope: Construct) => void;
  /** Schema paths the binding deliberately leaves out (not checked for coverage). */
  readonly notBound?: readonly string[];
}

/** grafana_contact_point notifiers that are not bound yet (see the contact-point module comment). */
export const UNBOUND_CONTACT_POINT_NOTIFIERS = [
  'alertmanager', 'dingding', 'discord', 'googlechat', 'jira', 'kafka', 'line', 'oncall', 'opsgenie',
  'pushover', 'sensugo', 'sns', 'teams', 'telegram', 'threema', 'victorops', 'webex', 'wecom',
] as const;

/** Map keys that snake_casing or camelCasing would change; they must reach the JSON verbatim. */
export const VERBATIM_MAP = { 'X-Scope-OrgID': 'tenant-1', camelCaseKey: 'a', 'team/owner': 'b', __dashboardUid__: 'c' };

/** The `grafana` provider block with every attribute set (each token distinct, so a swapped mapping shows). */
export const GRAFANA_PROVIDER_FULL: GrafanaProviderConfig = {
  auth: 'sa-token',
  caCert: 'ca.pem',
  cloudAccessPolicyToken: 't-cap',
  cloudApiUrl: 'https://grafana.com',
  cloudProviderAccessToken: 't-cp',
  cloudProviderUrl: 'https://cloud-provider.example.com',
  connectionsApiAccessToken: 't-conn',
  connectionsApiUrl: 'https://connections.example.com',
  fleetManagementAuth: 'user:pass',
  fleetManagementUrl: 'https://fleet.example.com',
  frontendO11YApiAccessToken: 't-faro',
  frontendO11YApiUrl: 'https://faro.example.com',
  httpHeaders: VERBATIM_MAP,
  insecureSkipVerify: false,
  k6AccessToken: 't-k6',
  k6Url: 'https://api.k6.io',
  oncallAccessToken: 't-oncall',
  oncallUrl: 'https://oncall.example.com',
  orgId: 2,
  retries: 5,
  retryStatusCodes: ['429', '5xx'],
  retryWait: 2,
  smAccessToken: 't-sm',
  smUrl: 'https://sm.example.com',
  stackId: 7,
  storeDashboardSha256: true,
  tlsCert: 'cert.pem',
  tlsKey: 'key.pem',
  url: 'https://grafana.example.com',
};

/** A policy level with every attribute set; `child` is the nested `policy` list (levels 1-4). */
function policyLevel(level: number, child?: NotificationPolicyPolicy[]): NotificationPolicyPolicy {
  return {
    activeTimings: ['business-hours'],
    contactPoint: `cp-level-${level}`,
    continue: level % 2 === 0,
    groupBy: ['alertname', 'grafana_folder'],
    groupInterval: '5m',
    groupWait: '30s',
    muteTimings: ['maintenance'],
    repeatInterval: '4h',
    matcher: [
      { label: 'severity', match: '=', value: 'critical' },
      { label: 'service', match: '=~', value: `api-${level}.*` },
    ],
    policy: child,
  };
}

export const FULL_CONFIGS: readonly FullConfigCase[] = [
  // ------------------------------------------------------------------------------------------
  // grafana
  // ------------------------------------------------------------------------------------------
  {
    type: 'grafana_folder',
    kind: 'resource',
    build: (scope) =>
      new Folder(scope, 'full', {
        id: '1:esg-scraper',
        orgId: '1',
        parentFolderUid: 'platform',
        preventDestroyIfNotEmpty: true,
        title: 'ESG Scraper',
        uid: 'esg-scraper',
      }),
  },
  {
    type: 'grafana_dashboard',
    kind: 'resource',
    build: (scope) =>
      new Dashboard(scope, 'full', {
        configJson: JSON.stringify({ uid: 'esg-api', title: 'ESG API', panels: [] }),
        folder: 'esg-scraper',
        id: '1:esg-api',
        message: 'managed by cdktf',
        orgId: '1',
        overwrite: true,
      }),
  },
  {
    type: 'grafana_data_source',
    kind: 'resource',
    build: (scope) =>
      new DataSource(scope, 'full', {
        accessMode: 'proxy',
        basicAuthEnabled: true,
        basicAuthUsername: 'reader',
        databaseName: 'metrics',
        httpHeaders: VERBATIM_MAP,
        id: '1:prom',
        isDefault: false,
        jsonDataEncoded: JSON.stringify({ httpMethod: 'POST' }),
        name: 'Prometheus',
        orgId: '1',
        privateDataSourceConnectNetworkId: 'pdc-1',
        secureJsonDataEncoded: JSON.stringify({ basicAuthPassword: 'secret' }),
        type: 'prometheus',
        uid: 'prom',
        url: 'https://prometheus.example.com',
        username: 'reader',
      }),
  },
  {
    type: 'grafana_contact_point',
    kind: 'resource',
    notBound: UNBOUND_CONTACT_POINT_NOTIFIERS,
    build: (scope) =>
      new ContactPoint(scope, 'full', {
        disableProvenance: true,
        id: '1:oncall',
        name: 'oncall',
        orgId: '1',
        email: [
          {
            addresses: ['oncall@example.com', 'team@example.com'],
            disableResolveMessage: false,
            message: '{{ template "default.message" . }}',
            settings: VERBATIM_MAP,
            singleEmail: true,
            subject: '[{{ .Status }}] ESG',
          },
        ],
        pagerduty: [
          {
            class: 'availability',
            client: 'Grafana',
            clientUrl: 'https://grafana.example.com',
            component: 'api',
            details: VERBATIM_MAP,
            disableResolveMessage: false,
            group: 'esg',
            integrationKey: 'pd-routing-key',
            settings: { custom: 'x' },
            severity: 'critical',
            source: 'esg-api',
            summary: '{{ .CommonLabels.alertname }}',
            url: 'https://events.pagerduty.com/v2/enqueue',
          },
        ],
        slack: [
          {
            color: 'danger',
            disableResolveMessage: true,
            endpointUrl: 'https://slack.com/api/chat.postMessage',
            iconEmoji: ':rotating_light:',
            iconUrl: 'https://example.com/icon.png',
            mentionChannel: 'here',
            mentionGroups: 'S01',
            mentionUsers: 'U01,U02',
            recipient: '#alerts',
            settings: { custom: 'x' },
            text: '{{ template "slack.text" . }}',
            title: '{{ template "slack.title" . }}',
            token: 'xoxb-token',
            url: 'https://hooks.slack.com/services/T/B/X',
            username: 'grafana',
          },
        ],
        webhook: [
          {
            authorizationCredentials: 'bearer-token',
            authorizationScheme: 'Bearer',
            basicAuthPassword: 'pw',
            basicAuthUser: 'user',
            disableResolveMessage: false,
            headers: VERBATIM_MAP,
            httpMethod: 'POST',
            maxAlerts: 10,
            message: 'msg',
            settings: { custom: 'x' },
            title: 'title',
            tlsConfig: { insecureSkipVerify: 'true' },
            url: 'https://hooks.example.com/grafana',
            hmacConfig: { header: 'X-Signature', secret: 'hmac-secret', timestampHeader: 'X-Timestamp' },
            httpConfig: {
              oauth2: {
                clientId: 'client',
                clientSecret: 'client-secret',
                endpointParams: { audience: 'hooks' },
                scopes: ['alerts:write'],
                tokenUrl: 'https://auth.example.com/token',
                proxyConfig: {
                  noProxy: 'localhost',
                  proxyConnectHeader: { 'Proxy-Authorization': 'Basic abc' },
                  proxyFromEnvironment: false,
                  proxyUrl: 'http://proxy.example.com:3128',
                },
                tlsConfig: {
                  caCertificate: '-----BEGIN CERTIFICATE-----',
                  clientCertificate: '-----BEGIN CERTIFICATE-----',
                  clientKey: '-----BEGIN PRIVATE KEY-----',
                  insecureSkipVerify: false,
                },
              },
            },
            payload: { template: '{{ .Vars.env }}', vars: { env: 'staging' } },
          },
        ],
      }),
  },
  {
    type: 'grafana_notification_policy',
    kind: 'resource',
    build: (scope) =>
      new NotificationPolicy(scope, 'full', {
        contactPoint: 'default',
        disableProvenance: true,
        groupBy: ['alertname'],
        groupInterval: '5m',
        groupWait: '30s',
        id: 'policy',
        orgId: '1',
        repeatInterval: '4h',
        policy: [policyLevel(1, [policyLevel(2, [policyLevel(3, [policyLevel(4, [policyLevel(5)])])])])],
      }),
  },
  {
    type: 'grafana_rule_group',
    kind: 'resource',
    build: (scope) =>
      new RuleGroup(scope, 'full', {
        disableProvenance: true,
        folderUid: 'esg-scraper',
        id: 'esg-scraper:api',
        intervalSeconds: 60,
        name: 'api',
        orgId: '1',
        rule: [
          {
            annotations: { summary: 'API errors', __dashboardUid__: 'esg-api', __panelId__: '2' },
            condition: 'C',
            execErrState: 'Error',
            for: '5m',
            isPaused: false,
            keepFiringFor: '2m',
            labels: { severity: 'critical', 'team/owner': 'platform' },
            missingSeriesEvalsToResolve: 3,
            name: 'API error rate',
            noDataState: 'NoData',
            uid: 'api-error-rate',
            data: [
              {
                datasourceUid: 'prom',
                model: JSON.stringify({ expr: 'sum(rate(http_requests_total{code=~"5.."}[5m]))', refId: 'A' }),
                queryType: '',
                refId: 'A',
                relativeTimeRange: { from: 600, to: 0 },
              },
              {
                datasourceUid: '__expr__',
                model: JSON.stringify({ type: 'threshold', expression: 'A', refId: 'C' }),
                refId: 'C',
                relativeTimeRange: { from: 0, to: 0 },
              },
            ],
            notificationSettings: {
              activeTimings: ['business-hours'],
              contactPoint: 'oncall',
              groupBy: ['alertname', 'grafana_folder'],
              groupInterval: '5m',
              groupWait: '30s',
              muteTimings: ['maintenance'],
              repeatInterval: '4h',
            },
          },
          {
            name: 'API request rate (recorded)',
            data: [
              {
                datasourceUid: 'prom',
                model: JSON.stringify({ expr: 'sum(rate(http_requests_total[5m]))', refId: 'A' }),
                refId: 'A',
                relativeTimeRange: { from: 300, to: 0 },
              },
            ],
            record: { from: 'A', metric: 'esg:http_requests:rate5m', targetDatasourceUid: 'prom' },
          },
        ],
      }),
  },
  {
    type: 'grafana_message_template',
    kind: 'resource',
    build: (scope) =>
      new MessageTemplate(scope, 'full', {
        disableProvenance: true,
        name: 'esg',
        orgId: '1',
        template: '{{ define "esg.title" }}[{{ .Status }}] ESG{{ end }}',
      }),
  },
  {
    type: 'grafana_mute_timing',
    kind: 'resource',
    build: (scope) =>
      new MuteTiming(scope, 'full', {
        disableProvenance: true,
        id: '1:maintenance',
        name: 'maintenance',
        orgId: '1',
        intervals: [
          {
            daysOfMonth: ['1', '-1'],
            location: 'Europe/Berlin',
            months: ['1:3', 'december'],
            weekdays: ['saturday:sunday'],
            years: ['2030'],
            times: [{ start: '02:00', end: '04:00' }],
          },
          {},
        ],
      }),
  },

  // ------------------------------------------------------------------------------------------
  // sentry
  // ------------------------------------------------------------------------------------------
  {
    type: 'sentry_team',
    kind: 'resource',
    build: (scope) => new Team(scope, 'full', { id: 'platform', name: 'Platform', organization: 'acme', slug: 'platform' }),
  },
  {
    type: 'sentry_project',
    kind: 'resource',
    build: (scope) =>
      new Project(scope, 'full', {
        clientSecurity: {
          allowedDomains: ['https://example.com', '*.example.com'],
          scrapeJavascript: true,
          securityToken: 'token',
          securityTokenHeader: 'X-Sentry-Token',
          verifyTlsSsl: true,
        },
        defaultKey: false,
        defaultRules: false,
        digestsMaxDelay: 1800,
        digestsMinDelay: 300,
        filters: { blacklistedIps: ['10.0.0.0/8'], errorMessages: ['TypeError*'], releases: ['1.*'] },
        fingerprintingRules: 'error.type:DatabaseUnavailable -> system-down',
        groupingEnhancements: 'function:panic_handler ^-group',
        highlightTags: ['release', 'environment'],
        name: 'ESG Scraper API',
        organization: 'acme',
        platform: 'python-fastapi',
        resolveAge: 720,
        slug: 'esg-scraper-api',
        teams: ['platform'],
      }),
  },
  {
    type: 'sentry_key',
    kind: 'resource',
    build: (scope) =>
      new Key(scope, 'full', {
        javascriptLoaderScript: {
          browserSdkVersion: '8.x',
          debugEnabled: false,
          performanceMonitoringEnabled: true,
          sessionReplayEnabled: false,
        },
        name: 'api',
        organization: 'acme',
        project: 'esg-scraper-api',
        rateLimitCount: 1000,
        rateLimitWindow: 60,
      }),
  },
  {
    type: 'sentry_alert',
    kind: 'resource',
    build: (scope) =>
      new Alert(scope, 'full', {
        enabled: true,
        environment: 'production',
        frequencyMinutes: 30,
        legacyTriggerConditions: ['sentry.rules.conditions.event_frequency.EventFrequencyCondition'],
        monitorIds: ['123', '456'],
        name: 'ESG API errors',
        organization: 'acme',
        triggerConditions: [
          { firstSeenEvent: {} },
          { issueResolvedTrigger: {} },
          { reappearedEvent: {} },
          { regressionEvent: {} },
        ],
        actionFilters: [
          {
            logicType: 'any',
            conditions: [
              { ageComparison: { comparisonType: 'older', time: 'hour', value: 1 } },
              { assignedTo: { targetId: '42', targetType: 'Team' } },
              { eventAttribute: { attribute: 'http.status_code', match: 'eq', value: '500' } },
              {
                eventFrequencyCount: {
                  interval: '1h',
                  value: 100,
                  filters: [{ attribute: 'environment', match: 'eq', value: 'production' }, { key: 'region', match: 'eq', value: 'eu' }],
                },
              },
              {
                eventFrequencyPercent: {
                  comparisonInterval: '1w',
                  interval: '1h',
                  value: 50,
                  filters: [{ attribute: 'environment', match: 'eq', value: 'production' }, { key: 'region', match: 'eq', value: 'eu' }],
                },
              },
              {
                eventUniqueUserFrequencyCount: {
                  interval: '1h',
                  value: 10,
                  filters: [{ attribute: 'environment', match: 'eq', value: 'production' }, { key: 'region', match: 'eq', value: 'eu' }],
                },
              },
              { issueCategory: { include: true, value: 1 } },
              { issueOccurrences: { value: 5 } },
              { issuePriorityDeescalating: { comparison: 75 } },
              { issuePriorityGreaterOrEqual: { comparison: 50 } },
              { issueType: { include: false, value: 'performance_large_http_payload' } },
              { latestAdoptedRelease: { ageComparison: 'older', environment: 'production', releaseAgeType: 'oldest' } },
              { latestRelease: {} },
              { level: { level: 40, match: 'gte' } },
              { percentSessionsCount: { interval: '1h', value: 5 } },
              {
                percentSessionsPercent: {
                  comparisonInterval: '1d',
                  interval: '1h',
                  value: 10,
                  filters: [{ attribute: 'environment', match: 'eq', value: 'production' }, { key: 'region', match: 'eq', value: 'eu' }],
                },
              },
              { taggedEvent: { key: 'customer', match: 'eq', value: 'vip' } },
            ],
            actions: [
              { discord: { channelId: '111', integrationId: '1', tags: 'environment' } },
              { email: { fallthroughType: 'ActiveMembers', targetId: '42', targetType: 'team' } },
              { github: { assignee: 'octocat', integrationId: '2', labels: ['bug'], repo: 'acme/esg' } },
              { jira: { integrationId: '3', issueType: '10001', project: '10000' } },
              { jiraServer: { integrationId: '4', issueType: '10001', project: '10000' } },
              { msteams: { channelName: 'alerts', integrationId: '5', teamId: '19:abc' } },
              { opsgenie: { integrationId: '6', priority: 'P1', teamId: 'og-team', teamName: 'Platform' } },
              { pagerduty: { integrationId: '7', serviceId: '8', serviceName: 'ESG API', severity: 'critical' } },
              { plugin: {} },
              { sentryApp: { sentryAppId: '9', settings: [{ name: 'priority', value: 'high', label: 'High' }] } },
              { slack: { channelId: 'C01', channelName: '#alerts', integrationId: '10', notes: 'see runbook', tags: 'environment,level' } },
              { vsts: { integrationId: '11', project: 'esg', workItemType: 'Bug' } },
              { webhook: { service: 'webhooks' } },
            ],
          },
        ],
      }),
  },
  {
    type: 'sentry_metric_monitor',
    kind: 'resource',
    build: (scope) =>
      new MetricMonitor(scope, 'full', {
        aggregate: 'count()',
        conditionGroup: {
          logicType: 'any',
          conditions: [
            { type: 'gt', comparison: 100, conditionResult: 75 },
            { type: 'anomaly_detection', comparisonSensitivity: 'medium', comparisonThresholdType: 'above', conditionResult: 50 },
          ],
        },
        dataset: 'events',
        description: 'Too many errors',
        enabled: true,
        environment: 'production',
        eventTypes: ['error', 'default'],
        extrapolationMode: 'none',
        issueDetection: { type: 'percent', comparisonDelta: 3600 },
        name: 'ESG API error volume',
        organization: 'acme',
        owner: { teamId: '42', userId: '7' },
        project: 'esg-scraper-api',
        query: 'level:error',
        queryType: 'error',
        timeWindowSeconds: 300,
      }),
  },
  {
    type: 'sentry_integration_pagerduty',
    kind: 'resource',
    build: (scope) =>
      new IntegrationPagerduty(scope, 'full', { integrationId: '7', integrationKey: 'pd-key', organization: 'acme', service: 'ESG API' }),
  },
  {
    type: 'sentry_organization_integration',
    kind: 'data',
    build: (scope) => new DataSentryOrganizationIntegration(scope, 'full', { name: 'PagerDuty', organization: 'acme', providerKey: 'pagerduty' }),
  },
  {
    type: 'sentry_project_error_monitor',
    kind: 'data',
    build: (scope) => new DataSentryProjectErrorMonitor(scope, 'full', { first: true, organization: 'acme', project: 'esg-scraper-api' }),
  },
  {
    type: 'sentry_project_issue_stream_monitor',
    kind: 'data',
    build: (scope) => new DataSentryProjectIssueStreamMonitor(scope, 'full', { first: true, organization: 'acme', project: 'esg-scraper-api' }),
  },
];
