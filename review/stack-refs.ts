import { StackJson } from './data-bearing';

/**
 * Reading a synthesized stack's blocks and following its `${type.name.attribute}`
 * references, shared by the routing reader (routing-graph.ts) and the destination
 * resolver (destinations.ts).
 */

export type Body = Record<string, unknown>;

export function resources(stack: StackJson, type: string): [string, Body][] {
  return Object.entries((stack.resource?.[type] ?? {}) as Record<string, Body>);
}

export function asArray(value: unknown): Body[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Body[];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

const REFERENCE = /\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/**
 * Replaces references to literal attributes of other resources with their value:
 * a policy's `${grafana_contact_point.x.name}` becomes the contact point's name.
 * A reference to something only known after apply is shown by what it names.
 */
export function resolve(stack: StackJson, value: unknown, depth = 0): string {
  const text = str(value) ?? '?';
  return text.replace(REFERENCE, (_whole, data: string | undefined, type: string, name: string, attribute: string) => {
    if (data) return `data.${type}.${name}.${attribute}`;
    const body = (stack.resource?.[type] as Record<string, Body> | undefined)?.[name];
    const target = str(body?.[attribute]);
    if (target === undefined) return `${type}.${name}.${attribute}`;
    // A reference to a reference (Sentry's PagerDuty service name is PagerDuty's): follow a few hops.
    return target.includes('${') && depth < 3 ? resolve(stack, target, depth + 1) : target;
  });
}

/** The managed resources a value refers to, e.g. `${pagerduty_service_integration.x.integration_key}` → that integration. */
export function referencedResources(stack: StackJson, value: unknown): { type: string; body: Body }[] {
  const found: { type: string; body: Body }[] = [];
  for (const [, data, type, name] of (str(value) ?? '').matchAll(REFERENCE)) {
    const body = data ? undefined : (stack.resource?.[type] as Record<string, Body> | undefined)?.[name];
    if (body) found.push({ type, body });
  }
  return found;
}
