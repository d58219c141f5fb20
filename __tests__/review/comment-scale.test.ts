import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESG_SCRAPER_API, SERVICES } from '../../catalog/services';
import { checkMermaid, commentFigures, CommentFigures, diffOf, MermaidCheck, mermaidBlocks, oversizedChange } from '../../bench/comment-scale';
import { COMMENT_BUDGET, markdownBalance } from '../../review/comment-budget';
import { StackJson } from '../../review/data-bearing';
import { renderMarkdown } from '../../review/markdown';
import { PICTURE_LIMITS } from '../../review/mermaid';
import { readSynthTree, SynthTree } from '../../review/tree-diff';
import { synthesizeServices } from '../support/run-app';
import { realTree } from './fixtures';

/**
 * The comment of the same three-route change at 1 and 100 services: the
 * routing picture passes Mermaid's own parser within its default limits and does
 * not grow with the estate; the comment stays under GitHub's limit, whole. The
 * figures themselves are printed by `npm run bench:comment`.
 */

// 1 and 100 prove "does not grow" and "n times"; `npm run bench:comment` still prints 10.
const SCALES = [1, 100];
const estates = new Map<number, SynthTree>();
const figures = new Map<number, CommentFigures>();
let mermaid: MermaidCheck;
let pictureOf: Map<number, MermaidCheck['results'][number]>;
/** The 100-service diff whose comment is cut (last describe), and its pictures as Mermaid parsed them. */
let cut: { result: ReturnType<typeof diffOf>; full: string; blocked: Record<string, string>; pictures: MermaidCheck['results'] };

