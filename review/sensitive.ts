/**
 * Which synthesized attributes hold secrets, so the synth diff never prints them.
 *
 * Secrets that come from sensitive Terraform variables synthesize as their
 * `${var.x}` reference and are safe to show; this table catches the rest: a
 * literal someone typed into an attribute whose provider schema marks it
 * sensitive (or whose name says it is a credential).
 */

interface SensitiveAttribute {
  /** Attribute (or map key) name, as written in cdk.tf.json. */
  readonly name: string;
  /** Only when the attribute sits directly under this block or map, e.g. `slack`. @default any parent */
  readonly parent?: string;
  /** Only in this resource type (or `provider.<name>`). @default any type */
  readonly type?: string;
  /** Why it is secret: the schema flag or what the value grants. */
  readonly why: string;
}

const SENSITIVE_ATTRIBUTES: readonly SensitiveAttribute[] = [
  { name: 'integration_key', why: 'PagerDuty Events API routing key (Grafana contact point, Sentry integration)' },
  { name: 'service_key', why: 'PagerDuty routing key in Datadog\'s PagerDuty service object' },
  { name: 'url', parent: 'slack', why: 'Slack incoming-webhook URL: posting to it needs nothing else' },
  { name: 'url', parent: 'slack_webhooks', why: 'Slack incoming-webhook URL of DigitalOcean app alerts' },
  { name: 'api_key', why: 'API key (Datadog log destination, notifier settings)' },
  { name: 'password', why: 'password' },
  { name: 'basic_auth_password', why: 'webhook basic-auth password' },
  { name: 'authorization_credentials', why: 'webhook Authorization header credentials' },
  { name: 'token', why: 'API token (Grafana Slack notifier, providers)' },
  { name: 'auth', type: 'provider.grafana', why: 'Grafana service-account token' },
  { name: 'secure_json_data_encoded', why: 'Grafana data-source secrets (schema: sensitive)' },
  { name: 'settings', type: 'grafana_contact_point', why: 'free-form notifier settings (schema: sensitive map)' },
  { name: 'secret', why: 'shared secret (e.g. HMAC)' },
  { name: 'value', type: 'datadog_synthetics_global_variable', why: 'synthetics global variable value (schema: sensitive)' },
  { name: 'value', parent: 'env', type: 'digitalocean_app', why: 'app environment value (schema: sensitive; SECRET ones are credentials)' },
  { name: 'Authorization', parent: 'request_headers', why: 'bearer token a synthetic test sends' },
];

/** The mask shown in place of a secret. */
const MASK = '(sensitive)';

/**
 * Whether the value at this path is secret. `keys` are the object keys from the
 * resource body down to the value (array positions left out).
 */
export function isSensitivePath(type: string, keys: readonly string[]): boolean {
  return keys.some((key, i) => SENSITIVE_ATTRIBUTES.some((rule) =>
    rule.name === key &&
    (rule.type === undefined || rule.type === type) &&
    (rule.parent === undefined || keys[i - 1] === rule.parent)));
}

const INTERPOLATION = /\$\{[^{}]*\}/g;

/**
 * A value made only of Terraform references (`${var.slack_webhook_alerts}`,
 * `${pagerduty_service_integration.x.integration_key}`) names where a secret
 * comes from without containing it, so it may be shown.
 */
function isReferenceOnly(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${') && value.replace(INTERPOLATION, '').trim() === '';
}

/** The value with every secret leaf below `keys` replaced by MASK (JSON held in strings included). */
export function maskDeep(type: string, keys: readonly string[], value: unknown): unknown {
  if (isSensitivePath(type, keys)) return isReferenceOnly(value) ? value : MASK;
  if (Array.isArray(value)) return value.map((v) => maskDeep(type, keys, v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(type, [...keys, k], v)]));
  }
  const parsed = parseJsonContainer(value);
  if (parsed !== undefined) {
    const masked = maskDeep(type, keys, parsed);
    return JSON.stringify(masked) === JSON.stringify(parsed) ? value : JSON.stringify(masked);
  }
  return value;
}

/** A string holding a JSON object or array, parsed; undefined for anything else. */
export function parseJsonContainer(value: unknown): object | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!(text.startsWith('{') && text.endsWith('}')) && !(text.startsWith('[') && text.endsWith(']'))) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
