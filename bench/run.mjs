// Synth and test benchmarks: `npm run bench` (builds first; this file needs .build/bench/).
//
//   node bench/run.mjs [--runs 5] [--test-runs 3] [--no-test] [--no-default] [--no-profile]
//
// Every figure is re-measured on every run: the median of --runs runs (min and max
// alongside), rounds interleaved so that background load hits every scenario alike.
// Wall time is taken around the child process; peak RSS is that of the largest
// process in the child's tree, from /usr/bin/time -v (or, when it is missing, from
// bench/maxrss.cjs preloaded into every node process; BENCH_NO_TIME=1 forces that).
// Results go to stdout and to BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mutationSectionOf } from '../scripts/mutation-section.mjs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { summarize } from './profile-summary.mjs';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const ARGS = process.argv.slice(2);
const flag = (name) => ARGS.includes(name);
/** The whole number (>= 1) after `name` in the arguments, or `fallback`; exits 2 naming the flag otherwise. */
function countFlag(name, fallback) {
  const at = ARGS.indexOf(name);
  const value = at >= 0 ? Number(ARGS[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name}: got ${JSON.stringify(ARGS[at + 1])}; expected a whole number >= 1, e.g. ${name} ${fallback}`);
    process.exit(2);
  }
  return value;
}
const RUNS = countFlag('--runs', 5);
// npm test is judged on its median too: one run swings by 10 s and more with what else the machine runs.
const TEST_RUNS = countFlag('--test-runs', 3);
const SCALES = [1, 10, 100];
const ENVIRONMENTS = ['staging', 'production'];
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME) && !process.env.BENCH_NO_TIME; // BENCH_NO_TIME=1 tries the fallback

// Issue #2 and #8 budgets.
const BUDGET = { synthSeconds: 2, ratioToDefault: 0.3, linearity: 0.3, floorRatio: 3, testSeconds: 60 };

for (const entry of ['synth-services.js', 'floor.js']) {
  if (!existsSync(join(ROOT, '.build', 'bench', entry))) {
    console.error(`.build/bench/${entry} is missing. Fix: run \`npm run bench\` (it builds first) or \`node scripts/build.mjs\`.`);
    process.exit(1);
  }
}

const TMP = mkdtempSync(join(os.tmpdir(), 'esg-bench-'));
process.on('exit', () => rmSync(TMP, { recursive: true, force: true }));
let seq = 0;
const tmpPath = (name) => join(TMP, `${name}-${++seq}`);

// Offline and quiet: no Terraform checkpoint or cdktf telemetry calls.
const BASE_ENV = { ...process.env, CHECKPOINT_DISABLE: '1', FORCE_COLOR: '0' };
delete BASE_ENV.MONITORING_ENVIRONMENTS;

