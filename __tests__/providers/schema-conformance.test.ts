/**
 * The hand-written Grafana / Sentry bindings under providers/ against the committed provider
 * schemas (see schema-checker.ts for where the schema JSON comes from).
 */
import { Construct } from 'constructs';
import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { Folder } from '../../providers/grafana/folder';
import { GrafanaProvider } from '../../providers/grafana/provider';
import { RuleGroup } from '../../providers/grafana/rule-group';
import { Alert } from '../../providers/sentry/alert';
import { DataSentryOrganizationIntegration } from '../../providers/sentry/data-sentry-organization-integration';
import { DataSentryProjectErrorMonitor } from '../../providers/sentry/data-sentry-project-error-monitor';
import { IntegrationPagerduty } from '../../providers/sentry/integration-pagerduty';
import { Key } from '../../providers/sentry/key';
import { Project } from '../../providers/sentry/project';
import { SentryProvider } from '../../providers/sentry/provider';
import { Team } from '../../providers/sentry/team';
import * as grafanaIndex from '../../providers/grafana';
import * as sentryIndex from '../../providers/sentry';
import { FULL_CONFIGS, GRAFANA_PROVIDER_FULL, VERBATIM_MAP } from './full-configs';
import {
  PROVIDER_SCHEMAS_ENV,
  checkAgainstSchema,
  checkProviderAgainstSchema,
  loadProviderSchemas,
  providerSchemaOf,
  providerSchemasPath,
  uncoveredAttributes,
  uncoveredProviderAttributes,
} from './schema-checker';

interface SynthJson {
  terraform: { required_providers: Record<string, { source: string; version: string }> };
  provider: Record<string, Record<string, any>[]>;
  resource?: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, Record<string, any>>;
}

/** Synthesizes a stack holding both provider blocks plus whatever `build` adds (with cdktf's validations). */
function synth(build: (scope: Construct) => void, providers?: (scope: Construct) => void): SynthJson {
  const app = Testing.app();
  const stack = new TerraformStack(app, 't');
  if (providers) {
    providers(stack);
  } else {
    new GrafanaProvider(stack, 'grafana');
    new SentryProvider(stack, 'sentry');
  }
  build(stack);
  return JSON.parse(Testing.synth(stack, true)) as SynthJson;
}

function bodyOf(json: SynthJson, type: string, kind: 'resource' | 'data', name = 'full'): Record<string, any> {
  const body = (kind === 'resource' ? json.resource : json.data)?.[type]?.[name];
  if (!body) {
    throw new Error(`${kind} ${type}.${name} not found in synth output`);
  }
  return body;
}

const BOUND_TYPES = [
  'grafana_folder', 'grafana_dashboard', 'grafana_data_source', 'grafana_contact_point', 'grafana_notification_policy',
  'grafana_rule_group', 'grafana_message_template', 'grafana_mute_timing',
  'sentry_team', 'sentry_project', 'sentry_key', 'sentry_alert', 'sentry_metric_monitor', 'sentry_integration_pagerduty',
  'data.sentry_organization_integration', 'data.sentry_project_error_monitor', 'data.sentry_project_issue_stream_monitor',
];

describe('provider schema reference', () => {
  it('is readable (set PROVIDER_SCHEMAS_JSON to override the location)', () => {
    expect(() => loadProviderSchemas()).not.toThrow();
    expect(providerSchemasPath()).toMatch(/provider-schemas\.json$/);
  });

  it('fails loudly, naming the path and the env var, when the file is missing', () => {
    const saved = process.env[PROVIDER_SCHEMAS_ENV];
    process.env[PROVIDER_SCHEMAS_ENV] = '/nonexistent/provider-schemas.json';
    try {
      expect(() => loadProviderSchemas()).toThrow(/\/nonexistent\/provider-schemas\.json.*PROVIDER_SCHEMAS_JSON/s);
    } finally {
      if (saved === undefined) {
        delete process.env[PROVIDER_SCHEMAS_ENV];
      } else {
        process.env[PROVIDER_SCHEMAS_ENV] = saved;
      }
    }
  });
});

