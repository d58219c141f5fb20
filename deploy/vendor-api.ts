import type { OnlineContext } from './online-checks';

/** The first of `names` that is set in the environment, with its (never printed) value. */
export function credential(ctx: Pick<OnlineContext, 'processEnv'>, names: readonly string[]): { name: string; value: string } | undefined {
  const name = names.find((n) => (ctx.processEnv[n] ?? '').trim() !== '');
  return name === undefined ? undefined : { name, value: ctx.processEnv[name]!.trim() };
}

/** How long one vendor request may take before the check reports the host unreachable. */
const TIMEOUT_MS = 15_000;

/** A GET's status and parsed JSON body (undefined when the body is not JSON); throws when the host cannot be reached. */
export async function getJson(ctx: OnlineContext, url: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await ctx.fetch(url, { method: 'GET', headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: undefined };
  }
}

