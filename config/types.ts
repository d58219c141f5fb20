/**
 * The typed shape of one environment's configuration.
 *
 * Everything a stack needs that is not a secret lives here. Secrets never do:
 * provider credentials come from each provider's own environment variables, and
 * the few secrets that resources need (Slack webhooks, the PostgreSQL password,
 * the synthetic-test bearer token, the Datadog key for log shipping) are
 * sensitive Terraform variables, listed in `stacks/variables.ts`.
 */

export const ENVIRONMENT_NAMES = ['staging', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** DigitalOcean uptime-check regions; the Datadog synthetic tests run from the same places. */
export const UPTIME_REGIONS = ['us_east', 'us_west', 'eu_west', 'se_asia'] as const;
export type UptimeRegion = (typeof UPTIME_REGIONS)[number];

/** cdktf's LocalBackend default: `terraform.<stack>.tfstate` in the project root. */
export function defaultLocalStatePath(env: string): string {
  return `terraform.${env}.tfstate`;
}

/** Where Terraform keeps this environment's state. */
export type BackendConfig =
  | {
      readonly type: 'local';
      /**
       * Path of the state file, relative to the project root (where synth and
       * cdktf run), outside the synth output directory: synth replaces the files
       * in there. A local file suits one person's machine only, never CI.
       * @default `terraform.<env>.tfstate` (cdktf's own default)
       */
      readonly path?: string;
    }
  | {
      /** An S3-compatible bucket: DigitalOcean Spaces. Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
      readonly type: 's3';
      readonly bucket: string;
      readonly key: string;
      /** Spaces region, e.g. `fra1`. */
      readonly region: string;
      /** Spaces endpoint, e.g. `https://fra1.digitaloceanspaces.com`. */
      readonly endpoint: string;
    }
  | {
      /**
       * Terraform's PostgreSQL backend (advisory locks), e.g. on a DigitalOcean Managed
       * PostgreSQL. The connection string holds a password, so it is never in config: the
       * backend reads it from PG_CONN_STR.
       */
      readonly type: 'pg';
      /** Schema that holds the state table; one per environment, e.g. `monitoring_production`. */
      readonly schemaName: string;
    };

/** A recurring window in which warning and info alerts are muted (a Grafana mute timing). */
export interface MaintenanceWindow {
  /** Mute-timing name; letters, digits, `-` and `_`. */
  readonly name: string;
  /** Lowercase weekdays or ascending ranges, as Grafana takes them, e.g. `['sunday']` or `['monday:friday']`. */
  readonly weekdays: readonly string[];
  /** `hh:mm` in `location`, inclusive. */
  readonly startTime: string;
  /** `hh:mm` in `location`, exclusive, after `startTime`; `24:00` is the end of the day. */
  readonly endTime: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  readonly location: string;
  /** Severities whose routes this window silences. Critical alerts are never muted. */
  readonly severities: readonly Exclude<Severity, 'critical'>[];
}

/** The on-call rotation: a PagerDuty schedule with one layer. */
export interface OnCallRotation {
  /** E-mail addresses of the PagerDuty users who take turns, in rotation order, each once. */
  readonly responderEmails: readonly string[];
  /** Whether a turn is counted in weeks or in days. */
  readonly length: 'weekly' | 'daily';
  /**
   * Weeks (or days) per turn.
   * @default 1
   */
  readonly turnLength?: number;
  /** Local time at which one responder hands over to the next, `hh:mm`. */
  readonly handoffTime: string;
  /** IANA time zone of the handoff and of the schedule, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /**
   * Day of the first handoff, `yyyy-mm-dd`: the first responder's turn starts then, and the
   * rotation counts from it. A fixed date, so that every synth writes the same schedule.
   */
  readonly startDate: string;
}

/** Who is paged after the rotation: PagerDuty users (all at once) or an existing schedule. Set exactly one. */
export interface SecondLine {
  /**
   * E-mail addresses of PagerDuty users paged together (at most 5, PagerDuty's limit per rule).
   * @default undefined (use `scheduleName`)
   */
  readonly responderEmails?: readonly string[];
  /**
   * Name of an existing PagerDuty schedule, looked up by name.
   * @default undefined (use `responderEmails`)
   */
  readonly scheduleName?: string;
  /** Minutes the second line has to acknowledge before the policy starts again from the rotation. */
  readonly escalationDelayMinutes: number;
}

/** The PagerDuty business service that a status page shows (the page itself is set up by hand: README). */
export interface StatusPageConfig {
  /** Name of the business service users see, e.g. `ESG Scraper API`. */
  readonly businessServiceName: string;
  /** Who owns it, as PagerDuty shows it (free text). */
  readonly pointOfContact: string;
  /** Public URL of the status page, e.g. `https://status.blueprintbuddy.io`. */
  readonly url: string;
}

export interface PagerdutyConfig {
  readonly rotation: OnCallRotation;
  /** Minutes the on-call responder has to acknowledge before the page escalates (to the second line, or round again). */
  readonly escalationDelayMinutes: number;
  /**
   * Paged when the on-call responder does not acknowledge in time.
   * @default undefined (no second line: the rotation is paged again)
   */
  readonly secondLine?: SecondLine;
  /** How many times the escalation policy repeats when nobody acknowledges (PagerDuty allows 0 to 9). */
  readonly numLoops: number;
  /**
   * Business services for a public status page that follows incidents.
   * @default undefined (no business services)
   */
  readonly statusPage?: StatusPageConfig;
}

export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  /** Whether critical alerts page the on-call engineer through PagerDuty. Staging never pages. */
  readonly pagesOnCall: boolean;

  readonly grafana: {
    /** Public URL of Grafana, used for dashboard links (the provider's own URL comes from GRAFANA_URL). */
    readonly publicUrl: string;
    /**
     * Grafana organization that holds this environment's folder, rules and notification policy.
     * The notification policy is one tree per organization, so no two environments may share one.
     */
    readonly orgId: number;
    /** URL Grafana uses to query Prometheus. */
    readonly prometheusUrl: string;
    /** The business-metrics database (password: sensitive variable `postgres_password`). */
    readonly postgres: {
      readonly host: string;
      readonly database: string;
      readonly user: string;
    };
  };

  readonly sentry: {
    /** Organization slug. */
    readonly organization: string;
    /**
     * The team that owns this environment's project. Each environment owns its own
     * team, so that destroying staging can never delete what production uses.
     */
    readonly teamSlug: string;
    readonly teamName: string;
    readonly projectSlug: string;
    /** Client-key rate limit: at most `count` events per `windowSeconds`. */
    readonly rateLimit: { readonly count: number; readonly windowSeconds: number };
    /** Names of the Sentry organization integrations, looked up by data source. */
    readonly slackIntegrationName: string;
    readonly pagerdutyIntegrationName: string;
  };

  /**
   * Who is paged, and the public status page. Required where `pagesOnCall` is true;
   * an environment that never pages declares no PagerDuty object, so it has none.
   * @default undefined (no PagerDuty resources)
   */
  readonly pagerduty?: PagerdutyConfig;

  readonly slack: {
    /** Channel for critical and warning alerts. */
    readonly alertsChannel: string;
    /** Channel for info alerts. */
    readonly monitoringChannel: string;
  };

  /** Team members' e-mail addresses for DigitalOcean alerts (they must be DigitalOcean team members). */
  readonly alertEmails: readonly string[];

  readonly digitalocean: {
    readonly region: string;
    /**
     * The App Platform app that runs the primary service: the whole spec, since an apply
     * removes from the live app whatever the spec leaves out (see `AppConfig`).
     */
    readonly app: AppConfig;
    /** Names of the managed database clusters to alert on. */
    readonly databases: { readonly mongodb: string; readonly redis: string };
    /** Uptime-check regions. */
    readonly uptimeRegions: readonly UptimeRegion[];
  };

  readonly datadog: {
    /** Datadog site, e.g. `datadoghq.eu`: it decides the log-intake and app URLs. */
    readonly site: string;
  };

  /**
   * Resources that already exist, by the id their vendor's API uses: synth writes a
   * Terraform `import` block for each, so the first apply takes them over instead of
   * creating duplicates (README, "First deploy").
   * @default {} (the stack creates everything)
   */
  readonly adopt?: AdoptionConfig;

  /**
   * Per-alert threshold overrides, keyed by alert id then severity.
   * @default {} (the catalog's thresholds)
   */
  readonly thresholdOverrides?: Readonly<Record<string, Partial<Record<Severity, number>>>>;

  /** @default [] */
  readonly maintenanceWindows?: readonly MaintenanceWindow[];

  readonly backend: BackendConfig;
}

