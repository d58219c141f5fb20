import { Testing } from 'cdktf';
import { AppPlatformApp, AppPlatformAppProps } from '../../../constructs/digitalocean/app-platform-app';

const RECIPIENTS = { emails: ['ops@example.com'], slack: { channel: '#ops', url: 'https://hooks.example.com/x' } };
const BASE: AppPlatformAppProps = {
  name: 'api-qa',
  region: 'ams',
  recipients: RECIPIENTS,
  service: {
    name: 'api',
    github: { repo: 'acme/api', branch: 'qa', deployOnPush: false },
    instanceSizeSlug: 'apps-s-1vcpu-1gb',
    instanceCount: 1,
    httpPort: 8080,
    healthCheck: { httpPath: '/livez' },
  },
};
const CPU = { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 70, window: 'TEN_MINUTES', summary: 'cpu' } as const;
const RESTARTS = { rule: 'RESTART_COUNT', operator: 'GREATER_THAN', value: 5, window: 'ONE_HOUR', summary: 'restarts' } as const;

/** What the construct never declares, ignored so that an apply keeps it as the live app has it. */
const UNOWNED = ['spec[0].ingress', 'spec[0].static_site', 'spec[0].function', 'spec[0].egress', 'spec[0].vpc', 'spec[0].maintenance', 'spec[0].features'];

function appOf(props: AppPlatformAppProps): any {
  const json = JSON.parse(Testing.synthScope((scope) => { new AppPlatformApp(scope, 'app', props); }));
  const apps = Object.values(json.resource.digitalocean_app) as any[];
  expect(apps).toHaveLength(1);
  return apps[0];
}

describe('AppPlatformApp (DigitalOcean)', () => {
  it('with no secret and no alert, ignores only what it never declares, and ships no logs', () => {
    const app = appOf(BASE);
    expect(app.lifecycle.ignore_changes).toEqual(UNOWNED);
    expect(AppPlatformApp.UNOWNED.every((u) => u.reason.length > 20)).toBe(true); // each with its reason
    expect(app.spec.env).toEqual([]);
    expect(app.spec.alert).toEqual([]);
    expect(app.spec.service[0].env).toEqual([]);
    expect(app.spec.service[0].alert).toEqual([]);
    expect(app.spec.service[0].log_destination).toBeUndefined();
  });

  it('sets every health-check field, so the API\'s defaults cannot show up as a diff', () => {
    expect(appOf(BASE).spec.service[0].health_check).toEqual({
      http_path: '/livez', initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, success_threshold: 1, failure_threshold: 3,
    });
    const custom = appOf({ ...BASE, service: { ...BASE.service, healthCheck: { httpPath: '/x', failureThreshold: 9, timeoutSeconds: 1 } } });
    expect(custom.spec.service[0].health_check).toMatchObject({ http_path: '/x', failure_threshold: 9, timeout_seconds: 1 });
  });

  it('ignores the secret env set and each alert\'s destinations by index, and nothing else', () => {
    const app = appOf({
      ...BASE,
      env: { A: '1' },
      alerts: [{ rule: 'DEPLOYMENT_FAILED', summary: 'x' }],
      service: { ...BASE.service, secretEnv: { TOKEN: 'ref' }, alerts: [CPU, RESTARTS] },
    });
    expect(app.lifecycle.ignore_changes).toEqual([
      'spec[0].service[0].env',
      'spec[0].alert[0].destinations',
      'spec[0].service[0].alert[0].destinations',
      'spec[0].service[0].alert[1].destinations',
      ...UNOWNED,
    ]);
    expect(app.spec.env).toEqual([{ key: 'A', value: '1', type: 'GENERAL', scope: 'RUN_TIME' }]);
    expect(app.spec.service[0].env).toEqual([{ key: 'TOKEN', value: 'ref', type: 'SECRET', scope: 'RUN_TIME' }]);
  });

  it('ignores only paths Terraform can address: it indexes into lists of the provider schema, never into a set', () => {
    let construct: AppPlatformApp | undefined;
    Testing.synthScope((scope) => {
      construct = new AppPlatformApp(scope, 'app', {
        ...BASE,
        alerts: [{ rule: 'DEPLOYMENT_FAILED', summary: 'x' }],
        service: { ...BASE.service, secretEnv: { TOKEN: 'ref' }, alerts: [CPU] },
      });
    });
    const { spec } = construct!.app;
    // The bindings mirror digitalocean/digitalocean 2.71's schema: a list that wraps a set is indexed with tolist().
    const wrapsSet = (block: object) => (block as unknown as { wrapsSet: boolean }).wrapsSet;
    expect(construct!.ignoredChanges).toEqual(['spec[0].service[0].env', 'spec[0].alert[0].destinations', 'spec[0].service[0].alert[0].destinations', ...UNOWNED]);
    expect([wrapsSet(spec.alert), wrapsSet(spec.service), wrapsSet(spec.service.get(0).alert)]).toEqual([false, false, false]);
    // env is a set: Terraform cannot index into it, which is why the whole (secret-only) set is ignored.
    expect(wrapsSet(spec.service.get(0).env)).toBe(true);
  });

  it('gives every alert the recipients explicitly, app-level and component-level alike', () => {
    const app = appOf({
      ...BASE,
      alerts: [{ rule: 'DEPLOYMENT_FAILED', summary: 'x' }, { rule: 'DOMAIN_FAILED', summary: 'y' }],
      service: { ...BASE.service, alerts: [CPU] },
    });
    const destinations = { emails: ['ops@example.com'], slack_webhooks: [{ channel: '#ops', url: 'https://hooks.example.com/x' }] };
    expect(app.spec.alert).toEqual([
      { rule: 'DEPLOYMENT_FAILED', destinations },
      { rule: 'DOMAIN_FAILED', destinations },
    ]);
    expect(app.spec.service[0].alert).toEqual([
      { rule: 'CPU_UTILIZATION', operator: 'GREATER_THAN', value: 70, window: 'TEN_MINUTES', destinations },
    ]);
  });

  it('ships logs to the Datadog endpoint given', () => {
    const app = appOf({ ...BASE, service: { ...BASE.service, datadogLogs: { endpoint: 'https://http-intake.logs.datadoghq.eu', apiKey: 'k' } } });
    expect(app.spec.service[0].log_destination).toEqual([
      { name: 'datadog', datadog: { endpoint: 'https://http-intake.logs.datadoghq.eu', api_key: 'k' } },
    ]);
  });
});

