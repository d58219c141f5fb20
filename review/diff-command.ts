import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataBearingAddresses, DEFAULT_ALLOWLIST, qualified, readAllowlist } from './data-bearing';
import { guard } from './destroy-guard';
import { DiffReport, renderComment, renderMarkdown } from './markdown';
import { diffRoutes } from './routing-graph';
import { stateFindingsOf } from './state-guard';
import { defaultBase, describeRef, synthesizeRef, synthesizeWorkingTree } from './synth-sides';
import { destructionsOf, diffTrees, readSynthTree, SynthTree } from './tree-diff';

/**
 * `npm run diff`: the synth diff of a pull request, as Markdown for its comment.
 *
 *   npm run diff                          # merge base with main → working tree
 *   npm run diff -- --base origin/main    # that ref → working tree
 *   npm run diff -- --from a/ --to b/     # two existing synth outputs (CI)
 *   npm run diff -- --full                # everything, not shortened to fit a comment
 *
 * Exit codes: 0 fine; 1 a data-bearing resource would be destroyed or replaced,
 * the state backend changes or an environment is removed, and the allowlist does
 * not acknowledge it; 2 bad arguments, or a side failed to synthesize or is
 * missing, empty or malformed.
 */

const USAGE = `Usage: npm run diff -- [--base <git ref>] | [--from <synth dir> --to <synth dir>]
                    [--allow <allowlist file>] [--out <markdown file>] [--full]
  --base   synthesize <ref> (default: git merge-base HEAD main, else HEAD) and the working tree, and compare
  --from   an existing synth output (holding stacks/<env>/cdk.tf.json): the "before" side
  --to     the "after" side; both --from and --to, or neither
  --allow  addresses allowed to be destroyed (default: ${DEFAULT_ALLOWLIST})
  --out    also write the Markdown to this file (for a pull-request comment)
  --full   print the whole report; without it, the report is shortened whole sections at a time to fit a GitHub comment`;

export interface DiffOptions {
  readonly base?: string;
  readonly from?: string;
  readonly to?: string;
  readonly allow: string;
  readonly out?: string;
  /** The whole report, not shortened to fit a comment. */
  readonly full: boolean;
}

class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

export function parseDiffArgs(argv: readonly string[]): DiffOptions {
  const values: Record<string, string> = {};
  const known = ['base', 'from', 'to', 'allow', 'out', 'full'];
  let full = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (flag === 'full' && inline === undefined) {
      full = true;
      continue;
    }
    if (flag === undefined || !known.includes(flag)) {
      throw new UsageError(`argument ${JSON.stringify(arg)}: expected one of ${known.map((k) => `--${k}`).join(', ')}.`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${flag}: got no value; expected one after it.`);
    values[flag] = value;
  }
  if ((values.from === undefined) !== (values.to === undefined)) {
    throw new UsageError('--from and --to: got only one; expected both (two synth directories) or neither.');
  }
  if (values.from !== undefined && values.base !== undefined) {
    throw new UsageError('--base with --from/--to: expected either a git ref to synthesize or two directories, not both.');
  }
  return { base: values.base, from: values.from, to: values.to, allow: values.allow ?? DEFAULT_ALLOWLIST, out: values.out, full };
}

export interface DiffResult {
  readonly exitCode: 0 | 1;
  readonly markdown: string;
  readonly report: DiffReport;
}

/** Compares two synth trees and decides the exit code. Pure: reads only the allowlist. */
export function compareTrees(before: SynthTree, after: SynthTree, labels: { from: string; to: string }, allowlistPath: string,
  allowlistName = allowlistPath, full = false): DiffResult {
  const stacks = diffTrees(before, after);
  const allowed = readAllowlist(allowlistPath);
  const destructions = guard(destructionsOf(stacks), allowed);
  const state = guard(stateFindingsOf(before, after, dataBearingAddresses), allowed);
  const report: DiffReport = {
    from: labels.from,
    to: labels.to,
    stacks,
    routing: stacks.map((s) => diffRoutes(s.env, before[s.env], after[s.env])),
    blocked: destructions.blocked,
    acknowledged: destructions.acknowledged,
    stateBlocked: state.blocked,
    stateAcknowledged: state.acknowledged,
    unusedAllowlist: destructions.unusedAllowlist.filter((a) => state.unusedAllowlist.includes(a)),
    allowlistPath: allowlistName,
  };
  const exitCode = report.blocked.length + report.stateBlocked.length > 0 ? 1 : 0;
  return { exitCode, markdown: full ? renderMarkdown(report) : renderComment(report), report };
}

/** Compares two existing synth directories. */
export function diffDirectories(from: string, to: string, allowlistPath: string, allowlistName?: string, full = false): DiffResult {
  return compareTrees(readSynthTree(from), readSynthTree(to), { from, to }, allowlistPath, allowlistName, full);
}

/** Synthesizes `base` (default: the merge base with main) and the working tree, then compares them. */
function diffAgainstRef(root: string, base: string | undefined, allowlistPath: string, allowlistName?: string, full = false): DiffResult {
  const ref = base ?? defaultBase(root);
  const tmp = mkdtempSync(join(tmpdir(), 'synth-diff-'));
  try {
    const beforeDir = join(tmp, 'before');
    const afterDir = join(tmp, 'after');
    const hasApp = synthesizeRef(root, ref, join(tmp, 'base-worktree'), beforeDir);
    synthesizeWorkingTree(root, afterDir);
    const before = hasApp ? readSynthTree(beforeDir) : {};
    return compareTrees(before, readSynthTree(afterDir),
      { from: `${describeRef(root, ref)}${hasApp ? '' : ' (no app yet: empty)'}`, to: 'working tree' }, allowlistPath, allowlistName, full);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The whole command: parse, compare, print (and write `--out`), return the exit code. */
export function runDiff(argv: readonly string[], root: string, io: { out(text: string): void; err(text: string): void }): number {
  try {
    const options = parseDiffArgs(argv);
    const allow = resolve(root, options.allow);
    const result = options.from !== undefined && options.to !== undefined
      ? diffDirectories(resolve(root, options.from), resolve(root, options.to), allow, options.allow, options.full)
      : diffAgainstRef(root, options.base, allow, options.allow, options.full);
    if (options.out) writeFileSync(resolve(root, options.out), result.markdown);
    io.out(result.markdown);
    if (result.report.blocked.length > 0) {
      io.err(`npm run diff: ${result.report.blocked.length} data-bearing resource(s) would be destroyed or replaced: ` +
        `${result.report.blocked.map((d) => qualified(d.env, d.address)).join(', ')}. See the caution at the top of the report.`);
    }
    for (const finding of result.report.stateBlocked) io.err(`npm run diff: ${finding.summary}. Fix: ${finding.fix}.`);
    return result.exitCode;
  } catch (error) {
    io.err(`npm run diff: ${(error as Error).message}`);
    return 2;
  }
}