/**
 * How App Platform builds and starts a component from the repository: with a buildpack
 * (`environmentSlug`, usually with `runCommand`) or a Dockerfile (`dockerfilePath`).
 * Copy the values from the live app (`doctl apps spec get <app-id>`): `npm run doctor --
 * <env> --online` compares them with it.
 */
export interface ComponentRuntime {
  /**
   * Repository directory the component builds from.
   * @default undefined (the repository root)
   */
  readonly sourceDir?: string;
  /**
   * Buildpack, as App Platform names it (e.g. `python`). Set this or `dockerfilePath`.
   * @default undefined (use `dockerfilePath`)
   */
  readonly environmentSlug?: string;
  /**
   * Dockerfile path from the repository root. Set this or `environmentSlug`.
   * @default undefined (use `environmentSlug`)
   */
  readonly dockerfilePath?: string;
  /**
   * Command run after the build, e.g. `pip install -r requirements.txt`.
   * @default undefined (the buildpack's own build)
   */
  readonly buildCommand?: string;
  /**
   * Command that starts the component, e.g. `uvicorn app.main:app --host 0.0.0.0 --port 8000`.
   * @default undefined (the Dockerfile's CMD; a buildpack needs one)
   */
  readonly runCommand?: string;
}

/**
 * Variables of one component. Plain values are written into the spec; secret ones are
 * named only: each value comes from the sensitive Terraform variable
 * `app_secret_<name in lowercase>` (TF_VAR_app_secret_...), never from config.
 */