/** Runs a scenario once: { ok, wallMs, rssKb, timings, outdir, status, error? }. */
function runOnce(scenario) {
  const outdir = tmpPath('out');
  const timingsFile = tmpPath('timings.json');
  const rssFile = tmpPath('rss');
  // Only synth scenarios get an output directory; npm test runs in the environment a user has.
  const env = { ...BASE_ENV, ...(scenario.writesStacks ? { CDKTF_OUTDIR: outdir, BENCH_TIMINGS: timingsFile } : {}), ...scenario.env };
  let [cmd, ...args] = typeof scenario.args === 'function' ? scenario.args(outdir) : scenario.args;
  if (HAS_TIME) {
    args = ['-v', '-o', rssFile, cmd, ...args];
    cmd = TIME;
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${join(ROOT, 'bench', 'maxrss.cjs')}`.trim();
    env.BENCH_MAXRSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const child = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const ok = child.status === 0 && (!scenario.writesStacks || stacksWritten(outdir));
  const result = { ok, wallMs, ...readUsage(rssFile), timings: readJson(timingsFile), outdir, status: child.status };
  if (!ok) result.error = `${scenario.label}: exit ${child.status}; ${lastLines(child.stderr || child.stdout, 8)}`;
  return result;
}

/**
 * Peak RSS (kB) and CPU seconds (user + system, with the children it waited for) of a run,
 * from /usr/bin/time -v's report; without it, bench/maxrss.cjs's lines give the RSS only.
 */
function readUsage(file) {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  if (HAS_TIME) {
    const number = (pattern) => Number(pattern.exec(text)?.[1]);
    const rssKb = number(/Maximum resident set size \(kbytes\): (\d+)/);
    const cpuSeconds = number(/User time \(seconds\): ([\d.]+)/) + number(/System time \(seconds\): ([\d.]+)/);
    return { rssKb: Number.isNaN(rssKb) ? undefined : rssKb, cpuSeconds: Number.isNaN(cpuSeconds) ? undefined : cpuSeconds };
  }
  const values = text.split('\n').filter(Boolean).map(Number);
  return { rssKb: values.length ? Math.max(...values) : undefined };
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The first error line (a TypeScript diagnostic, a thrown Error) and the last few lines. */
function lastLines(text, n) {
  // eslint-disable-next-line no-control-regex
  const lines = (text ?? '').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines.find((l) => /error TS\d+|^\w*Error\b|ERR_/.test(l));
  return [...(first ? [first] : []), ...lines.slice(-n).filter((l) => l !== first)].join(' | ');
}

function stacksWritten(outdir) {
  return ENVIRONMENTS.every((env) => existsSync(join(outdir, 'stacks', env, 'cdk.tf.json')));
}

/** Blocks per environment in a synth output: resources, data sources, outputs. */
function countBlocks(outdir) {
  const count = (section) => Object.values(section ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  return Object.fromEntries(ENVIRONMENTS.map((env) => {
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
    const bytes = statSync(join(outdir, 'stacks', env, 'cdk.tf.json')).size;
    return [env, { resources: count(json.resource), data: count(json.data), outputs: Object.keys(json.output ?? {}).length, bytes }];
  }));
}

const blocksOf = (counts) => ENVIRONMENTS.reduce((n, env) => n + counts[env].resources + counts[env].data, 0);

function stackJson(outdir, env) {
  return readFileSync(join(outdir, 'stacks', env, 'cdk.tf.json'), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

const node = process.execPath;
const scenarios = [
  { key: 'build', label: 'esbuild build alone (`node scripts/build.mjs`)', args: [node, 'scripts/build.mjs'] },
  { key: 'npm-synth', label: '`npm run synth`: build + synth, catalog services', args: ['npm', 'run', 'synth'], writesStacks: true },
  { key: 'main', label: 'synth alone, catalog services (`node .build/main.js`)', args: [node, '.build/main.js'], writesStacks: true },
  ...SCALES.map((n) => ({
    key: `synth-${n}`,
    label: `synth alone, ${n} service${n === 1 ? '' : 's'} (.build/bench/synth-services.js)`,
    args: [node, '.build/bench/synth-services.js'],
    env: { BENCH_SERVICES: String(n) },
    writesStacks: true,
  })),
  ...SCALES.map((n) => ({
    key: `floor-${n}`,
    label: `plain-CDKTF floor: as many bare resources as ${n} service${n === 1 ? '' : 's'} (.build/bench/floor.js)`,
    args: [node, '.build/bench/floor.js'],
    writesStacks: true,
  })),
  ...SCALES.map((n) => ({
    key: `replay-${n}`,
    label: `plain-CDKTF replay: the ${n}-service output's blocks as plain resources (.build/bench/floor.js)`,
    args: [node, '.build/bench/floor.js'],
    writesStacks: true,
  })),
  {
    key: 'cli-ours',
    label: '`npx cdktf synth` with cdktf.json\'s app (build + synth)',
    args: (out) => ['npx', 'cdktf', 'synth', '--output', out],
    writesStacks: true,
  },
  ...(flag('--no-default') ? [] : [
    {
      key: 'cli-default',
      label: 'default template: `npx cdktf synth --app "npx ts-node main.ts"`',
      args: (out) => ['npx', 'cdktf', 'synth', '--app', 'npx ts-node main.ts', '--output', out],
      writesStacks: true,
    },
    {
      key: 'app-default',
      label: 'default template\'s app alone: `npx ts-node main.ts` (no CLI)',
      args: ['npx', 'ts-node', 'main.ts'],
      writesStacks: true,
    },
  ]),
];

