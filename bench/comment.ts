/**
 * `npm run bench:comment`: the pull-request comment of the same three-route change
 * (bench/comment-scale.ts) at 1, 10 and 100 services. Prints, per estate, the
 * production routing picture's node and edge counts (as Mermaid's parser counts
 * them), its size, Mermaid's verdict within its default limits, and the comment's
 * size against GitHub's limit; writes the table into BENCHMARKS.md between its
 * `comment-scale` markers. Figures, not timings: they do not depend on the machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_BUDGET, GITHUB_COMMENT_LIMIT, markdownBalance } from '../review/comment-budget';
import { renderMarkdown } from '../review/markdown';
import { readSynthTree } from '../review/tree-diff';
import { synthesize } from '../stacks/app';
import { checkMermaid, commentFigures, diffOf, mermaidBlocks, oversizedChange } from './comment-scale';
import { generateServices } from './services';

const ROOT = join(__dirname, '..', '..');
const SCALES = [1, 10, 100];
const START = '<!-- comment-scale: written by `npm run bench:comment` (bench/comment.ts) -->';
const END = '<!-- /comment-scale -->';

const rows: string[] = [];
let limits = '';
let oversized = '';
for (const services of SCALES) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-comment-'));
  try {
    synthesize({ outdir: join(dir, 'out'), services: generateServices(services) });
    const figures = commentFigures(services, readSynthTree(join(dir, 'out')));
    const blocks = mermaidBlocks(figures.markdown);
    const check = checkMermaid(blocks, ROOT);
    limits = `mermaid ${check.limits.version}, default maxEdges ${check.limits.maxEdges}, maxTextSize ${check.limits.maxTextSize}`;
    const production = check.results[0];
    const verdict = check.results.every((r) => r.ok) ? `accepted (${check.results.length} diagram${check.results.length === 1 ? '' : 's'})`
      : `REJECTED: ${check.results.find((r) => !r.ok)?.error?.split('\n')[0]}`;
    const balance = markdownBalance(figures.markdown);
    const closed = balance.fences % 2 === 0 && balance.detailsOpened === balance.detailsClosed;
    const r = figures.routes;
    rows.push(`| ${services} | ${r.added} / ${r.removed} / ${r.changed} / ${r.kept} | ${production?.nodes ?? '–'} | ${production?.edges ?? '–'} | ` +
      `${figures.picture.chars.toLocaleString('en-US')} | ${verdict} | ${figures.commentBytes.toLocaleString('en-US')} | ` +
      `${figures.fullBytes.toLocaleString('en-US')} | ${figures.omitted > 0 ? 'yes' : 'no'} | ${closed ? `yes (${balance.fences} fences)` : 'NO'} |`);
    console.log(rows[rows.length - 1]);
    if (services === 100) oversized = describeOversized(readSynthTree(join(dir, 'out')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures of a 100-service pull request too big for one comment (bench/comment-scale.ts oversizedChange). */
function describeOversized(before: ReturnType<typeof readSynthTree>): string {
  const after = structuredClone(before) as Parameters<typeof oversizedChange>[0];
  const lost = oversizedChange(after);
  const result = diffOf(before, after);
  const comment = result.markdown;
  const full = renderMarkdown(result.report);
  const balance = markdownBalance(comment);
  const kept = Object.entries(lost).map(([env, address]) =>
    `${env}: summary row ${comment.includes(`| ${env} |`) ? 'present' : 'MISSING'}, heading ${comment.includes(`### ${env}\n`) ? 'present' : 'MISSING'}, ` +
    `blocking finding \`${address}\` ${comment.includes(`\`${address}\` would be **destroyed**`) ? 'present' : 'MISSING'}`);
  const pictures = checkMermaid(mermaidBlocks(comment), ROOT).results;
  return [`A 100-service pull request too big for one comment (the three-route change, every Grafana rule's pending duration, one dashboard lost per environment): ` +
    `full report ${Buffer.byteLength(full).toLocaleString('en-US')} bytes, comment ${Buffer.byteLength(comment).toLocaleString('en-US')} bytes; ` +
    `${balance.fences} fences (${balance.fences % 2 === 0 ? 'all closed' : 'ONE OPEN'}), <details> ${balance.detailsOpened} opened / ${balance.detailsClosed} closed; ` +
    `pictures accepted by Mermaid: ${pictures.filter((p) => p.ok).length} of ${pictures.length}.`, '',
  ...kept.map((k) => `- ${k}`), `- ${comment.split('\n').find((l) => l.startsWith('> Shortened'))?.slice(2) ?? 'NOT SHORTENED'}`].join('\n');
}

const table = [START, '', '## Pull-request comment at scale', '',
  `The same three-route change in production (warning alerts to #monitoring instead of #alerts, info alerts no longer muted, ` +
  `synthetic tests no longer paging) at 1, 10 and 100 services. Picture: production's routing picture as Mermaid's own parser ` +
  `counts it (${limits}). Comment: what \`npm run diff\` posts, in UTF-8 bytes, against a budget of ` +
  `${COMMENT_BUDGET.toLocaleString('en-US')} (GitHub's limit ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')} less room for the sticky-comment marker); ` +
  'full: `npm run diff -- --full`.', '',
  '| services | production routes added / removed / changed / unchanged | picture nodes | picture edges | picture characters | Mermaid parser | comment bytes | full report bytes | shortened | fences and details closed |',
  '|---:|---|---:|---:|---:|---|---:|---:|---|---|', ...rows, '', oversized, '', END].join('\n');
console.log(`\n${table}`);

const file = join(ROOT, 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const at = current.indexOf(START);
const updated = at >= 0
  ? `${current.slice(0, at)}${table}${current.slice(current.indexOf(END, at) + END.length)}`
  : `${current.trimEnd()}\n\n${table}\n`;
writeFileSync(file, updated);
