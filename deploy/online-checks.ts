import { EnvironmentConfig } from '../config/types';
import { StackJson } from '../review/data-bearing';
import { ESTATE_CHECKS } from './estate-checks';
import { credential, getJson } from './vendor-api';
import { liveDsnCheck } from './live-dsn-check';
import type { ProcessEnv } from './requirements';
import { spacesLockProbe } from './spaces-lock-probe';

/**
 * `npm run doctor -- <env> --online`: asks each vendor, read-only, whether each
 * credential works, before Terraform does. One entry of ONLINE_CHECKS per
 * question; each returns findings and never prints a credential's value (only
 * variable names, HTTP statuses and non-secret fields of the answers).
 */

/** Vendor API base URLs, overridable so that tests point them at loopback. */
export interface VendorUrls {
  /** GRAFANA_URL; undefined when it is not set. */
  readonly grafana?: string;
  readonly sentry: string;
  readonly pagerduty: string;
  /** DD_HOST, or `https://api.<datadog.site>`. */
  readonly datadog: string;
  readonly digitalocean: string;
  /** S3 endpoint of the state bucket; undefined when the backend is not `s3`. */
  readonly spaces?: string;
}

export interface OnlineContext {
  readonly env: EnvironmentConfig;
  readonly processEnv: ProcessEnv;
  readonly fetch: typeof globalThis.fetch;
  readonly stack: StackJson;
  /** vendor base URLs, overridable so tests point at loopback */
  readonly urls: VendorUrls;
}