// Warm-up (file cache) and resource counts: one unmeasured synth per scale.
const log = (line) => process.stderr.write(`${line}\n`);
log(`bench: ${RUNS} runs per figure, ${os.cpus().length} cores, /usr/bin/time ${HAS_TIME ? 'present' : 'missing (maxRSS wrapper)'}`);
const loadBefore = os.loadavg();
const counts = {};
for (const n of SCALES) {
  const r = runOnce(scenarios.find((s) => s.key === `synth-${n}`));
  if (!r.ok) {
    console.error(`bench: the ${n}-service synth fails, nothing to measure.\n${r.error}`);
    process.exit(1);
  }
  counts[n] = countBlocks(r.outdir);
  const floor = scenarios.find((s) => s.key === `floor-${n}`);
  floor.env = { BENCH_FLOOR: JSON.stringify(Object.fromEntries(ENVIRONMENTS.map((e) => [e, counts[n][e].resources + counts[n][e].data]))) };
  scenarios.find((s) => s.key === `replay-${n}`).env = { BENCH_FLOOR_FROM: r.outdir };
}

const results = Object.fromEntries(scenarios.map((s) => [s.key, []]));
const errors = new Map();
const keep = new Map(); // one output per scenario, for the equality check
for (let round = 1; round <= RUNS; round++) {
  for (const s of scenarios) {
    if (errors.has(s.key)) continue;
    const r = runOnce(s);
    log(`  round ${round}/${RUNS} ${s.key.padEnd(12)} ${(r.wallMs / 1000).toFixed(2)} s${r.ok ? '' : '  FAILED'}`);
    if (!r.ok) {
      errors.set(s.key, r.error);
      continue;
    }
    results[s.key].push(r);
    if (s.writesStacks && !keep.has(s.key)) keep.set(s.key, r.outdir);
    else rmSync(r.outdir, { recursive: true, force: true });
  }
}

// The catalog synth (main.ts) and the generated 1-service synth must be the same app.
const same = (a, b) => keep.has(a) && keep.has(b) && ENVIRONMENTS.every((e) => stackJson(keep.get(a), e) === stackJson(keep.get(b), e));
const catalogIsOneService = same('main', 'synth-1');
const defaultMatchesOurs = same('cli-default', 'npm-synth');

// ---------------------------------------------------------------------------------------------
// npm test, --test-runs times, exactly as the README runs it.

const tests = [];
if (!flag('--no-test')) {
  for (let i = 1; i <= TEST_RUNS; i++) {
    log(`  npm test (${i} of ${TEST_RUNS}) …`);
    const load = os.loadavg()[0];
    const run = { ...runOnce({ label: '`npm test`', args: ['npm', 'test'] }), loadBefore: load };
    tests.push(run);
    log(`  npm test ${(run.wallMs / 1000).toFixed(1)} s${run.ok ? '' : '  FAILED'}`);
  }
}
// Per-file timings from a second, plain jest run (also the suite's time when npm test
// stops early, e.g. at tsc on a half-edited file).
let jestRun;
let testFiles;
if (!flag('--no-test')) {
  const json = tmpPath('jest.json');
  log('  npx jest --json (once, per-file timings) …');
  jestRun = runOnce({ label: '`npx jest --json`', args: ['npx', 'jest', '--json', '--outputFile', json] });
  testFiles = readJson(json)?.testResults
    .map((t) => ({ file: t.name.replace(`${ROOT}/`, ''), seconds: (t.endTime - t.startTime) / 1000, tests: t.assertionResults.length, ok: t.status === 'passed' }))
    .sort((a, b) => b.seconds - a.seconds);
}

// One CPU profile of the largest synth, to say what dominates.
let profile;
if (!flag('--no-profile')) {
  const dir = tmpPath('prof');
  log('  profiling the 100-service synth …');
  spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, '.build/bench/synth-services.js'], {
    cwd: ROOT,
    env: { ...BASE_ENV, BENCH_SERVICES: '100', CDKTF_OUTDIR: tmpPath('out') },
  });
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (file) profile = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')));
}
const loadAfter = os.loadavg();