describe('full configs', () => {
  it('exist for exactly the bound resources and data sources', () => {
    const covered = FULL_CONFIGS.map((c) => (c.kind === 'data' ? `data.${c.type}` : c.type));
    expect([...covered].sort()).toEqual([...BOUND_TYPES].sort());
  });

  describe.each(FULL_CONFIGS.map((c) => [c.kind === 'data' ? `data.${c.type}` : c.type, c] as const))('%s', (_label, fullConfig) => {
    // Synthesized inside each test (not while collecting): mutation testing attributes the
    // binding code a test runs to that test only if the test itself runs it.
    const body = (): Record<string, any> => bodyOf(synth(fullConfig.build), fullConfig.type, fullConfig.kind);

    it('emits only schema attributes/blocks, with the right nesting, required ones present, nothing computed-only or deprecated', () => {
      expect(checkAgainstSchema(fullConfig.type, body(), fullConfig.kind)).toEqual([]);
    });

    it('binds every non-deprecated input of the schema (at every nesting level)', () => {
      expect(uncoveredAttributes(fullConfig.type, body(), fullConfig.kind, fullConfig.notBound)).toEqual([]);
    });
  });

  it('leave out exactly the unbound contact-point notifiers', () => {
    const contactPoint = FULL_CONFIGS.find((c) => c.type === 'grafana_contact_point')!;
    const body = bodyOf(synth(contactPoint.build), 'grafana_contact_point', 'resource');
    expect(uncoveredAttributes('grafana_contact_point', body, 'resource').sort()).toEqual([...contactPoint.notBound!].sort());
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['email', 'pagerduty', 'slack', 'webhook']));
  });
});

describe('emitted JSON shapes', () => {
  // Synthesized per lookup, inside the tests (see above).
  const find = (type: string, kind: 'resource' | 'data' = 'resource'): Record<string, any> => {
    const all = synth((scope) => {
      const fullConfig = FULL_CONFIGS.find((c) => c.type === type && c.kind === kind)!;
      fullConfig.build(new Construct(scope, fullConfig.type));
    });
    const table = (kind === 'resource' ? all.resource : all.data)?.[type] ?? {};
    const bodies = Object.values(table);
    expect(bodies).toHaveLength(1);
    return bodies[0];
  };

  it('emits list/set blocks with max_items 1 as a single JSON object, like cdktf get', () => {
    const rule = find('grafana_rule_group').rule;
    expect(rule[0].data[0].relative_time_range).toEqual({ from: 600, to: 0 });
    expect(rule[0].notification_settings).toEqual(expect.objectContaining({ contact_point: 'oncall' }));
    expect(rule[1].record).toEqual({ from: 'A', metric: 'esg:http_requests:rate5m', target_datasource_uid: 'prom' });
    const webhook = find('grafana_contact_point').webhook[0];
    expect(webhook.hmac_config).toEqual({ header: 'X-Signature', secret: 'hmac-secret', timestamp_header: 'X-Timestamp' });
    expect(webhook.http_config.oauth2.proxy_config).toEqual(expect.objectContaining({ proxy_url: 'http://proxy.example.com:3128' }));
    expect(webhook.payload).toEqual({ template: '{{ .Vars.env }}', vars: { env: 'staging' } });
  });

  it('emits other blocks as arrays', () => {
    const contactPoint = find('grafana_contact_point');
    for (const notifier of ['email', 'pagerduty', 'slack', 'webhook']) {
      expect(Array.isArray(contactPoint[notifier])).toBe(true);
    }
    const policy = find('grafana_notification_policy').policy;
    expect(Array.isArray(policy)).toBe(true);
    expect(Array.isArray(policy[0].matcher)).toBe(true);
    expect(policy[0].policy[0].policy[0].policy[0].policy[0].group_by).toEqual(['alertname', 'grafana_folder']);
    expect(find('grafana_mute_timing').intervals[1]).toEqual({});
  });

  it('emits single nested attributes as objects and list nested attributes as arrays', () => {
    const project = find('sentry_project');
    expect(project.filters).toEqual({ blacklisted_ips: ['10.0.0.0/8'], error_messages: ['TypeError*'], releases: ['1.*'] });
    expect(project.client_security).toEqual(expect.objectContaining({ verify_tls_ssl: true }));
    const monitor = find('sentry_metric_monitor');
    expect(monitor.condition_group.conditions[0]).toEqual({ type: 'gt', comparison: 100, condition_result: 75 });
    expect(monitor.issue_detection).toEqual({ type: 'percent', comparison_delta: 3600 });
    const alert = find('sentry_alert');
    expect(Array.isArray(alert.action_filters)).toBe(true);
    expect(alert.action_filters[0].actions).toContainEqual({
      pagerduty: { integration_id: '7', service_id: '8', service_name: 'ESG API', severity: 'critical' },
    });
    expect(alert.action_filters[0].actions).toContainEqual({ plugin: {} });
    expect(alert.trigger_conditions).toEqual([
      { first_seen_event: {} },
      { issue_resolved_trigger: {} },
      { reappeared_event: {} },
      { regression_event: {} },
    ]);
  });

  it('passes map keys through unchanged', () => {
    expect(find('grafana_data_source').http_headers).toEqual(VERBATIM_MAP);
    const contactPoint = find('grafana_contact_point');
    expect(contactPoint.webhook[0].headers).toEqual(VERBATIM_MAP);
    expect(contactPoint.pagerduty[0].details).toEqual(VERBATIM_MAP);
    expect(contactPoint.email[0].settings).toEqual(VERBATIM_MAP);
    const rule = find('grafana_rule_group').rule[0];
    expect(rule.labels).toEqual({ severity: 'critical', 'team/owner': 'platform' });
    expect(rule.annotations).toEqual({ summary: 'API errors', __dashboardUid__: 'esg-api', __panelId__: '2' });
  });

  it('never emits computed-only or deprecated attributes', () => {
    expect(find('grafana_folder')).not.toHaveProperty('url');
    expect(find('grafana_dashboard')).not.toHaveProperty('uid');
    const key = find('sentry_key');
    for (const attr of ['dsn', 'dsn_public', 'dsn_secret', 'dsn_csp', 'public', 'secret', 'project_id']) {
      expect(key).not.toHaveProperty(attr);
    }
    expect(find('sentry_team')).not.toHaveProperty('team_id');
    expect(find('sentry_organization_integration', 'data')).not.toHaveProperty('internal_id');
  });

  it('re-exports every module through the provider index files, as cdktf get lays them out', () => {
    expect(Object.keys(grafanaIndex).sort()).toEqual(
      ['contactPoint', 'dashboard', 'dataSource', 'folder', 'messageTemplate', 'muteTiming', 'notificationPolicy', 'provider', 'ruleGroup'].sort(),
    );
    expect(Object.keys(sentryIndex).sort()).toEqual(
      [
        'alert', 'dataSentryOrganizationIntegration', 'dataSentryProjectErrorMonitor', 'dataSentryProjectIssueStreamMonitor',
        'integrationPagerduty', 'key', 'metricMonitor', 'project', 'provider', 'team',
      ].sort(),
    );
    expect(grafanaIndex.ruleGroup.RuleGroup.tfResourceType).toBe('grafana_rule_group');
    expect(sentryIndex.dataSentryProjectErrorMonitor.DataSentryProjectErrorMonitor.tfResourceType).toBe('sentry_project_error_monitor');
  });
});

