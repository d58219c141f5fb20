import { EnvironmentConfig } from '../config/types';
import { StackJson } from '../review/data-bearing';
import { ProcessEnv } from './requirements';
import { liveDsnCheck } from './live-dsn-check';
import { spacesLockProbe } from './spaces-lock-probe';

/**
 * The checks of `npm run doctor -- <env> --online`: what only the vendors' APIs
 * can answer before a deploy. Each check is a function of the same shape, so the
 * doctor runs them all and tests point them at loopback servers.
 */

/** Vendor API base URLs, overridable so that tests point at loopback. */
export interface VendorUrls {
  readonly grafana: string;
  readonly sentry: string;
  readonly pagerduty: string;
  readonly datadog: string;
  readonly digitalocean: string;
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

export const ONLINE_CHECKS: readonly OnlineCheck[] = [spacesLockProbe(), liveDsnCheck];
