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
import { readSynthTree } from '../review/tree-diff';
import { synthesize } from '../stacks/app';
import { checkMermaid, commentFigures, mermaidBlocks } from './comment-scale';
import { generateServices } from './services';

const ROOT = join(__dirname, '..', '..');
const SCALES = [1, 10, 100];
const START = '<!-- comment-scale: written by `npm run bench:comment` (bench/comment.ts) -->';
const END = '<!-- /comment-scale -->';

const rows: string[] = [];
let limits = '';
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const table = [START, '', '## Pull-request comment at scale', '',
  `The same three-route change in production (warning alerts to #monitoring instead of #alerts, info alerts no longer muted, ` +
  `synthetic tests no longer paging) at 1, 10 and 100 services. Picture: production's routing picture as Mermaid's own parser ` +
  `counts it (${limits}). Comment: what \`npm run diff\` posts, in UTF-8 bytes, against a budget of ` +
  `${COMMENT_BUDGET.toLocaleString('en-US')} (GitHub's limit ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')} less room for the sticky-comment marker); ` +
  'full: `npm run diff -- --full`.', '',
  '| services | production routes added / removed / changed / unchanged | picture nodes | picture edges | picture characters | Mermaid parser | comment bytes | full report bytes | shortened | fences and details closed |',
  '|---:|---|---:|---:|---:|---|---:|---:|---|---|', ...rows, '', END].join('\n');
console.log(`\n${table}`);

const file = join(ROOT, 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const at = current.indexOf(START);
const updated = at >= 0
  ? `${current.slice(0, at)}${table}${current.slice(current.indexOf(END, at) + END.length)}`
  : `${current.trimEnd()}\n\n${table}\n`;
writeFileSync(file, updated);