// ---------------------------------------------------------------------------------------------
// Figures.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (key, pick = (r) => r.wallMs) => {
  const xs = (results[key] ?? []).map(pick).filter((x) => x !== undefined);
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : undefined;
};
const wall = (key) => stat(key)?.median;
const inProcess = (key) => stat(key, (r) => r.timings?.synthMs)?.median;
const sec = (ms, digits = 2) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(digits)} s`);
const mb = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
const fx = (x, digits = 2) => (x === undefined ? 'n/a' : x.toFixed(digits));
const pct = (x) => (x === undefined ? 'n/a' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(0)}%`);
const pass = (ok) => (ok === undefined ? 'n/a' : ok ? 'pass' : '**FAIL**');

const lines = [];
const out = (line = '') => lines.push(line);

out('# Benchmarks');
out();
out('Written by `npm run bench` (bench/run.mjs); every figure is re-measured on each run. Do not edit by hand.');
out();
out(`- Date: ${new Date().toISOString()}`);
out(`- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`);
out(`- Node ${process.version}; load average (1 min) ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after: other work on the machine inflates every figure alike`);
out(`- Each figure: median of ${RUNS} runs (min–max), rounds interleaved across scenarios. Peak RSS: largest process in the command's tree (${HAS_TIME ? '`/usr/bin/time -v`' : 'process.resourceUsage().maxRSS via bench/maxrss.cjs'}), median.`);
out(`- "Catalog services" is what \`npm run synth\` builds (catalog/services.ts)${catalogIsOneService ? ': today exactly the 1-service output' : ': NOT the same output as the generated 1-service synth, so compare with care'}.`);
out();

out('## Synth of every environment (staging + production)');
out();
out('| figure | wall median | min | max | peak RSS | resources + data sources (both envs) |');
out('|---|---:|---:|---:|---:|---:|');
const blocksFor = (key) => {
  const n = key.match(/^(?:synth|floor|replay)-(\d+)$/)?.[1];
  if (n) return String(blocksOf(counts[n]));
  return ['npm-synth', 'main', 'cli-ours', 'cli-default', 'app-default'].includes(key) && catalogIsOneService ? String(blocksOf(counts[1])) : '';
};
for (const s of scenarios) {
  const w = stat(s.key);
  const rss = stat(s.key, (r) => r.rssKb);
  if (errors.has(s.key) && !w) {
    out(`| ${s.label} | **failed** | | | | ${errors.get(s.key).replace(/\|/g, '/').slice(0, 300)} |`);
    continue;
  }
  out(`| ${s.label} | ${sec(w?.median)} | ${sec(w?.min)} | ${sec(w?.max)} | ${mb(rss?.median)} | ${blocksFor(s.key)} |`);
}
out();
out('In-process phases (median; ms from process start): loading modules, then synthesizing (ours: validate, build constructs, write JSON).');
out();
out('| services | ours: load modules | ours: synthesize | bare floor: synthesize | replay: synthesize |');
out('|---:|---:|---:|---:|---:|');
for (const n of SCALES) {
  const load = stat(`synth-${n}`, (r) => r.timings?.loadedMs)?.median;
  out(`| ${n} | ${sec(load)} | ${sec(inProcess(`synth-${n}`))} | ${sec(inProcess(`floor-${n}`))} | ${sec(inProcess(`replay-${n}`))} |`);
}
out();

