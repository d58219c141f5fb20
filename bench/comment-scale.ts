import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { StackJson } from '../review/data-bearing';
import { compareTrees, DiffResult } from '../review/diff-command';
import { renderMarkdown } from '../review/markdown';
import { routingPicture } from '../review/mermaid';
import { SynthTree } from '../review/tree-diff';

/**
 * The pull-request comment at scale, shared by `npm run bench:comment` and
 * __tests__/review/comment-scale.test.ts: the same three-route change applied to
 * estates of any size, the diff's comment, and its routing pictures checked by
 * Mermaid's own parser (review/mermaid-check.mjs).
 */

type Json = Record<string, any>;

function byType(stack: StackJson, type: string): Json[] {
  return Object.values((stack.resource?.[type] ?? {}) as Record<string, Json>);
}

/**
 * Three routes changed in production's configuration, whatever the number of services:
 * warning alerts go to the monitoring channel instead of the alerts channel (the
 * warning policy's contact point), info alerts are no longer muted in the
 * maintenance window (a mute change), and the synthetic tests stop paging.
 */
export function threeRouteChange(tree: Record<string, StackJson>): void {
  const production = tree.production;
  const [policy] = byType(production, 'grafana_notification_policy');
  const contactPoint = (key: string) => {
    const [name] = Object.entries(production.resource?.grafana_contact_point ?? {}).find(([id]) => id.includes(key)) ?? [];
    if (!name) throw new Error(`no grafana_contact_point with "${key}" in its id`);
    return `\${grafana_contact_point.${name}.name}`;
  };
  const route = (severity: string) => {
    const found = (policy.policy as Json[]).find((p) => (p.matcher as Json[]).some((m) => m.label === 'severity' && m.value === severity));
    if (!found) throw new Error(`no ${severity} route in the production policy`);
    return found;
  };
  route('warning').contact_point = contactPoint('slack-monitoring');
  delete route('info').mute_timings;
  for (const test of byType(production, 'datadog_synthetics_test')) {
    test.message = String(test.message).replace(/ ?@pagerduty-\S+/g, '');
  }
}

/**
 * A pull request too big for one comment: the three-route change, every Grafana
 * rule waiting a minute longer (one attribute table per service), and in each
 * environment one dashboard lost (a blocking finding). Returns the lost addresses.
 */
export function oversizedChange(tree: Record<string, StackJson>): Record<string, string> {
  threeRouteChange(tree);
  const lost: Record<string, string> = {};
  for (const env of Object.keys(tree).sort()) {
    const resource = tree[env].resource as Record<string, Record<string, Json>>;
    for (const group of Object.values(resource.grafana_rule_group ?? {})) {
      for (const rule of group.rule as Json[]) rule.for = rule.for === '10m' ? '11m' : '6m';
    }
    const [name] = Object.keys(resource.grafana_dashboard ?? {}).sort();
    if (!name) throw new Error(`${env}: no grafana_dashboard to remove`);
    delete resource.grafana_dashboard[name];
    lost[env] = `${env}:grafana_dashboard.${name}`;
  }
  return lost;
}

/** `npm run diff -- --from <before> --to <after>` of two trees, in this process, with an empty allowlist. */
export function diffOf(before: SynthTree, after: SynthTree): DiffResult {
  return compareTrees(before, after, { from: 'before', to: 'after' }, join(__dirname, 'no-allowlist.txt'), 'review/allowed-removals.txt');
}

/** What Mermaid's parser says of one diagram (see review/mermaid-check.mjs). */
export interface MermaidVerdict {
  readonly ok: boolean;
  readonly error?: string;
  readonly nodes?: number;
  readonly edges?: number;
  readonly chars: number;
}

export interface MermaidCheck {
  readonly limits: { readonly maxEdges: number; readonly maxTextSize: number; readonly version: string };
  readonly results: readonly MermaidVerdict[];
}

/** Runs Mermaid's parser on the diagrams in a plain Node process. */
export function checkMermaid(diagrams: readonly string[], root = join(__dirname, '..')): MermaidCheck {
  const run = spawnSync(process.execPath, [join(root, 'review', 'mermaid-check.mjs')], {
    input: JSON.stringify(diagrams), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`review/mermaid-check.mjs failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as MermaidCheck;
}

/** The Mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

/** The figures of one estate's comment. */
export interface CommentFigures {
  readonly services: number;
  readonly routes: { readonly added: number; readonly removed: number; readonly changed: number; readonly kept: number };
  readonly picture: { readonly nodes: number; readonly edges: number; readonly chars: number };
  readonly commentBytes: number;
  readonly fullBytes: number;
  readonly omitted: number;
  readonly markdown: string;
}

/** The three-route change's diff of an estate, and the production routing picture's figures. */
export function commentFigures(services: number, tree: SynthTree): CommentFigures {
  const after = structuredClone(tree) as Record<string, StackJson>;
  threeRouteChange(after);
  const result = diffOf(tree, after);
  const full = renderMarkdown(result.report);
  const production = result.report.routing.find((r) => r.env === 'production')!;
  const picture = routingPicture(production);
  return {
    services,
    routes: { added: production.added.length, removed: production.removed.length, changed: production.changed.length, kept: production.kept.length },
    picture: { nodes: picture.nodes, edges: picture.edges, chars: picture.text.length },
    commentBytes: Buffer.byteLength(result.markdown, 'utf8'),
    fullBytes: Buffer.byteLength(full, 'utf8'),
    omitted: (result.markdown.match(/left out:/g) ?? []).length,
    markdown: result.markdown,
  };
}
