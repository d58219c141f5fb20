/**
 * Bench entry point: synthesizes every environment for BENCH_SERVICES generated
 * services through `synthesize`, the same path as main.ts, into CDKTF_OUTDIR.
 *
 *   BENCH_SERVICES=10 CDKTF_OUTDIR=/tmp/out node .build/bench/synth-services.js
 *
 * With BENCH_TIMINGS set, writes the in-process phases (ms since process start)
 * to that file as JSON, so the bench can tell module loading from synth.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { synthesize } from '../stacks/app';
import { generateServices } from './services';

const loaded = performance.now();
const services = generateServices(Number(process.env.BENCH_SERVICES ?? '1'));
synthesize({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out', services });
const synthesized = performance.now();

if (process.env.BENCH_TIMINGS) {
  writeFileSync(process.env.BENCH_TIMINGS, JSON.stringify({ loadedMs: loaded, synthMs: synthesized - loaded }));
}
