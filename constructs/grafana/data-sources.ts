import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { Problems } from '../../config/validate';
import { DataSource } from '../../providers/grafana/data-source';

/** Grafana plugin ids of the data sources; dashboards put them in their data-source references. */
export const DATA_SOURCE_TYPES = {
  prometheus: 'prometheus',
  // The core PostgreSQL plugin's id since Grafana 10.2; `postgres` is only an alias kept for old provisioning.
  postgres: 'grafana-postgresql-datasource',
} as const;

/** PostgreSQL `sslmode` values that Grafana offers. */
const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type PostgresSslMode = (typeof POSTGRES_SSL_MODES)[number];

export interface PrometheusDataSourceProps {
  /** Unique name in the organization. */
  readonly name: string;
  /** Fixed uid, so alert rules and dashboards can refer to it before it exists. */
  readonly uid: string;
  /** Where Grafana's backend reaches Prometheus, e.g. `http://prometheus.internal:9090`. */
  readonly url: string;
}

export interface PostgresDataSourceProps {
  readonly name: string;
  readonly uid: string;
  /** `host:port`. */
  readonly host: string;
  readonly database: string;
  /** A read-only user: dashboards run whatever SQL they hold. */
  readonly user: string;
  /**
   * The password as a Terraform expression (the `.value` of a sensitive variable),
   * never a literal: it is encoded by Terraform at plan time, so it is absent from cdk.tf.json.
   */
  readonly password: string;
  /**
   * TLS towards the database.
   * @default 'require'
   */
  readonly sslMode?: PostgresSslMode;
}

export interface DataSourcesProps {
  /**
   * Grafana organization id (`org_id`) of every resource: without it, each goes to the
   * organization of the provider's token (see README, "One policy tree per Grafana organization").
   * @default undefined (the token's organization)
   */
  readonly orgId?: string;
  readonly prometheus: PrometheusDataSourceProps;
  readonly postgres: PostgresDataSourceProps;
}

/**
 * The Grafana data sources of one environment: Prometheus for service metrics and
 * PostgreSQL for business metrics. Both are proxied through Grafana's backend.
 */
export class DataSources extends Construct {
  readonly prometheus: DataSource;
  readonly postgres: DataSource;

  constructor(scope: Construct, id: string, props: DataSourcesProps) {
    super(scope, id);
    const { prometheus, postgres } = props;
    const sslMode = postgres.sslMode ?? 'require';
    const problems = new Problems();
    problems.check(POSTGRES_SSL_MODES.includes(sslMode), `${this.node.path}: postgres.sslMode`, sslMode,
      `one of ${POSTGRES_SSL_MODES.join(', ')}`, 'pass a supported mode, or omit it for "require"');
    problems.throwIfAny();

    this.prometheus = new DataSource(this, 'prometheus', {
      orgId: props.orgId,
      type: DATA_SOURCE_TYPES.prometheus,
      name: prometheus.name,
      uid: prometheus.uid,
      url: prometheus.url,
      accessMode: 'proxy',
    });

    this.postgres = new DataSource(this, 'postgres', {
      orgId: props.orgId,
      type: DATA_SOURCE_TYPES.postgres,
      name: postgres.name,
      uid: postgres.uid,
      url: postgres.host,
      username: postgres.user,
      accessMode: 'proxy',
      // Grafana reads the database from jsonData first; the top-level field is its legacy fallback.
      jsonDataEncoded: JSON.stringify({ database: postgres.database, sslmode: sslMode }),
      // Fn.jsonencode keeps this a Terraform expression: the password is encoded at plan time.
      secureJsonDataEncoded: Fn.jsonencode({ password: postgres.password }),
    });
  }
}
