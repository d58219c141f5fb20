import { App, AppSpecAlertDestinations } from '@cdktf/provider-digitalocean/lib/app';
import { Fn } from 'cdktf';
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

/** How App Platform builds and starts a component from the repository. */
export interface AppPlatformRuntime {
  /** @default undefined (the repository root) */
  readonly sourceDir?: string;
  /** Buildpack slug, e.g. `python`. @default undefined (a Dockerfile) */
  readonly environmentSlug?: string;
  /** @default undefined (a buildpack) */
  readonly dockerfilePath?: string;
  /** @default undefined (the buildpack's own build) */
  readonly buildCommand?: string;
  /** @default undefined (the Dockerfile's CMD) */
  readonly runCommand?: string;
}

export interface AppPlatformServiceProps {
  /** Component name: lowercase letters, digits and `-`. */
  readonly name: string;
  readonly github: { readonly repo: string; readonly branch: string; readonly deployOnPush: boolean };
  /** @default {} (App Platform's detection) */
  readonly runtime?: AppPlatformRuntime;
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

/** A component from the app's repository that serves no HTTP (a worker) or runs around deploys (a job). */
export interface AppPlatformWorkerProps {
  readonly name: string;
  readonly runtime: AppPlatformRuntime;
  readonly instanceSizeSlug: string;
  /** @default 1 */
  readonly instanceCount?: number;
  /** Plain variables of this component (GENERAL, run time). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Secret variables of this component (SECRET, run time), usually references. @default {} */
  readonly secretEnv?: Readonly<Record<string, string>>;
}

export interface AppPlatformJobProps extends Omit<AppPlatformWorkerProps, 'instanceCount'> {
  readonly kind: 'PRE_DEPLOY' | 'POST_DEPLOY' | 'FAILED_DEPLOY';
}

/** A managed database cluster bound to the app. */
export interface AppPlatformDatabaseProps {
  /** Binding name: the app's variables refer to `${<name>.<VARIABLE>}`. */
  readonly name: string;
  /** App Platform's engine name, e.g. `MONGODB`, `REDIS`. */
  readonly engine: string;
  readonly clusterName: string;
  /** App-level variables set from the binding: name to bindable variable (e.g. `DATABASE_URL`). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** @default undefined (the cluster's default database) */
  readonly dbName?: string;
  /** @default undefined (the cluster's default user) */
  readonly dbUser?: string;
}

/**
 * A part of the spec the stack deliberately leaves as the live app has it, with why:
 * each becomes one `ignore_changes` path.
 */
export interface IgnoredSpecPath {
  readonly path: string;
  readonly reason: string;
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
   * Worker components, built from the service's repository.
   * @default []
   */
  readonly workers?: readonly AppPlatformWorkerProps[];
  /**
   * Job components, built from the service's repository.
   * @default []
   */
  readonly jobs?: readonly AppPlatformJobProps[];
  /**
   * Managed databases bound to the app.
   * @default []
   */
  readonly databases?: readonly AppPlatformDatabaseProps[];
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
 * that declares them must own the app (an existing one is adopted: README, "First deploy").
 * Owning the app means owning its whole spec: an apply removes what the spec leaves out,
 * so the props carry the runtime, variables, bindings and every worker and job, and
 * what the stack deliberately leaves alone is under `ignore_changes` (`UNOWNED`).
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
  /**
   * Parts of an app spec this construct never declares, so that an apply leaves them as
   * the live app has them instead of removing them (`ignore_changes`, with the reason).
   */
  static readonly UNOWNED: readonly IgnoredSpecPath[] = [
    { path: 'spec[0].ingress', reason: 'routing rules: App Platform writes the default ones itself, and the API is served at the root' },
    { path: 'spec[0].static_site', reason: 'static sites are no part of the API' },
    { path: 'spec[0].function', reason: 'functions are no part of the API' },
    { path: 'spec[0].egress', reason: 'dedicated egress IPs are a network choice made in the control panel' },
    { path: 'spec[0].vpc', reason: 'VPC attachment is a network choice made in the control panel' },
    { path: 'spec[0].maintenance', reason: 'maintenance mode is switched on and off in the control panel' },
    { path: 'spec[0].features', reason: 'App Platform sets build features such as buildpack-stack itself' },
  ];

