import { StackJson } from './data-bearing';
import { asArray, Body, referencedResources, resolve, resources, str } from './stack-refs';

/**
 * Where a notification really arrives, whichever tool sends it: the Slack channel,
 * the PagerDuty service, the e-mail address. Grafana names a contact point,
 * Datadog a `@handle`, Sentry an action, DigitalOcean a webhook and a channel; all
 * of them that reach Slack #alerts are one destination, `Slack #alerts`.
 *
 * The identity is read from the synthesized stack itself, following Terraform
 * references to the resource that receives the notification (a Grafana PagerDuty
 * contact point holds `${pagerduty_service_integration.x.integration_key}`, whose
 * `service` is the PagerDuty service), so both sides of a pull request resolve the
 * same way, from what Terraform would apply, and no vendor name is pattern-matched.
 * The one exception is Datadog's `@slack-…` handle, which names a channel only by
 * Datadog's convention (`@slack-<channel>` or `@slack-<account>-<channel>`): it is
 * matched against the channels the stack's other notifiers post to.
 */
export interface Destination {
  readonly kind: 'slack' | 'pagerduty' | 'email' | 'webhook' | 'other';
  /** The channel (`#alerts`), the PagerDuty service's name, the address. */
  readonly target: string;
}

const KIND_LABEL: Readonly<Record<Destination['kind'], string>> = {
  slack: 'Slack',
  pagerduty: 'PagerDuty',
  email: 'E-mail',
  webhook: 'Webhook',
  other: '',
};

/** How people name a destination: `Slack #alerts`, `PagerDuty ESG Scraper API (production)`, `E-mail alerts@example.com`. */
export function destinationLabel(destination: Destination): string {
  return `${KIND_LABEL[destination.kind]} ${destination.target}`.trim();
}

/**
 * The PagerDuty service a key, id or name belongs to, found by following references
 * (integration → service, Datadog service object → integration → service, Sentry's
 * PagerDuty service → service) a few hops deep. `fallback` names it when the chain
 * ends outside the stack (a literal key or a service looked up elsewhere).
 */
function pagerdutyService(stack: StackJson, value: unknown, fallback: string): Destination {
  let frontier = referencedResources(stack, value);
  for (let hop = 0; hop < 4 && frontier.length > 0; hop++) {
    const service = frontier.find((r) => r.type === 'pagerduty_service');
    if (service) return { kind: 'pagerduty', target: resolve(stack, service.body.name) };
    frontier = frontier.flatMap((r) => Object.values(r.body).flatMap((v) => referencedResources(stack, v)));
  }
  return { kind: 'pagerduty', target: fallback };
}

/** Slack channels a stack's notifiers name outright (Grafana recipients, Sentry actions, DigitalOcean webhooks). */
function knownSlackChannels(stack: StackJson): Set<string> {
  const channels = new Set<string>();
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string' && (key === 'recipient' || key === 'channel_name' || key === 'channel') && value.startsWith('#')) {
      channels.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((v) => walk(v, key));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(stack.resource);
  return channels;
}

/** Resolves the destinations of one synthesized stack. */
export class DestinationResolver {
  private readonly contactPoints = new Map<string, Destination[]>();
  private channels?: Set<string>;

  constructor(private readonly stack: StackJson) {
    for (const [, body] of resources(stack, 'grafana_contact_point')) {
      const name = str(body.name);
      if (name) this.contactPoints.set(name, this.grafanaReceivers(body));
    }
  }

  /** What a Grafana contact point notifies: one destination per receiver block. */
  private grafanaReceivers(body: Body): Destination[] {
    const out: Destination[] = [];
    for (const [kind, blocks] of Object.entries(body)) {
      if (!Array.isArray(blocks) || kind === 'depends_on') continue;
      for (const block of asArray(blocks)) {
        switch (kind) {
          case 'slack':
            out.push({ kind: 'slack', target: resolve(this.stack, block.recipient ?? '(webhook channel)') });
            break;
          case 'pagerduty':
            out.push(pagerdutyService(this.stack, block.integration_key, `(key of contact point ${str(body.name)})`));
            break;
          case 'email':
            for (const address of (Array.isArray(block.addresses) ? block.addresses : [])) out.push({ kind: 'email', target: String(address) });
            break;
          case 'webhook':
            out.push({ kind: 'webhook', target: resolve(this.stack, block.url) });
            break;
          default:
            out.push({ kind: 'other', target: `${kind} (contact point ${str(body.name)})` });
        }
      }
    }
    return out;
  }

  /** A Grafana contact point by name; one that is not in the stack stays a name. */
  grafanaContactPoint(name: string): Destination[] {
    return this.contactPoints.get(name) ?? [{ kind: 'other', target: `contact point ${name}` }];
  }

  /** A Datadog notification handle: `@pagerduty-<service object>`, `@slack-…`, or an e-mail address. */
  datadogHandle(handle: string): Destination {
    const name = handle.replace(/^@/, '');
    if (name.startsWith('pagerduty-')) {
      const serviceName = name.slice('pagerduty-'.length);
      const object = resources(this.stack, 'datadog_integration_pagerduty_service_object')
        .find(([, body]) => str(body.service_name) === serviceName)?.[1];
      return pagerdutyService(this.stack, object?.service_key, `(Datadog service ${serviceName})`);
    }
    if (name.startsWith('slack-')) {
      const rest = name.slice('slack-'.length);
      this.channels ??= knownSlackChannels(this.stack);
      const known = [...this.channels].find((c) => rest === c.slice(1) || rest.endsWith(`-${c.slice(1)}`));
      return { kind: 'slack', target: known ?? `#${rest}` };
    }
    if (name.includes('@')) return { kind: 'email', target: name };
    return { kind: 'other', target: handle };
  }

  /** A Sentry alert action (`{ slack: {...} }`, `{ pagerduty: {...} }`, …). */
  sentryAction(kind: string, settings: Body): Destination {
    if (kind === 'slack') return { kind: 'slack', target: resolve(this.stack, settings.channel_name ?? settings.channel) };
    if (kind === 'pagerduty') {
      return pagerdutyService(this.stack, settings.service_name ?? settings.service_id, resolve(this.stack, settings.service_name ?? settings.service_id));
    }
    if (kind === 'email') return { kind: 'email', target: resolve(this.stack, settings.target_identifier ?? settings.target_type ?? 'Sentry e-mail') };
    return { kind: 'other', target: `Sentry ${kind}` };
  }
}
