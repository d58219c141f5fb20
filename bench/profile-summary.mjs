// Summarizes a V8 CPU profile (node --cpu-prof): self time by package and by
// function, and inclusive time of our own (bundled, .build/) functions.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof .build/bench/synth-services.js
//   node bench/profile-summary.mjs /tmp/prof/<file>.cpuprofile [top=15]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where a frame's code lives: an npm package, our bundle, node itself, or a V8 pseudo-frame. */
function where(cf) {
  const pkg = cf.url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (cf.url.includes('/.build/')) return 'ours (.build/)';
  if (cf.url.startsWith('node:')) return 'node internals (module loading, fs, path)';
  if (cf.functionName === 'get stack' || cf.functionName.startsWith('RegExp:')) return `V8 (${cf.functionName.slice(0, 30)})`;
  return cf.functionName ? `V8 ${cf.functionName}` : '(native)';
}

function label(cf) {
  const file = cf.url.replace(/^.*node_modules\//, '').replace(/^.*\.build\//, '.build/');
  return `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber + 1}`;
}

/**
 * Named costs, inclusive (a sample counts once if any frame on its stack matches).
 * They overlap: resolve includes the stack traces of tokens created while resolving.
 */
const HOTSPOTS = [
  ['loading packages (require)', (cf) => cf.functionName === 'Module.require' && cf.url.startsWith('node:')],
  ['cdktf: stack trace captured per token and nested-block reference (captureStackTrace)', (cf) => cf.functionName === 'captureStackTrace' && cf.url.includes('cdktf/')],
  ['cdktf: resolving tokens (tokens/private/resolve.js)', (cf) => cf.functionName === 'resolve' && cf.url.includes('cdktf/lib/tokens/private/resolve')],
  ['cdktf: synth phase (StackSynthesizer: resolve tokens, write cdk.tf.json)', (cf) => cf.functionName === 'synthesize' && cf.url.includes('cdktf/lib/synthesize/synthesizer')],
  ['ours: PromQL syntax check on the synth path (promqlSyntaxErrors)', (cf) => cf.functionName === 'promqlSyntaxErrors'],
  ['ours: building constructs (MonitoringStack)', (cf) => cf.functionName === 'MonitoringStack'],
  ['garbage collector', (cf) => cf.functionName === '(garbage collector)'],
];

/**
 * Who asked cdktf for a stack trace: the provider binding whose constructor or
 * getter it was (generated classes build a reference object, each with its stack,
 * for every nested block), under which of our constructs, or a token made elsewhere.
 */
function stackTraceSource(chain) {
  const phase = chain.some((f) => f.functionName === 'synthesize' && f.url.includes('cdktf/lib/synthesize/synthesizer')) ? 'synth' : 'construct';
  const binding = chain.find((f) => /provider-[a-z]+\/lib\/[^/]+\/index\.js|\.build\/.*providers\//.test(f.url) && /^[A-Z]/.test(f.functionName));
  const ours = chain.find((f) => f.url.includes('/.build/') && /^([A-Z]|get )/.test(f.functionName));
  const module = binding?.url.match(/provider-([a-z]+)\/lib\/([^/]+)\//);
  return `${phase}: ${module ? `${module[1]} ${module[2]} binding` : 'token'} in ${ours?.functionName ?? '(cdktf)'}`;
}

/** Returns { totalMs, hotspots, stackTraceSources, byPackage, byFunction, oursInclusive }, each a [key, ms] list sorted by ms. */
export function summarize(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }

  const add = (map, key, v) => map.set(key, (map.get(key) ?? 0) + v);
  const byPackage = new Map();
  const byFunction = new Map();
  const oursInclusive = new Map();
  const hotspots = new Map(HOTSPOTS.map(([name]) => [name, 0]));
  const stackTraceSources = new Map();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const cf = nodes.get(id).callFrame;
    totalMs += ms;
    add(byPackage, where(cf), ms);
    add(byFunction, label(cf), ms);
    const seen = new Set();
    const chain = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(nodes.get(cur).callFrame);
    if (chain.some((f) => f.functionName === 'captureStackTrace' && f.url.includes('cdktf/'))) {
      add(stackTraceSources, stackTraceSource(chain), ms);
    }
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = nodes.get(cur).callFrame;
      for (const [name, matches] of HOTSPOTS) {
        if (!seen.has(name) && matches(frame)) {
          seen.add(name);
          add(hotspots, name, ms);
        }
      }
      if (!frame.url.includes('/.build/') || !frame.functionName) continue;
      const key = label(frame);
      if (!seen.has(key)) {
        seen.add(key);
        add(oursInclusive, key, ms);
      }
    }
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs, hotspots: [...hotspots], stackTraceSources: sorted(stackTraceSources), byPackage: sorted(byPackage), byFunction: sorted(byFunction), oursInclusive: sorted(oursInclusive) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
    process.exit(2);
  }
  const top = Number(topArg ?? 15);
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')));
  const print = (title, list) => {
    console.log(`\n${title}`);
    for (const [k, v] of list.slice(0, top)) {
      console.log(`${v.toFixed(0).padStart(7)} ms ${((100 * v) / s.totalMs).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`${file}: ${s.totalMs.toFixed(0)} ms sampled`);
  print('Named costs (inclusive, overlapping)', s.hotspots);
  print('Stack traces captured, by source', s.stackTraceSources);
  print('Self time by package', s.byPackage);
  print('Self time by function', s.byFunction);
  print('Inclusive time of our functions', s.oursInclusive);
}
