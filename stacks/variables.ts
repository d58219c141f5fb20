import { TerraformVariable } from 'cdktf';
import { appSecretVariable } from '../config/app-spec';
import { Construct } from 'constructs';

/**
 * The secrets that resources need, as sensitive Terraform variables. Values come
 * from `TF_VAR_<name>` at plan/apply time and never appear in cdk.tf.json.
 * The table is the single list `npm run doctor` checks.
 */
export const SECRET_VARIABLES = {
  slack_webhook_alerts: 'Slack incoming-webhook URL of the alerts channel (critical and warning).',
  slack_webhook_monitoring: 'Slack incoming-webhook URL of the monitoring channel (info).',
  postgres_password: 'Password of the read-only PostgreSQL user behind the business dashboard.',
  synthetics_api_token: 'Bearer token the Datadog synthetic test sends to POST /analyze.',
  datadog_logs_api_key: 'Datadog API key: App Platform ships logs with it, the Datadog Agent component sends traces with it, and Grafana posts its watchdog heartbeat with it.',
} as const;
export type SecretVariableName = keyof typeof SECRET_VARIABLES;

export type SecretVariables = Record<SecretVariableName, TerraformVariable>;

/** Declares every secret variable at the stack's top level, so each has a plain name. */
export function declareSecretVariables(stack: Construct): SecretVariables {
  const entries = Object.entries(SECRET_VARIABLES).map(([name, description]) =>
    [name, new TerraformVariable(stack, name, { type: 'string', sensitive: true, nullable: false, description })]);
  return Object.fromEntries(entries) as SecretVariables;
}

/**
 * One sensitive variable per secret the app's components read (`digitalocean.app.secretEnv`
 * and its workers' and jobs'), named `app_secret_<key in lowercase>`. A name that two
 * components share is one variable. Returns each key's value, by reference.
 */
export function declareAppSecretVariables(stack: Construct, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of [...new Set(keys)].sort()) {
    values[key] = new TerraformVariable(stack, appSecretVariable(key), {
      type: 'string', sensitive: true, nullable: false,
      description: `Value of the app's secret variable ${key} (App Platform stores it encrypted).`,
    }).value;
  }
  return values;
}
