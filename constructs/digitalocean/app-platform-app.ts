import { App, AppSpecAlertDestinations } from '@cdktf/provider-digitalocean/lib/app';
import { Construct } from 'constructs';
import { AppComponentAlert, AppLevelAlert, PlatformRecipients } from '../../catalog/platform-alerts';

export interface AppHealthCheck {
  /** HTTP path the platform probes. */
  readonly httpPath: string;
  /** @default 10 */
  readonly initialDelaySeconds?: number;
  /** @default 10 */
  readonly periodSeconds?: number;
  /** @default 3 */
  readonly timeoutSeconds?: number;
  /** @default 1 */
  readonly successThreshold?: number;
  /** @default 3 */
  readonly failureThreshold?: number;
}

export interface AppPlatformServiceProps {
  /** Component name: lowercase letters, digits and `-`. */
  readonly name: string;
  readonly github: { readonly repo: string; readonly branch: string; readonly deployOnPush: boolean };
  readonly instanceSizeSlug: string;
  readonly instanceCount: number;
  readonly httpPort: number;
  readonly healthCheck: AppHealthCheck;
  /**
   * Variables given to this component only, stored as App Platform secrets (type SECRET,
   * run time only). Values are usually references, e.g. a Sentry DSN.
   * @default {}
   */
  readonly secretEnv?: Readonly<Record<string, string>>;
  /** Ship the component's logs to Datadog. @default undefined (no log shipping) */
  readonly datadogLogs?: { readonly endpoint: string; readonly apiKey: string };
  /**
   * Alerts on this component. App Platform matches alert destinations by rule, so a rule
   * may appear only once per app.
   * @default []
   */
  readonly alerts?: readonly AppComponentAlert[];
}

/**
 * A service component run from a Docker Hub image that only the app's other components
 * reach, on its internal ports (no HTTP port, no route: App Platform does not expose it).
 * Internal ports carry TCP only.
 */
export interface AppPlatformInternalServiceProps {
  /** Component name: the host name the other components reach it by. */
  readonly name: string;
  /**
   * The Docker Hub image: `registry` is the account (`datadog`), `repository` the image
   * (`agent`), `tag` e.g. a major version (`7`), which follows its minor releases on each deploy.
   */
  readonly dockerHubImage: { readonly registry: string; readonly repository: string; readonly tag: string };
  readonly instanceSizeSlug: string;
  /** TCP ports the component listens on; the first one is health-checked. */
  readonly internalPorts: readonly number[];
  /**
   * Plain variables of this component only (type GENERAL, run time only).
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Variables of this component only, stored as App Platform secrets (type SECRET).
   * @default {}
   */
  readonly secretEnv?: Readonly<Record<string, string>>;
}

export interface AppPlatformAppProps {
  /** App name: a lowercase DNS label of 2-32 characters. */
  readonly name: string;
  /** App Platform region slug, e.g. `fra`. */
  readonly region: string;
  readonly service: AppPlatformServiceProps;
  /**
   * Components beside the service that only the app itself reaches (e.g. a Datadog Agent).
   * @default []
   */
  readonly internalServices?: readonly AppPlatformInternalServiceProps[];
  /**
   * Host names the app answers on; the first is its PRIMARY domain, the others ALIAS.
   * @default [] (only the app's default `*.ondigitalocean.app` URL)
   */
  readonly domains?: readonly string[];
  /**
   * Plain variables for every component of the app (type GENERAL, run time only).
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Alerts on the app as a whole (deployments, domains).
   * @default []
   */
  readonly alerts?: readonly AppLevelAlert[];
  /** Who every alert notifies. Each alert carries them explicitly: see the class comment. */
  readonly recipients: PlatformRecipients;
}

/**
 * A DigitalOcean App Platform app with one service, its environment, log shipping
 * and its alerts. App Platform alerts exist only inside the app spec, so the stack
 * that declares them must own the app (import an existing one; see README).
 *
 * Every alert carries explicit destinations. The provider sets destinations only
 * after deploying, matching alerts by rule, and syncs the app-level ones only when
 * the *first* app-level alert has destinations; an alert without them is then
 * probably sent empty lists and notifies nobody (read from the provider's code).
 *
 * Two known perpetual diffs are ignored (lifecycle.ignore_changes), so a plan right
 * after an apply is empty; each would otherwise redeploy the app on every apply:
 *  - SECRET variables: the API returns them encrypted (`EV[1:…]`) and the provider
 *    stores that verbatim (digitalocean/terraform-provider-digitalocean#514, #1603).
 *    Secrets therefore live in the service's own `env`, which holds nothing else, and
 *    that one set is ignored; the app-level plain variables stay managed. An internal
 *    service with a secret has its whole `env` ignored, its plain variables included.
 *  - Alert destinations: the provider never reads them back (#1606). Each alert's
 *    `destinations` is ignored by its index (both alert lists are lists, not sets,
 *    in digitalocean/digitalocean 2.71, so `spec[0].alert[0].destinations` is a valid path).
 * The cost: after the first apply, Terraform no longer pushes a changed secret value
 * or changed alert recipients. Nor does it push the recipients of an alert added
 * later: an app-level one never (the provider syncs app-level destinations only when
 * the first app-level alert has some, and that one's are ignored), a component one
 * only when appended at the end (at an index the state already has, its destinations
 * are ignored too). Set them in the control panel, or with `doctl apps list-alerts
 * <app-id>` then `doctl apps update-alert-destinations <app-id> <alert-id>
 * --app-alert-destinations <file>`; or re-create the app with `terraform apply
 * -replace=<address>` (a new app: new default URL, a redeploy, brief downtime).
 */
