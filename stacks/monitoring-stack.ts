import { resolve } from 'node:path';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AlertDefinition } from '../catalog/alerts';
import { ServiceDefinition } from '../catalog/services';
import { SloDefinition } from '../catalog/slos';
import { TERRAFORM_REQUIRED_VERSION } from '../config/terraform';
import { EnvironmentConfig } from '../config/types';
import { backendOf, configureBackend } from './backend';
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
  /**
   * Directory Terraform runs this stack in (`<outdir>/stacks/<env>`): the local
   * backend's state path is written relative to it.
   * @default `cdktf.out/stacks/<env>` under the current directory
   */
  readonly workingDirectory?: string;
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
    configureBackend(this, backendOf(env, props.workingDirectory ?? resolve('cdktf.out', 'stacks', env.name)));
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
