import type { OnlineCheck, OnlineContext, OnlineFinding } from './online-checks';
import { credential } from './vendor-api';

/**
 * Whether the running app sends errors to the current Sentry key. The app's
 * `SENTRY_DSN` is under `ignore_changes` (App Platform returns SECRET values
 * encrypted, so Terraform would redeploy on every plan): a new key never reaches
 * the app by itself, and after a rotation the app keeps sending to a revoked DSN.
 *
 * What can be compared: the DigitalOcean API (GET /v2/apps/{id}) returns a SECRET
 * variable's value encrypted (`EV[…]`: "the value will be encrypted on first
 * submission", DigitalOcean's App spec reference), so the DSN itself is only
 * comparable when the variable is GENERAL. For a SECRET, the check compares times
 * instead: a key created after the app's configuration last changed
 * (`app.updated_at` against the key's `dateCreated`) cannot be the one the app
 * holds. Otherwise it says that the value could not be compared.
 */

const CHECK = 'live SENTRY_DSN';

interface DoApp {
  readonly id: string;
  readonly updated_at?: string;
  readonly spec?: { readonly name?: string; readonly services?: readonly { readonly name?: string; readonly envs?: readonly DoEnv[] }[] };
}
interface DoEnv { readonly key: string; readonly value?: string; readonly type?: string }
interface SentryKey { readonly name: string; readonly isActive?: boolean; readonly dateCreated?: string; readonly dsn?: { readonly public?: string } }

/** The name the stack gives its Sentry client key (the one the app's DSN should come from). */
function managedKeyName(ctx: OnlineContext): string | undefined {
  const keys = (ctx.stack.resource?.sentry_key ?? {}) as Record<string, { name?: string }>;
  return Object.values(keys)[0]?.name;
}

async function getJson<T>(ctx: OnlineContext, url: string, token: string): Promise<{ status: number; body?: T }> {
  const response = await ctx.fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  return { status: response.status, body: response.ok ? ((await response.json()) as T) : undefined };
}

export const liveDsnCheck: OnlineCheck = async (ctx: OnlineContext): Promise<OnlineFinding[]> => {
  const fail = (detail: string, fix?: string): OnlineFinding[] => [{ check: CHECK, ok: false, detail, ...(fix ? { fix } : {}) }];
  const doToken = credential(ctx, ['DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN'])?.value;
  const sentryToken = credential(ctx, ['SENTRY_AUTH_TOKEN', 'SENTRY_TOKEN'])?.value;
  if (doToken === undefined || sentryToken === undefined) {
    return fail('DIGITALOCEAN_TOKEN and SENTRY_AUTH_TOKEN are needed to compare the app\'s DSN with the current key', 'export both and run again');
  }
  const appName = ctx.env.digitalocean.app.name;
  const setByHand = 'set it on the app: `doctl apps spec get <app-id> > spec.yaml`, put `terraform output -raw sentry_dsn` ' +
    'into SENTRY_DSN, `doctl apps update <app-id> --spec spec.yaml`';
  try {
    const list = await getJson<{ apps?: DoApp[] }>(ctx, `${ctx.urls.digitalocean}/v2/apps?per_page=200`, doToken);
    if (list.body === undefined) return fail(`DigitalOcean answered ${list.status} to GET /v2/apps`, 'check DIGITALOCEAN_TOKEN (read access to apps)');
    const listed = (list.body.apps ?? []).find((a) => a.spec?.name === appName);
    if (listed === undefined) return [{ check: CHECK, ok: true, detail: `no app named ${appName} yet: the first deploy creates it with the current DSN` }];
    const got = await getJson<{ app?: DoApp }>(ctx, `${ctx.urls.digitalocean}/v2/apps/${listed.id}`, doToken);
    const app = got.body?.app;
    if (app === undefined) return fail(`DigitalOcean answered ${got.status} to GET /v2/apps/${listed.id}`);
    const live = (app.spec?.services ?? []).flatMap((s) => s.envs ?? []).find((e) => e.key === 'SENTRY_DSN');
    if (live === undefined || (live.value ?? '') === '') return fail(`the app ${appName} has no SENTRY_DSN: it reports no errors`, setByHand);

    const { organization, projectSlug } = ctx.env.sentry;
    const keys = await getJson<SentryKey[]>(ctx, `${ctx.urls.sentry}/api/0/projects/${organization}/${projectSlug}/keys/`, sentryToken);
    if (keys.body === undefined) return fail(`Sentry answered ${keys.status} to the client keys of ${organization}/${projectSlug}`, 'check SENTRY_AUTH_TOKEN (project:read)');
    const name = managedKeyName(ctx);
    const current = keys.body.find((k) => k.name === name);
    if (current === undefined || current.dsn?.public === undefined) {
      return fail(`Sentry has no client key named ${name} in ${organization}/${projectSlug}: the stack has not created it yet, or it was deleted`);
    }
    if (current.isActive === false) return fail(`the client key ${name} is disabled in Sentry: the app's events are dropped`, 'enable it, or deploy to replace it');

    if (!(live.value ?? '').startsWith('EV[')) {
      return live.value === current.dsn.public
        ? [{ check: CHECK, ok: true, detail: `the app sends to the current key (${name}); its SENTRY_DSN is ${live.type ?? 'GENERAL'}, compared as is` }]
        : fail(`the app's SENTRY_DSN is not the DSN of the current key ${name}: it sends errors to another or a revoked key`, setByHand);
    }
    const keyCreated = Date.parse(current.dateCreated ?? '');
    const appUpdated = Date.parse(app.updated_at ?? '');
    if (Number.isFinite(keyCreated) && Number.isFinite(appUpdated) && keyCreated > appUpdated) {
      return fail(`the current key ${name} was created at ${current.dateCreated}, after the app's configuration last changed ` +
        `(${app.updated_at}): the app's encrypted SENTRY_DSN is an older key's`, setByHand);
    }
    return [{ check: CHECK, ok: true, detail: 'the app\'s SENTRY_DSN is a SECRET, which DigitalOcean returns encrypted (EV[…]): the value ' +
      `cannot be compared. Its configuration changed at ${app.updated_at ?? 'an unknown time'}, after the current key ${name} was created ` +
      `(${current.dateCreated ?? 'unknown'}), so it can hold that key; to be sure after a rotation, ${setByHand}` }];
  } catch (error) {
    return fail(`a vendor API could not be reached: ${(error as Error).message}`, 'check the network and run again');
  }
};