out('## Ratios');
out();
const defaultCli = wall('cli-default');
out('| ratio | value | budget |');
out('|---|---:|---|');
out(`| \`npm run synth\` (build + synth) / default template's \`cdktf synth\` | ${fx(ratio(wall('npm-synth'), defaultCli))} | ≤ ${BUDGET.ratioToDefault} |`);
out(`| synth alone (\`node .build/main.js\`) / default template's \`cdktf synth\` | ${fx(ratio(wall('main'), defaultCli))} | |`);
out(`| \`cdktf synth\` with our app / \`cdktf synth\` with the default app (both pay the CLI's own start-up) | ${fx(ratio(wall('cli-ours'), defaultCli))} | |`);
out(`| \`npm run synth\` / \`npx ts-node main.ts\` (the apps without the CLI) | ${fx(ratio(wall('npm-synth'), wall('app-default')))} | |`);
const cliOverhead = wall('cli-ours') !== undefined && wall('npm-synth') !== undefined ? wall('cli-ours') - wall('npm-synth') : undefined;
out(`| cdktf-cli's own cost: \`cdktf synth\` minus \`npm run synth\` (same app) | ${sec(cliOverhead)} | |`);
out();
out(`Default template output identical to ours: ${keep.has('cli-default') ? (defaultMatchesOurs ? 'yes (byte for byte, both stacks)' : '**no**') : 'n/a'}.`);
out();

out('## Scale: linearity and per-resource cost against plain CDKTF');
out();
out('| services | resources per environment (staging, production) | data sources | outputs | cdk.tf.json size |');
out('|---:|---|---|---|---|');
for (const n of SCALES) {
  const c = counts[n];
  const both = (f) => `${f(c.staging)}, ${f(c.production)}`;
  out(`| ${n} | ${both((e) => e.resources)} | ${both((e) => e.data)} | ${both((e) => e.outputs)} | ${both((e) => `${(e.bytes / 1024).toFixed(0)} KiB`)} |`);
}
out();
out('Per-resource cost: time divided by resources + data sources (both environments). "Bare" is the issue\'s floor (bare resources, two strings each);');
out('"replay" re-declares our exact output with plain `TerraformResource`s, so it is what cdktf itself costs for JSON of this size.');
out();
out('| services | ours | bare floor | replay | ours / bare (wall) | ours / bare (synthesize) | ours / replay (wall) | ours / replay (synthesize) |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|');
const perResource = (key, n) => ratio(wall(key), blocksOf(counts[n]));
const floorRatios = {};
for (const n of SCALES) {
  floorRatios[n] = {
    bareWall: ratio(wall(`synth-${n}`), wall(`floor-${n}`)),
    bareSynth: ratio(inProcess(`synth-${n}`), inProcess(`floor-${n}`)),
    replayWall: ratio(wall(`synth-${n}`), wall(`replay-${n}`)),
    replaySynth: ratio(inProcess(`synth-${n}`), inProcess(`replay-${n}`)),
  };
  const r = floorRatios[n];
  out(`| ${n} | ${fx(perResource(`synth-${n}`, n), 3)} ms | ${fx(perResource(`floor-${n}`, n), 3)} ms | ${fx(perResource(`replay-${n}`, n), 3)} ms | ` +
    `${fx(r.bareWall)} | ${fx(r.bareSynth)} | ${fx(r.replayWall)} | ${fx(r.replaySynth)} |`);
}
const b1 = blocksOf(counts[1]);
const b100 = blocksOf(counts[100]);
const marginal = (prefix) => ratio(wall(`${prefix}-100`) - wall(`${prefix}-1`), b100 - b1);
const marginalRatio = ratio(marginal('synth'), marginal('floor'));
const marginalReplay = ratio(marginal('synth'), marginal('replay'));
out(`| marginal (wall, 1 → 100) | ${fx(marginal('synth'), 3)} ms | ${fx(marginal('floor'), 3)} ms | ${fx(marginal('replay'), 3)} ms | ` +
  `${fx(marginalRatio)} | | ${fx(marginalReplay)} | |`);
out();
const projection = (key) => {
  const t1 = key(1);
  const t10 = key(10);
  if (t1 === undefined || t10 === undefined) return undefined;
  return t1 + ((t10 - t1) * (100 - 1)) / (10 - 1);
};
const projWall = projection((n) => wall(`synth-${n}`));
const devWall = ratio(wall('synth-100'), projWall) - 1;
const projPhase = projection((n) => inProcess(`synth-${n}`));
const devPhase = ratio(inProcess('synth-100'), projPhase) - 1;
out('| linearity (straight line through 1 and 10 services, extended to 100) | projected | measured | deviation | budget |');
out('|---|---:|---:|---:|---|');
out(`| wall | ${sec(projWall)} | ${sec(wall('synth-100'))} | ${pct(devWall)} | ±${100 * BUDGET.linearity}% |`);
out(`| synthesize phase only | ${sec(projPhase)} | ${sec(inProcess('synth-100'))} | ${pct(devPhase)} | |`);
out();