export interface ComponentEnv {
  /**
   * Plain variables (type GENERAL, run time).
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Names of secret variables (type SECRET, run time), e.g. `OPENAI_API_KEY`.
   * @default []
   */
  readonly secretEnv?: readonly string[];
}

/** A component that runs without serving HTTP, e.g. a queue consumer. */
export interface AppWorkerConfig extends ComponentRuntime, ComponentEnv {
  /** Component name: lowercase letters, digits and `-`, 2-32 characters. */
  readonly name: string;
  readonly instanceSizeSlug: string;
  /** @default 1 */
  readonly instanceCount?: number;
}

/** A component that runs to completion around a deploy, e.g. a database migration. */
export interface AppJobConfig extends ComponentRuntime, ComponentEnv {
  readonly name: string;
  /** When it runs: before a deploy, after one, or after a failed one. */
  readonly kind: 'PRE_DEPLOY' | 'POST_DEPLOY' | 'FAILED_DEPLOY';
  readonly instanceSizeSlug: string;
}

/** The variables App Platform gives a bound managed database (App Platform docs, "bindable variables"). */
export const DATABASE_BINDABLE_VARIABLES = ['DATABASE_URL', 'HOSTNAME', 'PORT', 'USERNAME', 'PASSWORD', 'DATABASE', 'CA_CERT'] as const;
export type DatabaseBindableVariable = (typeof DATABASE_BINDABLE_VARIABLES)[number];

/** A managed database cluster bound to the app, whose connection details the app reads as variables. */
export interface AppDatabaseBinding {
  /** Component name of the binding; the spec refers to its variables as `${<name>.DATABASE_URL}`. */
  readonly name: string;
  /** Which of `digitalocean.databases` it is. */
  readonly cluster: 'mongodb' | 'redis';
  /**
   * App-level variables set from the binding: variable name to bindable variable,
   * e.g. `{ MONGODB_URL: 'DATABASE_URL' }`.
   * @default {}
   */
  readonly env?: Readonly<Record<string, DatabaseBindableVariable>>;
  /**
   * Database the app connects to.
   * @default undefined (the cluster's default database)
   */
  readonly dbName?: string;
  /**
   * User the app connects as.
   * @default undefined (the cluster's default user)
   */
  readonly dbUser?: string;
}