describe('providers', () => {
  it('declare required_providers with source and version constraint', () => {
    const json = synth(() => undefined);
    expect(json.terraform.required_providers).toEqual({
      grafana: { source: 'grafana/grafana', version: '~> 4.45' },
      sentry: { source: 'jianyuan/sentry', version: '~> 0.15.4' },
    });
  });

  it('need no credentials in the configuration: every provider attribute is optional (GRAFANA_URL/GRAFANA_AUTH/SENTRY_AUTH_TOKEN come from the environment)', () => {
    for (const name of ['grafana', 'sentry']) {
      const required = Object.entries(providerSchemaOf(name).attributes ?? {}).filter(([, attr]) => attr.required);
      expect(required).toEqual([]);
    }
    expect(providerSchemaOf('grafana').attributes?.auth).toEqual(expect.objectContaining({ optional: true, sensitive: true }));
    expect(providerSchemaOf('sentry').attributes?.token).toEqual(expect.objectContaining({ optional: true, sensitive: true }));

    const json = synth(() => undefined);
    expect(json.provider.grafana).toEqual([{}]);
    expect(json.provider.sentry).toEqual([{}]);
  });

  it('bind every provider attribute, conform to the provider schemas and keep header names verbatim', () => {
    const json = synth(
      () => undefined,
      (scope) => {
        new GrafanaProvider(scope, 'grafana', GRAFANA_PROVIDER_FULL);
        new GrafanaProvider(scope, 'grafana-other-org', { alias: 'other', orgId: 3 });
        new SentryProvider(scope, 'sentry', { baseUrl: 'https://sentry.example.com/api/', token: 't' });
      },
    );
    const [grafana, other] = json.provider.grafana;
    expect(checkProviderAgainstSchema('grafana', grafana)).toEqual([]);
    expect(uncoveredProviderAttributes('grafana', grafana)).toEqual([]);
    expect(grafana.http_headers).toEqual(VERBATIM_MAP);
    expect(grafana.frontend_o11y_api_url).toBe('https://faro.example.com');
    expect(other).toEqual({ alias: 'other', org_id: 3 });
    const [sentry] = json.provider.sentry;
    expect(checkProviderAgainstSchema('sentry', sentry)).toEqual([]);
    expect(uncoveredProviderAttributes('sentry', sentry)).toEqual([]);
  });
});