export interface OnlineFinding {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

export type OnlineCheck = (ctx: OnlineContext) => Promise<OnlineFinding[]>;

/**
 * The lowest Grafana release whose alert-rule API takes the rule uids the stack
 * chooses (`<service>-<alert>-<severity>`): older ones reject or rewrite them
 * (grafana/grafana#98283, fixed in 11.5.2).
 */
export const MIN_GRAFANA_VERSION = '11.5.2';


/** Where each vendor's API lives, from the providers' own defaults and the environment. */
export function defaultVendorUrls(env: EnvironmentConfig, processEnv: ProcessEnv): VendorUrls {
  const set = (name: string) => ((processEnv[name] ?? '').trim() === '' ? undefined : processEnv[name]!.trim().replace(/\/+$/, ''));
  return {
    grafana: set('GRAFANA_URL'),
    sentry: 'https://sentry.io',
    pagerduty: 'https://api.pagerduty.com',
    datadog: set('DD_HOST') ?? set('DATADOG_HOST') ?? `https://api.${env.datadog.site}`,
    digitalocean: 'https://api.digitalocean.com',
    spaces: env.backend.type === 's3' ? env.backend.endpoint : undefined,
  };
}

function usesProvider(ctx: OnlineContext, provider: string): boolean {
  return provider in ((ctx.stack.provider ?? {}) as object);
}

function notAsked(check: string, names: readonly string[]): OnlineFinding {
  return { check, ok: false, detail: `not asked: ${names.join(' or ')} is not set`, fix: `export ${names[0]} and run again` };
}

type Answer = Awaited<ReturnType<typeof getJson>>;

/** A GET that returns the status and parsed JSON body, or a finding when the host cannot be reached. */
async function get(ctx: OnlineContext, check: string, url: string, headers: Record<string, string>): Promise<Answer | OnlineFinding> {
  try {
    return await getJson(ctx, url, headers);
  } catch (error) {
    return {
      check, ok: false,
      detail: `could not reach ${new URL(url).origin}: ${(error as Error).message}`,
      fix: 'check the URL and the network (a proxy, a firewall), then run again',
    };
  }
}

function isFinding(value: Answer | OnlineFinding): value is OnlineFinding {
  return 'check' in value;
}

/** The finding for a credential check from the HTTP status, with the vendor's words for a refusal. */
function byStatus(check: string, answer: Answer, variable: string, what: { ok: string; rejected: string; fix: string }): OnlineFinding {
  if (answer.status >= 200 && answer.status < 300) return { check, ok: true, detail: what.ok };
  if (answer.status === 401 || answer.status === 403) {
    return { check, ok: false, detail: `${variable} ${what.rejected} (HTTP ${answer.status})`, fix: what.fix };
  }
  return { check, ok: false, detail: `unexpected answer, HTTP ${answer.status}`, fix: 'check the vendor\'s status page and run again' };
}

/** Compares dotted versions numerically; pre-release and build suffixes are ignored. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.replace(/^v/, '').split(/[-+ ]/)[0].split('.').map(Number);
  const b = minimum.split('.').map(Number);
  if (a.some(Number.isNaN)) return false;
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  }
  return true;
}

/**
 * Grafana: GET /api/health (no auth) gives the version; GET /api/org with the
 * token gives the organization the token belongs to (Grafana HTTP API, "Current
 * organization"), which must be the environment's grafana.orgId: the provider
 * pins org_id, and a token of another organization cannot manage it.
 */
const grafana: OnlineCheck = async (ctx) => {
  if (!usesProvider(ctx, 'grafana')) return [];
  const token = credential(ctx, ['GRAFANA_AUTH']);
  if (ctx.urls.grafana === undefined) return [notAsked('Grafana', ['GRAFANA_URL'])];
  if (token === undefined) return [notAsked('Grafana', ['GRAFANA_AUTH'])];
  const findings: OnlineFinding[] = [];

  const health = await get(ctx, 'Grafana version', `${ctx.urls.grafana}/api/health`, {});
  if (isFinding(health)) return [health];
  const version = (health.body as { version?: unknown } | undefined)?.version;
  findings.push(typeof version !== 'string'
    ? { check: 'Grafana version', ok: false, detail: `GET /api/health answered HTTP ${health.status} without a version`, fix: 'check GRAFANA_URL: it must be the Grafana base URL' }
    : versionAtLeast(version, MIN_GRAFANA_VERSION)
      ? { check: 'Grafana version', ok: true, detail: `${version} (at least ${MIN_GRAFANA_VERSION})` }
      : {
        check: 'Grafana version', ok: false,
        detail: `${version}; the stack needs at least ${MIN_GRAFANA_VERSION}, whose alerting API keeps the rule uids it chooses (grafana/grafana#98283)`,
        fix: `upgrade Grafana to ${MIN_GRAFANA_VERSION} or later`,
      });

  // A service-account token is a bearer token; "user:password" is basic auth, as the provider reads GRAFANA_AUTH.
  const authorization = token.value.includes(':')
    ? `Basic ${Buffer.from(token.value).toString('base64')}`
    : `Bearer ${token.value}`;
  const org = await get(ctx, 'Grafana token', `${ctx.urls.grafana}/api/org`, { Authorization: authorization });
  if (isFinding(org)) return [...findings, org];
  const tokenFinding = byStatus('Grafana token', org, 'GRAFANA_AUTH', {
    ok: 'accepted', rejected: 'is refused by Grafana',
    fix: `create a service-account token in organization ${ctx.env.grafana.orgId} (Administration → Users and access → Service accounts) with the Editor or Admin role`,
  });
  findings.push(tokenFinding);
  if (tokenFinding.ok) {
    const { id, name } = (org.body ?? {}) as { id?: unknown; name?: unknown };
    findings.push(id === ctx.env.grafana.orgId
      ? { check: 'Grafana organization', ok: true, detail: `the token belongs to organization ${id} (${String(name)}), grafana.orgId` }
      : {
        check: 'Grafana organization', ok: false,
        detail: `the token belongs to organization ${String(id)} (${String(name)}); ${ctx.env.name}'s grafana.orgId is ${ctx.env.grafana.orgId}`,
        fix: `use a service-account token of organization ${ctx.env.grafana.orgId}, or correct grafana.orgId in config/environments.ts`,
      });
  }
  return findings;
};

/** Sentry: GET /api/0/organizations/<org>/ (Sentry API, "Retrieve an Organization"), bearer token. */
const sentry: OnlineCheck = async (ctx) => {
  if (!usesProvider(ctx, 'sentry')) return [];
  const names = ['SENTRY_AUTH_TOKEN', 'SENTRY_TOKEN'];
  const token = credential(ctx, names);
  if (token === undefined) return [notAsked('Sentry token', names)];
  const org = ctx.env.sentry.organization;
  const answer = await get(ctx, 'Sentry token', `${ctx.urls.sentry}/api/0/organizations/${encodeURIComponent(org)}/`, { Authorization: `Bearer ${token.value}` });
  if (isFinding(answer)) return [answer];
  if (answer.status === 404) {
    return [{ check: 'Sentry token', ok: false, detail: `organization "${org}" not found for this token (HTTP 404)`, fix: 'check sentry.organization in config/environments.ts, or use a token of that organization' }];
  }
  return [byStatus('Sentry token', answer, token.name, {
    ok: `accepted for organization "${org}"`, rejected: 'is refused by Sentry',
    fix: `create a token with org:read, project:admin, team:admin and alerts:write for "${org}" (Settings → Auth Tokens or an internal integration)`,
  })];
};

/** PagerDuty: GET /abilities (REST API v2), `Authorization: Token token=<key>`; works for account and user keys alike. */
const pagerduty: OnlineCheck = async (ctx) => {
  if (!usesProvider(ctx, 'pagerduty')) return [];
  const token = credential(ctx, ['PAGERDUTY_TOKEN']);
  if (token === undefined) return [notAsked('PagerDuty token', ['PAGERDUTY_TOKEN'])];
  const answer = await get(ctx, 'PagerDuty token', `${ctx.urls.pagerduty}/abilities`, {
    Authorization: `Token token=${token.value}`,
    Accept: 'application/vnd.pagerduty+json;version=2',
  });
  if (isFinding(answer)) return [answer];
  return [byStatus('PagerDuty token', answer, token.name, {
    ok: 'accepted', rejected: 'is refused by PagerDuty',
    fix: 'create a full-access (not read-only) REST API key: Integrations → API Access Keys',
  })];
};

/**
 * Datadog: GET /api/v1/validate checks the API key (403 when invalid); GET
 * /api/v2/validate_keys checks the API and application keys together (401/403).
 */
const datadog: OnlineCheck = async (ctx) => {
  if (!usesProvider(ctx, 'datadog')) return [];
  const apiNames = ['DD_API_KEY', 'DATADOG_API_KEY'];
  const appNames = ['DD_APP_KEY', 'DATADOG_APP_KEY'];
  const apiKey = credential(ctx, apiNames);
  const appKey = credential(ctx, appNames);
  if (apiKey === undefined) return [notAsked('Datadog API key', apiNames)];
  if (appKey === undefined) return [notAsked('Datadog application key', appNames)];
  const headers = { 'DD-API-KEY': apiKey.value, 'DD-APPLICATION-KEY': appKey.value };

  const api = await get(ctx, 'Datadog API key', `${ctx.urls.datadog}/api/v1/validate`, headers);
  if (isFinding(api)) return [api];
  const apiFinding = byStatus('Datadog API key', api, apiKey.name, {
    ok: `accepted by ${ctx.urls.datadog}`, rejected: `is refused by ${ctx.urls.datadog}`,
    fix: `use an API key of the organization on ${ctx.env.datadog.site} (Organization Settings → API Keys); a key of another site is refused`,
  });
  if (!apiFinding.ok) return [apiFinding];
  const keys = await get(ctx, 'Datadog application key', `${ctx.urls.datadog}/api/v2/validate_keys`, headers);
  if (isFinding(keys)) return [apiFinding, keys];
  return [apiFinding, byStatus('Datadog application key', keys, appKey.name, {
    ok: 'accepted', rejected: 'is refused by Datadog',
    fix: 'create an application key of the same organization (Organization Settings → Application Keys), unscoped or with monitors, synthetics, SLOs, dashboards and integrations write scopes',
  })];
};

/** DigitalOcean: GET /v2/account with the bearer token; the account must be active. */
const digitalocean: OnlineCheck = async (ctx) => {
  if (!usesProvider(ctx, 'digitalocean')) return [];
  const names = ['DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN'];
  const token = credential(ctx, names);
  if (token === undefined) return [notAsked('DigitalOcean token', names)];
  const answer = await get(ctx, 'DigitalOcean token', `${ctx.urls.digitalocean}/v2/account`, { Authorization: `Bearer ${token.value}` });
  if (isFinding(answer)) return [answer];
  const finding = byStatus('DigitalOcean token', answer, token.name, {
    ok: 'accepted', rejected: 'is refused by DigitalOcean',
    fix: 'create a personal access token with read and write scopes (API → Tokens)',
  });
  const status = (answer.body as { account?: { status?: unknown } } | undefined)?.account?.status;
  if (finding.ok && status !== 'active') {
    return [{ check: 'DigitalOcean token', ok: false, detail: `accepted, but the account is ${String(status)}`, fix: 'resolve the account\'s status in the control panel' }];
  }
  return [finding];
};

/** The checks of credentials and the state lock, in the order the report prints them. */
export const CREDENTIAL_CHECKS: readonly OnlineCheck[] = [grafana, sentry, pagerduty, datadog, digitalocean, spacesLockProbe(), liveDsnCheck];

/** Every online check: credentials, then what already exists (deploy/estate-checks.ts). Add a check by adding it to either list. */
export const ONLINE_CHECKS: readonly OnlineCheck[] = [...CREDENTIAL_CHECKS, ...ESTATE_CHECKS];

/** Runs every check; a check that throws becomes a failed finding rather than a crash. */
export async function runOnlineChecks(ctx: OnlineContext, checks: readonly OnlineCheck[] = ONLINE_CHECKS): Promise<OnlineFinding[]> {
  const results = await Promise.all(checks.map((check) => check(ctx).catch((error: Error): OnlineFinding[] => [
    { check: check.name || 'online check', ok: false, detail: `failed: ${error.message}` },
  ])));
  return results.flat();
}

/** The findings as text: names, statuses and fixes, never a value. */
export function formatFindings(findings: readonly OnlineFinding[]): string {
  const lines = ['Online checks (read-only):'];
  for (const f of findings) lines.push(`  ${f.ok ? '✓' : '✗'} ${f.check}: ${f.detail}${f.fix ? `. Fix: ${f.fix}` : ''}`);
  const failed = findings.filter((f) => !f.ok).length;
  lines.push('', failed === 0 ? `All ${findings.length} online checks passed.` : `${failed} of ${findings.length} online checks failed.`);
  return lines.join('\n');
}