export interface AppConfig {
  /** App name: lowercase letters, digits and `-`, 2-32 characters. */
  readonly name: string;
  readonly github: { readonly repo: string; readonly branch: string; readonly deployOnPush: boolean };
  readonly instanceSizeSlug: string;
  readonly instanceCount: number;
  readonly httpPort: number;
  /**
   * Name of the API's service component. An adopted app keeps the name its component has:
   * App Platform matches components by name, so another one replaces it.
   * @default the primary service's id (catalog/services.ts)
   */
  readonly componentName?: string;
  /** How the API is built and started. */
  readonly runtime: ComponentRuntime;
  /**
   * Every plain variable of the app (app level, type GENERAL, run time), besides the ones
   * the stack sets itself (ENVIRONMENT, LOG_*, DD_*). The stack owns this list: a live
   * variable missing here is removed by an apply (doctor --online and the plan gate say so).
   * @default {}
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Names of the API's secret variables besides SENTRY_DSN, e.g. `JWT_SECRET`; values come
   * from TF_VAR_app_secret_<name in lowercase>.
   * @default []
   */
  readonly secretEnv?: readonly string[];
  /**
   * Managed databases bound to the app.
   * @default []
   */
  readonly databases?: readonly AppDatabaseBinding[];
  /**
   * Worker components of the app.
   * @default []
   */
  readonly workers?: readonly AppWorkerConfig[];
  /**
   * Job components of the app.
   * @default []
   */
  readonly jobs?: readonly AppJobConfig[];
}

/**
 * What already exists in an environment and is taken over rather than created, each by
 * the id its API uses (and that `terraform import` takes). Every entry becomes one
 * Terraform `import` block on the resource's own address.
 */
export interface AdoptionConfig {
  readonly digitalocean?: {
    /**
     * The App Platform app's id (a UUID: `doctl apps list`, or the control panel URL).
     * @default undefined (the stack creates the app)
     */
    readonly appId?: string;
  };
  readonly sentry?: {
    /**
     * Slug of the existing team; it must be `sentry.teamSlug`.
     * @default undefined (the stack creates the team)
     */
    readonly teamSlug?: string;
    /**
     * Slug of the existing project; it must be `sentry.projectSlug`.
     * @default undefined (the stack creates the project)
     */
    readonly projectSlug?: string;
    /**
     * Id of the project's existing client key (Project Settings → Client Keys: the
     * 32-hex public key of the DSN).
     * @default undefined (the stack creates a key)
     */
    readonly keyId?: string;
  };
  readonly pagerduty?: {
    /**
     * Id of the existing PagerDuty service (the last part of its URL, e.g. `PABC123`).
     * @default undefined (the stack creates it)
     */
    readonly serviceId?: string;
    /** @default undefined (the stack creates it) */
    readonly escalationPolicyId?: string;
    /** @default undefined (the stack creates it) */
    readonly scheduleId?: string;
    /** The status page's business service (the product). @default undefined (the stack creates it) */
    readonly businessServiceId?: string;
  };
  readonly grafana?: {
    /**
     * Uid of the existing folder; the stack's folder takes this uid.
     * @default undefined (the stack creates folder `esg-scraper-<env>`)
     */
    readonly folderUid?: string;
    /**
     * Take over the organization's notification policy tree. It is one per organization
     * and always exists; without this, the first apply replaces it silently, and with it
     * the plan shows what it removes (the plan gate blocks that).
     * @default false
     */
    readonly notificationPolicy?: boolean;
    /**
     * Names of existing contact points the stack declares (e.g. `esg-scraper-production-slack-alerts`).
     * @default [] (the stack creates them)
     */
    readonly contactPoints?: readonly string[];
  };
  readonly datadog?: {
    /**
     * Existing monitors, by the name the stack gives them, to their numeric ids.
     * @default {}
     */
    readonly monitors?: Readonly<Record<string, number>>;
    /**
     * Existing synthetic tests, by the name the stack gives them, to their public ids (`abc-def-ghi`).
     * @default {}
     */
    readonly syntheticTests?: Readonly<Record<string, string>>;
  };
}