describe('token references across resources', () => {
  it('resolve to Terraform expressions', () => {
    const json = synth((scope) => {
      const folder = new Folder(scope, 'folder', { title: 'ESG', uid: 'esg' });
      new RuleGroup(scope, 'rules', {
        folderUid: folder.uid,
        name: 'api',
        intervalSeconds: 60,
        rule: [{ name: 'r', condition: 'A', data: [{ refId: 'A', datasourceUid: 'prom', model: '{}', relativeTimeRange: { from: 60, to: 0 } }] }],
      });

      const team = new Team(scope, 'team', { organization: 'acme', name: 'Platform' });
      const project = new Project(scope, 'project', { organization: 'acme', name: 'API', teams: [team.slug] });
      const key = new Key(scope, 'key', { organization: 'acme', project: project.slug, name: 'api' });
      new TerraformOutput(scope, 'dsn', { value: key.dsn.lookup('public'), sensitive: true });

      const integration = new DataSentryOrganizationIntegration(scope, 'pd-integration', { organization: 'acme', providerKey: 'pagerduty', name: 'PagerDuty' });
      const pd = new IntegrationPagerduty(scope, 'pd', { organization: 'acme', integrationId: integration.id, service: 'API', integrationKey: 'k' });
      const errors = new DataSentryProjectErrorMonitor(scope, 'errors', { organization: 'acme', project: project.slug });
      new Alert(scope, 'alert', {
        organization: 'acme',
        name: 'errors',
        frequencyMinutes: 30,
        monitorIds: [errors.id],
        actionFilters: [
          {
            logicType: 'any',
            actions: [{ pagerduty: { integrationId: pd.integrationId, serviceId: pd.id, serviceName: pd.service, severity: 'default' } }],
          },
        ],
      });
    });

    expect(json.resource!.grafana_rule_group.rules.folder_uid).toBe('${grafana_folder.folder.uid}');
    expect(json.output!.dsn).toEqual({ value: '${sentry_key.key.dsn["public"]}', sensitive: true });
    expect(json.resource!.sentry_project.project.teams).toEqual(['${sentry_team.team.slug}']);
    expect(json.resource!.sentry_key.key.project).toBe('${sentry_project.project.slug}');
    expect(json.resource!.sentry_integration_pagerduty.pd.integration_id).toBe('${data.sentry_organization_integration.pd-integration.id}');
    const alert = json.resource!.sentry_alert.alert;
    expect(alert.monitor_ids).toEqual(['${data.sentry_project_error_monitor.errors.id}']);
    expect(alert.action_filters[0].actions[0].pagerduty).toEqual({
      integration_id: '${sentry_integration_pagerduty.pd.integration_id}',
      service_id: '${sentry_integration_pagerduty.pd.id}',
      service_name: '${sentry_integration_pagerduty.pd.service}',
      severity: 'default',
    });
    for (const [type, bodies] of Object.entries(json.resource!)) {
      for (const body of Object.values(bodies)) {
        expect(checkAgainstSchema(type, body, 'resource')).toEqual([]);
      }
    }
  });

  it('expose nested computed values as tokens', () => {
    const json = synth((scope) => {
      const errors = new DataSentryProjectErrorMonitor(scope, 'errors', { organization: 'acme', project: 'api' });
      const key = new Key(scope, 'key', { organization: 'acme', project: 'api', name: 'api' });
      new TerraformOutput(scope, 'owner', { value: errors.owner.teamId });
      new TerraformOutput(scope, 'sdk', { value: key.javascriptLoaderScript.browserSdkVersion });
      new TerraformOutput(scope, 'secret', { value: key.secret, sensitive: true });
    });
    expect(json.output!.owner.value).toBe('${data.sentry_project_error_monitor.errors.owner.team_id}');
    expect(json.output!.sdk.value).toBe('${sentry_key.key.javascript_loader_script.browser_sdk_version}');
    expect(json.output!.secret.value).toBe('${sentry_key.key.secret}');
  });
});