out('## Tests');
out();
out('| figure | wall | runs | note |');
out('|---|---:|---:|---|');
const testWalls = tests.map((t) => t.wallMs);
const testMedian = tests.length ? median(testWalls) : undefined;
const testsOk = tests.length > 0 && tests.every((t) => t.ok);
if (tests.length) {
  const failedRun = tests.find((t) => !t.ok);
  const note = failedRun ? `**failed** (exit ${failedRun.status}): ${failedRun.error.replace(/\|/g, '/').slice(0, 300)}` : 'passed';
  const cpus = tests.map((t) => t.cpuSeconds).filter((x) => x !== undefined);
  const each = tests.map((t) => `${sec(t.wallMs, 1)} (load ${t.loadBefore.toFixed(1)}${t.cpuSeconds === undefined ? '' : `, ${t.cpuSeconds.toFixed(0)} s CPU`})`).join(', ');
  out(`| \`npm test\` (pretest, tsc --noEmit, then jest), as the README runs it: median | ${sec(testMedian, 1)} | ${tests.length} | ${note}; each run: ${each}${cpus.length ? `; CPU (user + system, whole tree) median ${median(cpus).toFixed(0)} s on ${os.cpus().length} cores` : ''} |`);
} else {
  out('| `npm test` | not run (--no-test) | | |');
}
if (jestRun) {
  const failed = testFiles?.filter((t) => !t.ok).map((t) => t.file) ?? [];
  const note = jestRun.ok ? 'passed' : `**failed** (exit ${jestRun.status})${failed.length ? `: ${failed.join(', ')}` : ''}`;
  out(`| \`npx jest --json\` alone (no tsc), for per-file timings | ${sec(jestRun.wallMs, 1)} | 1 | ${note} |`);
}
out();
out(`\`npm test\`: ${TEST_RUNS} runs (\`--test-runs\`), one after another, after the synth figures; the first may pay cold caches (tsc's incremental build info, Jest's transform cache). The per-file run: once.`);
if (testFiles) {
  const sum = testFiles.reduce((n, t) => n + t.seconds, 0);
  out();
  out(`Slowest test files (of ${testFiles.length}; ${sum.toFixed(1)} s summed over jest's workers):`);
  out();
  out('| test file | seconds | tests |');
  out('|---|---:|---:|');
  for (const t of testFiles.slice(0, 10)) out(`| ${t.file} | ${t.seconds.toFixed(2)} | ${t.tests} |`);
}
out();

if (profile) {
  out('## What dominates the 100-service synth (one `node --cpu-prof` run)');
  out();
  out(`${profile.totalMs.toFixed(0)} ms sampled. Named costs are inclusive and overlap.`);
  out();
  out('| cost | ms | share |');
  out('|---|---:|---:|');
  for (const [k, v] of profile.hotspots) out(`| ${k} | ${v.toFixed(0)} | ${((100 * v) / profile.totalMs).toFixed(0)}% |`);
  out();
  out('| stack traces captured, by source | ms | share |');
  out('|---|---:|---:|');
  for (const [k, v] of profile.stackTraceSources.slice(0, 8)) out(`| ${k} | ${v.toFixed(0)} | ${((100 * v) / profile.totalMs).toFixed(0)}% |`);
  out();
  out('| our functions, inclusive | ms | share |');
  out('|---|---:|---:|');
  for (const [k, v] of profile.oursInclusive.slice(0, 10)) out(`| \`${k}\` | ${v.toFixed(0)} | ${((100 * v) / profile.totalMs).toFixed(0)}% |`);
  out();
}

