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
    readonly app: {
      /** App name: lowercase letters, digits and `-`, 2-32 characters. */
      readonly name: string;
      readonly github: { readonly repo: string; readonly branch: string; readonly deployOnPush: boolean };
      readonly instanceSizeSlug: string;
      readonly instanceCount: number;
      readonly httpPort: number;
    };
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
   * Per-alert threshold overrides, keyed by alert id then severity.
   * @default {} (the catalog's thresholds)
   */
  readonly thresholdOverrides?: Readonly<Record<string, Partial<Record<Severity, number>>>>;

  /** @default [] */
  readonly maintenanceWindows?: readonly MaintenanceWindow[];

  readonly backend: BackendConfig;
}
