import { LocalBackend, S3Backend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlertDefinition } from '../catalog/alerts';
import { ServiceDefinition } from '../catalog/services';
import { SloDefinition } from '../catalog/slos';
import { TERRAFORM_REQUIRED_VERSION } from '../config/terraform';
import { BackendConfig, EnvironmentConfig } from '../config/types';
import { StackContext } from './context';
import { renderDatadog } from './datadog';
import { renderDigitalOcean } from './digitalocean';
import { renderGrafana } from './grafana';
import { renderPagerduty } from './pagerduty';
import { renderSentry } from './sentry';
import { declareSecretVariables } from './variables';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';

/** Versions the prebuilt bindings were generated from. */
const PREBUILT_PROVIDER_VERSIONS = {
  digitalocean: '~> 2.71.0',
  pagerduty: '~> 3.30.8',
  datadog: '~> 3.82.0',
} as const;

export interface MonitoringStackProps {
  /** A validated environment (see config/validate.ts). */
  readonly env: EnvironmentConfig;
  readonly services: readonly ServiceDefinition[];
  /** The environment's alert catalog, already built and checked (see stacks/app.ts). */
  readonly alerts: readonly AlertDefinition[];
  /** The environment's SLOs, already built and checked. */
  readonly slos: readonly SloDefinition[];
}

/**
 * The whole monitoring stack of one environment. The stack's name is the
 * environment's, so `cdktf deploy production` deploys production only.
 *
 * Providers carry no credentials: each reads its own environment variables
 * (DIGITALOCEAN_TOKEN, GRAFANA_URL/GRAFANA_AUTH, SENTRY_AUTH_TOKEN,
 * PAGERDUTY_TOKEN, DD_API_KEY/DD_APP_KEY/DD_HOST) at plan time.
 */
export class MonitoringStack extends TerraformStack {
  constructor(scope: Construct, props: MonitoringStackProps) {
    const { env, services, alerts, slos } = props;
    super(scope, env.name);
    configureBackend(this, env.backend);
    this.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);

    new DigitaloceanProvider(this, 'digitalocean');
    new DatadogProvider(this, 'datadog');
    const pagerduty = renderPagerduty(this, env, services);
    // The prebuilt bindings only ask for `~> 2.19` / `~> 3.0`, but they (and the traps
    // the README names) are for these releases: allow patch releases only.
    for (const [provider, version] of Object.entries(PREBUILT_PROVIDER_VERSIONS)) {
      if (provider === 'pagerduty' && !pagerduty.onCall) continue; // no PagerDuty where nothing pages
      this.addOverride(`terraform.required_providers.${provider}.version`, version);
    }

    const ctx: StackContext = {
      env,
      services,
      alerts,
      slos,
      secrets: declareSecretVariables(this),
      onCall: pagerduty.onCall,
    };

    const grafana = renderGrafana(this, ctx);
    const sentry = renderSentry(this, ctx);
    const digitalocean = renderDigitalOcean(this, ctx, { sentryDsn: sentry.dsn });
    const datadog = renderDatadog(this, ctx);

    const links = {
      ...pagerduty.links,
      ...grafana.links,
      ...sentry.links,
      ...digitalocean.links,
      ...datadog.links,
    };
    for (const [name, value] of Object.entries(links)) {
      new TerraformOutput(this, name, { value, description: `Link: ${name.replace(/_/g, ' ')}` });
    }
  }

  /**
   * cdktf's prepareStack resolves the whole stack once before synthesis, only to
   * discover references to other stacks. Environments never reference each other
   * (a test compares this output with cdktf's full preparation), so that pass, a
   * third of synth time at scale (BENCHMARKS.md), is skipped.
   */
  public override prepareStack(): void {
    this.ensureBackendExists();
  }
}

function configureBackend(stack: TerraformStack, backend: BackendConfig): void {
  if (backend.type === 'local') {
    new LocalBackend(stack, { path: backend.path });
    return;
  }
  // DigitalOcean Spaces speaks S3 but is not AWS: skip the AWS-only checks.
  new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    endpoints: { s3: backend.endpoint },
    skipCredentialsValidation: true,
    skipRegionValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: true,
    skipS3Checksum: true,
  });
}