export class AppPlatformApp extends Construct {
  readonly app: App;
  /** The attribute paths this app's lifecycle ignores, in order. */
  readonly ignoredChanges: readonly string[];

  constructor(scope: Construct, id: string, props: AppPlatformAppProps) {
    super(scope, id);
    const { service } = props;
    const destinations: AppSpecAlertDestinations = {
      emails: [...props.recipients.emails],
      slackWebhooks: [{ channel: props.recipients.slack.channel, url: props.recipients.slack.url }],
    };
    const appAlerts = props.alerts ?? [];
    const componentAlerts = service.alerts ?? [];
    const secretEnv = Object.entries(service.secretEnv ?? {});

    const internalServices = props.internalServices ?? [];
    const envOf = (plain: Readonly<Record<string, string>>, secret: Readonly<Record<string, string>>) => [
      ...Object.entries(plain).map(([key, value]) => ({ key, value, type: 'GENERAL', scope: 'RUN_TIME' })),
      ...Object.entries(secret).map(([key, value]) => ({ key, value, type: 'SECRET', scope: 'RUN_TIME' })),
    ];

    this.ignoredChanges = [
      ...(secretEnv.length > 0 ? ['spec[0].service[0].env'] : []),
      // An internal service with a secret: its whole env is ignored, plain variables included (see the class comment).
      ...internalServices.flatMap((c, i) => Object.keys(c.secretEnv ?? {}).length > 0 ? [`spec[0].service[${i + 1}].env`] : []),
      ...appAlerts.map((_, i) => `spec[0].alert[${i}].destinations`),
      ...componentAlerts.map((_, i) => `spec[0].service[0].alert[${i}].destinations`),
    ];

    this.app = new App(this, 'app', {
      spec: {
        name: props.name,
        region: props.region,
        domain: (props.domains ?? []).map((name, i) => ({ name, type: i === 0 ? 'PRIMARY' : 'ALIAS' })),
        env: Object.entries(props.env ?? {}).map(([key, value]) => ({ key, value, type: 'GENERAL', scope: 'RUN_TIME' })),
        alert: appAlerts.map((alert) => ({ rule: alert.rule, destinations })),
        service: [{
          name: service.name,
          github: { repo: service.github.repo, branch: service.github.branch, deployOnPush: service.github.deployOnPush },
          instanceSizeSlug: service.instanceSizeSlug,
          instanceCount: service.instanceCount,
          httpPort: service.httpPort,
          healthCheck: {
            httpPath: service.healthCheck.httpPath,
            initialDelaySeconds: service.healthCheck.initialDelaySeconds ?? 10,
            periodSeconds: service.healthCheck.periodSeconds ?? 10,
            timeoutSeconds: service.healthCheck.timeoutSeconds ?? 3,
            successThreshold: service.healthCheck.successThreshold ?? 1,
            failureThreshold: service.healthCheck.failureThreshold ?? 3,
          },
          env: secretEnv.map(([key, value]) => ({ key, value, type: 'SECRET', scope: 'RUN_TIME' })),
          logDestination: service.datadogLogs
            ? [{ name: 'datadog', datadog: { endpoint: service.datadogLogs.endpoint, apiKey: service.datadogLogs.apiKey } }]
            : undefined,
          alert: componentAlerts.map((alert) => ({
            rule: alert.rule,
            operator: alert.operator,
            value: alert.value,
            window: alert.window,
            destinations,
          })),
        }, ...internalServices.map((c) => ({
          name: c.name,
          image: { registryType: 'DOCKER_HUB', ...c.dockerHubImage },
          instanceSizeSlug: c.instanceSizeSlug,
          instanceCount: 1,
          internalPorts: [...c.internalPorts],
          // No http_port: TCP health check on the first internal port.
          healthCheck: { port: c.internalPorts[0] },
          env: envOf(c.env ?? {}, c.secretEnv ?? {}),
        }))],
      },
      lifecycle: this.ignoredChanges.length > 0 ? { ignoreChanges: [...this.ignoredChanges] } : undefined,
    });
  }
}