out('## Budgets (issues #2 and #8)');
out();
const synthWall = wall('npm-synth');
const within = (x, max) => (x === undefined || Number.isNaN(x) ? undefined : x <= max);
const checks = [
  [`\`npm run synth\` (both environments, build included) ≤ ${BUDGET.synthSeconds} s`, sec(synthWall), synthWall === undefined ? undefined : synthWall <= BUDGET.synthSeconds * 1000],
  [`\`npm run synth\` ≤ ${BUDGET.ratioToDefault} × the default template's \`cdktf synth\``, fx(ratio(synthWall, defaultCli)), ratio(synthWall, defaultCli) === undefined ? undefined : ratio(synthWall, defaultCli) <= BUDGET.ratioToDefault],
  [`100 services within ±${100 * BUDGET.linearity}% of the 1 → 10 projection (wall)`, pct(devWall), Number.isNaN(devWall) ? undefined : Math.abs(devWall) <= BUDGET.linearity],
  [`per-resource cost ≤ ${BUDGET.floorRatio} × plain CDKTF's bare floor, marginal wall 1 → 100`, fx(marginalRatio), within(marginalRatio, BUDGET.floorRatio)],
  [`per-resource cost ≤ ${BUDGET.floorRatio} × plain CDKTF's bare floor, synthesize phase at 100 services`, fx(floorRatios[100].bareSynth), within(floorRatios[100].bareSynth, BUDGET.floorRatio)],
  [`(context, not a budget) per-resource cost against plain CDKTF replaying the same JSON, marginal wall 1 → 100`, fx(marginalReplay), 'context'],
  [`\`npm test\` < ${BUDGET.testSeconds} s (median of its runs)`, tests.length ? (testsOk ? sec(testMedian, 1) : `failed (median ${sec(testMedian, 1)})`) : 'not run', tests.length ? testsOk && testMedian < BUDGET.testSeconds * 1000 : undefined],
];
out('| budget | measured | result |');
out('|---|---:|---|');
for (const [what, value, ok] of checks) out(`| ${what} | ${value} | ${ok === 'context' ? '' : pass(ok)} |`);
out();
if (errors.size) {
  out('## Failures');
  out();
  for (const [key, error] of errors) out(`- ${key}: ${error}`);
  out();
}
out('## Method');
out();
out('- Services for the scale runs: the catalog\'s ESG Scraper API, then copies `svc-002` … with their own metric prefix (bench/services.ts), synthesized through `synthesize()` as main.ts does (bench/synth-services.ts).');
out('- Floors (bench/floor.ts): "bare" declares, per stack, as many bare resources (two string attributes each, no provider bindings) as our stacks declare resources and data sources at that scale; "replay" reads our synth output at that scale and re-declares every resource and data source with the same attributes as plain values (timed after reading the input).');
out('- Default template: cdktf-cli 0.21.0 with `--app "npx ts-node main.ts"` (ts-node 10.9.2 type-checks on every run, with this project\'s tsconfig: CommonJS, as the template\'s). `CHECKPOINT_DISABLE=1`; cdktf.json has `sendCrashReports: false`; no network is used.');
out('- Profile a run yourself: `node --cpu-prof --cpu-prof-dir=/tmp/prof .build/bench/synth-services.js` (BENCH_SERVICES=100), then `node bench/profile-summary.mjs /tmp/prof/*.cpuprofile`.');

// `npm run bench:comment` (bench/comment.ts), `npm run detection` and `npm run mutate` own
// their own sections of BENCHMARKS.md: this bench does not re-measure them, it carries them over.
const previous = existsSync(join(ROOT, 'BENCHMARKS.md')) ? readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8') : '';
const kept = [
  /<!-- comment-scale:[\s\S]*?<!-- \/comment-scale -->/.exec(previous)?.[0],
  /<!-- detection:begin[\s\S]*<!-- detection:end -->/.exec(previous)?.[0],
  mutationSectionOf(previous),
].filter(Boolean);
const markdown = `${lines.join('\n')}\n${kept.map((section) => `\n${section}\n`).join('')}`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown);
process.stdout.write(markdown);