describe('AppPlatformApp: internal services and domains', () => {
  const AGENT = {
    name: 'sidecar',
    dockerHubImage: { registry: 'acme', repository: 'collector', tag: '3' },
    instanceSizeSlug: 'apps-s-1vcpu-0.5gb',
    internalPorts: [4317, 4318],
  };

  it('runs an internal service from Docker Hub on its internal ports only, health-checked over TCP on the first', () => {
    const app = appOf({ ...BASE, internalServices: [{ ...AGENT, env: { MODE: 'x' } }] });
    expect(app.spec.service).toHaveLength(2);
    expect(app.spec.service[1]).toEqual({
      name: 'sidecar',
      image: { registry_type: 'DOCKER_HUB', registry: 'acme', repository: 'collector', tag: '3' },
      instance_size_slug: 'apps-s-1vcpu-0.5gb',
      instance_count: 1,
      internal_ports: [4317, 4318],
      health_check: { port: 4317 },
      env: [{ key: 'MODE', value: 'x', type: 'GENERAL', scope: 'RUN_TIME' }],
    });
    expect(app.lifecycle.ignore_changes).toEqual(UNOWNED); // no secret: no env to ignore
  });

  it('ignores the env of an internal service that holds a secret, at that service\'s index', () => {
    const app = appOf({ ...BASE, internalServices: [AGENT, { ...AGENT, name: 'keyed', secretEnv: { KEY: 'k' } }] });
    expect(app.lifecycle.ignore_changes).toEqual(['spec[0].service[2].env', ...UNOWNED]);
    expect(app.spec.service[2].env).toEqual([{ key: 'KEY', value: 'k', type: 'SECRET', scope: 'RUN_TIME' }]);
  });

  it('makes the first domain PRIMARY and the others ALIAS', () => {
    expect(appOf(BASE).spec.domain).toEqual([]);
    expect(appOf({ ...BASE, domains: ['api.example.com', 'www.example.com'] }).spec.domain).toEqual([
      { name: 'api.example.com', type: 'PRIMARY' }, { name: 'www.example.com', type: 'ALIAS' }]);
  });
});