function synthesizeEstate(services: number): SynthTree {
  // The shipped catalog is the 1-service estate (the seed alone): its synth is already there. A grown catalog is not.
  if (services === 1 && SERVICES.length === 1 && SERVICES[0] === ESG_SCRAPER_API) return realTree() as unknown as SynthTree;
  const dir = mkdtempSync(join(tmpdir(), 'comment-scale-'));
  try {
    synthesizeServices(services, join(dir, 'out'));
    return readSynthTree(join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  for (const n of SCALES) {
    estates.set(n, synthesizeEstate(n));
    figures.set(n, commentFigures(n, estates.get(n)!));
  }
  const before = estates.get(100)!;
  const after = structuredClone(before) as Record<string, StackJson>;
  const blocked = oversizedChange(after);
  const result = diffOf(before, after);
  // One Mermaid process for every picture of every comment (each process loads jsdom and mermaid).
  const blocks = SCALES.map((n) => mermaidBlocks(figures.get(n)!.markdown));
  const cutBlocks = mermaidBlocks(result.markdown);
  const all = checkMermaid([...blocks.flat(), ...cutBlocks]);
  const scaleResults = all.results.slice(0, all.results.length - cutBlocks.length);
  mermaid = { ...all, results: scaleResults };
  cut = { result, full: renderMarkdown(result.report), blocked, pictures: all.results.slice(scaleResults.length) };
  pictureOf = new Map();
  let at = 0;
  SCALES.forEach((n, i) => {
    pictureOf.set(n, mermaid.results[at]);
    at += blocks[i].length;
  });
}, 180_000);


/** Every table in the text has a header, a separator and rows as wide as its header: none was cut. */
function tablesWhole(markdown: string): boolean {
  const cells = (line: string) => line.trim().replace(/\\\|/g, '').split('|').length;
  const runs = markdown.split('\n').reduce<string[][]>((acc, line, i, all) => {
    if (!line.trim().startsWith('|')) return acc;
    if (i === 0 || !all[i - 1].trim().startsWith('|')) acc.push([]);
    acc[acc.length - 1].push(line);
    return acc;
  }, []);
  return runs.every((run) => run.length >= 2 && /^\|(-+:?\|)+$/.test(run[1].trim().replace(/---:/g, '---')) &&
    run.every((line) => cells(line) === cells(run[0])));
}

describe('Mermaid\'s defaults, read from mermaid itself', () => {
  it('are the limits the picture stays inside: 500 edges, 50,000 characters', () => {
    expect(mermaid.limits).toMatchObject({ maxEdges: 500, maxTextSize: 50_000 });
    expect(PICTURE_LIMITS.maxEdges).toBeLessThan(mermaid.limits.maxEdges);
    expect(PICTURE_LIMITS.maxChars).toBeLessThan(mermaid.limits.maxTextSize);
  });
});

describe.each(SCALES)('%i service(s), the same three routes changed', (n) => {
  it('draws a routing picture that Mermaid\'s parser accepts, within its default limits', () => {
    const picture = pictureOf.get(n)!;
    expect(picture).toMatchObject({ ok: true });
    expect(picture.edges!).toBeLessThanOrEqual(mermaid.limits.maxEdges);
    expect(picture.chars).toBeLessThanOrEqual(mermaid.limits.maxTextSize);
    // Every picture of the comment, not only production's.
    expect(mermaid.results.every((r) => r.ok)).toBe(true);
  });

  it('draws the same picture whatever the number of services: the changes, grouped, to three real destinations', () => {
    const picture = pictureOf.get(n)!;
    expect({ nodes: picture.nodes, edges: picture.edges }).toEqual({ nodes: pictureOf.get(1)!.nodes, edges: pictureOf.get(1)!.edges });
    expect(picture.edges).toBe(4); // warning: removed from #alerts, added to #monitoring; info: mute changed; synthetics: stop paging
    const text = mermaidBlocks(figures.get(n)!.markdown)[0];
    expect(text.match(/\(\["[^"]*"\]\)/g)!.sort()).toEqual(['(["PagerDuty ESG Scraper API (production)"])', '(["Slack #alerts"])', '(["Slack #monitoring"])']);
  });

  it('counts n times the 1-service route changes', () => {
    const one = figures.get(1)!.routes;
    const routes = figures.get(n)!.routes;
    expect(routes.added).toBe(n * one.added);
    expect(routes.changed).toBe(n * one.changed);
    expect(routes.removed).toBeGreaterThanOrEqual(n * 4);
  });

  it('posts a comment under GitHub\'s limit with every fence, <details> and table closed', () => {
    const markdown = figures.get(n)!.markdown;
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(COMMENT_BUDGET);
    const balance = markdownBalance(markdown);
    expect(balance.fences % 2).toBe(0);
    expect(balance.fences).toBe(2); // production's picture; staging's routing did not change
    expect(balance.detailsOpened).toBe(balance.detailsClosed);
    expect(tablesWhole(markdown)).toBe(true);
  });
});

describe('a 100-service diff whose comment is cut', () => {
  it('is cut: the full report is over the budget, the comment under it', () => {
    const { result, full } = cut;
    expect(Buffer.byteLength(full)).toBeGreaterThan(COMMENT_BUDGET);
    expect(Buffer.byteLength(result.markdown)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(result.exitCode).toBe(1);
  });

  it('closes every fence, <details> and table, and Mermaid parses each of its pictures', () => {
    const { result, pictures } = cut;
    const balance = markdownBalance(result.markdown);
    expect(balance.fences % 2).toBe(0);
    expect(balance.detailsOpened).toBe(balance.detailsClosed);
    expect(tablesWhole(result.markdown)).toBe(true);
    expect(pictures).toHaveLength(mermaidBlocks(result.markdown).length);
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.every((p) => p.ok)).toBe(true);
  });

  it('keeps both environments\' summaries and blocking findings', () => {
    const { result, blocked } = cut;
    const markdown = result.markdown;
    for (const env of ['staging', 'production']) {
      expect(markdown).toMatch(new RegExp(`^\\| ${env} \\| \\d+ \\| 1 \\| 0 \\| 0 \\| \\d+ \\| [*\\w]+ \\| \\*\\*1\\*\\* \\|$`, 'm'));
      expect(markdown).toMatch(new RegExp(`^### ${env}\\n\\n\\d+ added · 1 removed · .* · \\*\\*1 blocking finding\\*\\*`, 'm'));
      expect(markdown).toContain(`> - \`${blocked[env]}\` would be **destroyed**`);
    }
    expect(markdown).toContain('**2 data-bearing resources would be destroyed or replaced.**');
  });

  it('says what it left out, and the command that prints everything', () => {
    const { result, full } = cut;
    expect(result.markdown).toMatch(/> Shortened to fit GitHub's 65,536-character comment limit; left out: .*unchanged routing tables \(1 in staging, 1 in production\).*attribute tables \(\d+ in staging, \d+ in production\).* `npm run diff -- --full` prints everything\.\n$/);
    expect(full).not.toContain('Shortened to fit');
  });
});