  readonly app: App;
  /** The attribute paths this app's lifecycle ignores, in order, each with its reason. */
  readonly ignored: readonly IgnoredSpecPath[];
  /** The paths of `ignored`, as written to `lifecycle.ignore_changes`. */
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
    const workers = props.workers ?? [];
    const jobs = props.jobs ?? [];
    const databases = props.databases ?? [];

    const envOf = (plain: Readonly<Record<string, string>>, secret: Readonly<Record<string, string>>) => [
      ...Object.entries(plain).map(([key, value]) => ({ key, value, type: 'GENERAL', scope: 'RUN_TIME' })),
      ...Object.entries(secret).map(([key, value]) => ({ key, value, type: 'SECRET', scope: 'RUN_TIME' })),
    ];
    const SECRET_REASON = 'SECRET values come back encrypted (EV[1:…]): without this every plan would redeploy the app (provider #514, #1603)';
    const DESTINATIONS_REASON = 'alert destinations are never read back by the provider (#1606)';
    const hasSecret = (c: { readonly secretEnv?: Readonly<Record<string, string>> }) => Object.keys(c.secretEnv ?? {}).length > 0;

    this.ignored = [
      ...(secretEnv.length > 0 ? [{ path: 'spec[0].service[0].env', reason: SECRET_REASON }] : []),
      // A component with a secret: its whole env is ignored, plain variables included (see the class comment).
      ...internalServices.flatMap((c, i) => hasSecret(c) ? [{ path: `spec[0].service[${i + 1}].env`, reason: SECRET_REASON }] : []),
      ...workers.flatMap((c, i) => hasSecret(c) ? [{ path: `spec[0].worker[${i}].env`, reason: SECRET_REASON }] : []),
      ...jobs.flatMap((c, i) => hasSecret(c) ? [{ path: `spec[0].job[${i}].env`, reason: SECRET_REASON }] : []),
      ...appAlerts.map((_, i) => ({ path: `spec[0].alert[${i}].destinations`, reason: DESTINATIONS_REASON })),
      ...componentAlerts.map((_, i) => ({ path: `spec[0].service[0].alert[${i}].destinations`, reason: DESTINATIONS_REASON })),
      ...AppPlatformApp.UNOWNED,
    ];
    this.ignoredChanges = this.ignored.map((i) => i.path);

    // Bindable variables are App Platform's own `${component.VARIABLE}` syntax, which
    // Terraform would read as an interpolation: rawString writes them escaped (`$${…}`).
    const bindings = databases.flatMap((db) => Object.entries(db.env ?? {}).map(([key, variable]) =>
      ({ key, value: Fn.rawString(`\${${db.name}.${variable}}`), type: 'GENERAL', scope: 'RUN_TIME' })));
    const fromRepository = (runtime: AppPlatformRuntime) => ({
      github: { repo: service.github.repo, branch: service.github.branch, deployOnPush: service.github.deployOnPush },
      sourceDir: runtime.sourceDir,
      environmentSlug: runtime.environmentSlug,
      dockerfilePath: runtime.dockerfilePath,
      buildCommand: runtime.buildCommand,
      runCommand: runtime.runCommand,
    });

    this.app = new App(this, 'app', {
      spec: {
        name: props.name,
        region: props.region,
        domain: (props.domains ?? []).map((name, i) => ({ name, type: i === 0 ? 'PRIMARY' : 'ALIAS' })),
        env: [...envOf(props.env ?? {}, {}), ...bindings],
        alert: appAlerts.map((alert) => ({ rule: alert.rule, destinations })),
        database: databases.length > 0
          ? databases.map((db) => ({ name: db.name, engine: db.engine, clusterName: db.clusterName, production: true, dbName: db.dbName, dbUser: db.dbUser }))
          : undefined,
        service: [{
          name: service.name,
          ...fromRepository(service.runtime ?? {}),
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
        worker: workers.length > 0
          ? workers.map((c) => ({
            name: c.name,
            ...fromRepository(c.runtime),
            instanceSizeSlug: c.instanceSizeSlug,
            instanceCount: c.instanceCount ?? 1,
            env: envOf(c.env ?? {}, c.secretEnv ?? {}),
          }))
          : undefined,
        job: jobs.length > 0
          ? jobs.map((c) => ({
            name: c.name,
            kind: c.kind,
            ...fromRepository(c.runtime),
            instanceSizeSlug: c.instanceSizeSlug,
            env: envOf(c.env ?? {}, c.secretEnv ?? {}),
          }))
          : undefined,
      },
      lifecycle: { ignoreChanges: [...this.ignoredChanges] },
    });
  }
}