describe('the schema checker', () => {
  it('reports unknown, computed-only, deprecated and missing required attributes', () => {
    expect(checkAgainstSchema('grafana_folder', { titel: 'x', url: 'u' })).toEqual([
      'grafana_folder.titel: "titel" is not an attribute or block of the schema at this level',
      'grafana_folder.url: computed-only (read-only) attribute "url" is emitted',
      'grafana_folder.title: required attribute is missing',
    ]);
    expect(checkAgainstSchema('sentry_key', { organization: 'o', project: 'p', name: 'n', dsn_public: 'x' })).toEqual([
      'sentry_key.dsn_public: deprecated attribute "dsn_public" is emitted',
      'sentry_key.dsn_public: computed-only (read-only) attribute "dsn_public" is emitted',
    ]);
    expect(checkAgainstSchema('sentry_organization_integration', { organization: 'o', name: 'n' }, 'data')).toEqual([
      'data.sentry_organization_integration.provider_key: required attribute is missing',
    ]);
  });

  it('reports wrong nesting, counts and types', () => {
    const rule = {
      name: 'r',
      data: [{ ref_id: 'A', datasource_uid: 'd', model: '{}', relative_time_range: [{ from: 1, to: 0 }, { from: 2, to: 0 }] }],
    };
    expect(checkAgainstSchema('grafana_rule_group', { name: 'g', folder_uid: 'f', interval_seconds: '60s', rule: [rule] })).toEqual([
      'grafana_rule_group.interval_seconds: expected number, got "60s"',
      'grafana_rule_group.rule[0].data[0].relative_time_range: allows at most 1 element(s), has 2',
    ]);
    expect(checkAgainstSchema('grafana_rule_group', { name: 'g', folder_uid: 'f', interval_seconds: 60, rule: [] })).toEqual([
      'grafana_rule_group.rule: needs at least 1 element(s), has 0',
    ]);
    expect(checkAgainstSchema('grafana_contact_point', { name: 'n', email: { addresses: ['a@b.c'] } })).toEqual([
      'grafana_contact_point.email: block "email" (set, no max 1) must be a JSON array of objects, got a single object',
    ]);
    expect(checkAgainstSchema('sentry_project', { name: 'n', organization: 'o', teams: ['t'], filters: [{ releases: ['1.*'] }] })).toEqual([
      'sentry_project.filters: nested attribute "filters" has single nesting and must be a JSON object, got an array',
    ]);
    expect(
      checkAgainstSchema('sentry_alert', {
        organization: 'o', name: 'n', frequency_minutes: 5, monitor_ids: ['1'],
        action_filters: { logic_type: 'any', actions: [{ pagerduty: { integration_id: '1' } }] },
      }),
    ).toEqual(['sentry_alert.action_filters: nested attribute "action_filters" has list nesting and must be a JSON array, got {"logic_type":"any","actions":[{"pagerduty":{"integration_id":"1"}}]}']);
    expect(
      checkAgainstSchema('sentry_alert', {
        organization: 'o', name: 'n', frequency_minutes: 5, monitor_ids: ['1'],
        action_filters: [{ logic_type: 'any', actions: [{ pagerduty: { integration_id: '1' } }] }],
      }),
    ).toEqual([
      'sentry_alert.action_filters[0].actions[0].pagerduty.service_id: required attribute is missing',
      'sentry_alert.action_filters[0].actions[0].pagerduty.service_name: required attribute is missing',
      'sentry_alert.action_filters[0].actions[0].pagerduty.severity: required attribute is missing',
    ]);
  });

  it('knows the notification policy depth limit and the required group_by of the fifth level', () => {
    const level = (child?: object[]): Record<string, unknown> => ({ contact_point: 'c', ...(child ? { policy: child } : {}) });
    const tooDeep = [level([level([level([level([level([level()])])])])])];
    expect(checkAgainstSchema('grafana_notification_policy', { contact_point: 'c', group_by: ['...'], policy: tooDeep })).toEqual([
      'grafana_notification_policy.policy[0].policy[0].policy[0].policy[0].policy[0].policy: "policy" is not an attribute or block of the schema at this level',
      'grafana_notification_policy.policy[0].policy[0].policy[0].policy[0].policy[0].group_by: required attribute is missing',
    ]);
  });

  it('accepts Terraform expressions and ignores meta-arguments', () => {
    expect(
      checkAgainstSchema('grafana_rule_group', {
        name: 'g', folder_uid: '${grafana_folder.f.uid}', interval_seconds: '${var.interval}', rule: '${local.rules}',
        depends_on: ['grafana_folder.f'], provider: 'grafana.other', lifecycle: { prevent_destroy: true }, '//': { metadata: {} },
      }),
    ).toEqual([]);
  });
});
