import { Route, RoutingDiff, routingChanged } from './routing-graph';

/**
 * The routing of one environment as a Mermaid flowchart: alerts on the left,
 * destinations on the right, one edge per (alert, severity, destination),
 * labelled with the severity. Routes the pull request adds are thick and
 * green, routes it removes dotted and red, so a reviewer sees a change of
 * who gets woken up without reading the policy tree.
 */

/** Mermaid reads `"` and angle brackets in labels as syntax; its entity codes are safe. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');
}

const ADDED_STYLE = 'stroke:#1a7f37,stroke-width:3px';
const REMOVED_STYLE = 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:4';

export function routingMermaid(diff: RoutingDiff): string {
  const edges: { route: Route; change: 'kept' | 'added' | 'removed' }[] = [
    ...diff.kept.map((route) => ({ route, change: 'kept' as const })),
    ...diff.added.map((route) => ({ route, change: 'added' as const })),
    ...diff.removed.map((route) => ({ route, change: 'removed' as const })),
  ];
  if (edges.length === 0) return '';

  const alertIds = new Map<string, string>();
  const destinationIds = new Map<string, string>();
  const changedNodes = new Set<string>();
  const idOf = (map: Map<string, string>, prefix: string, key: string) => {
    if (!map.has(key)) map.set(key, `${prefix}${map.size}`);
    return map.get(key)!;
  };

  const lines = ['flowchart LR'];
  const links: string[] = [];
  const linkStyles: string[] = [];
  edges.forEach(({ route, change }, i) => {
    const a = idOf(alertIds, 'a', `${route.source}: ${route.alert}`);
    const d = idOf(destinationIds, 'd', route.destination);
    const text = label([route.severity, route.mutedBy ? `muted: ${route.mutedBy}` : '',
      route.publicStatus ? `status page: ${route.publicStatus}` : '', change === 'kept' ? '' : change]
      .filter(Boolean).join(' · '));
    const arrow = change === 'added' ? '==>' : change === 'removed' ? '-.->' : '-->';
    links.push(`  ${a} ${arrow}|"${text}"| ${d}`);
    if (change !== 'kept') {
      linkStyles.push(`  linkStyle ${i} ${change === 'added' ? ADDED_STYLE : REMOVED_STYLE}`);
      changedNodes.add(a).add(d);
    }
  });

  for (const [text, id] of alertIds) lines.push(`  ${id}["${label(text)}"]`);
  for (const [text, id] of destinationIds) lines.push(`  ${id}(["${label(text)}"])`);
  lines.push(...links, ...linkStyles);
  if (changedNodes.size > 0) {
    lines.push('  classDef changed stroke:#d4a72c,stroke-width:3px');
    lines.push(`  class ${[...changedNodes].join(',')} changed`);
  }
  return lines.join('\n');
}

/** A heading suffix for the environment's routing picture. */
export function routingStatus(diff: RoutingDiff): string {
  return routingChanged(diff) ? `changed: ${diff.added.length} route(s) added, ${diff.removed.length} removed` : 'unchanged';
}
