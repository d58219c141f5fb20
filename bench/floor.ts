/**
 * Plain CDKTF's own floor: the same stacks, declared with nothing but cdktf's
 * TerraformResource (no provider bindings, catalog, validation or tokens).
 *
 * Bare: as many resources per stack as BENCH_FLOOR says, two string attributes each.
 *   BENCH_FLOOR='{"staging":120,"production":140}' CDKTF_OUTDIR=/tmp/out node .build/bench/floor.js
 *
 * Replay: every resource and data source of an existing synth output, re-declared
 * with the same attributes as plain values: what cdktf costs for the same JSON.
 *   BENCH_FLOOR_FROM=/tmp/ours CDKTF_OUTDIR=/tmp/out node .build/bench/floor.js
 *
 * With BENCH_TIMINGS set, writes the in-process phases (ms since process start).
 */
import { App, TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

type Attributes = Record<string, unknown>;
type Blocks = Record<string, Record<string, Attributes>>;

class PlainResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Attributes) {
    super(scope, id, { terraformResourceType: type });
  }

  protected override synthesizeAttributes(): Attributes {
    return this.attributes;
  }
}

class PlainDataSource extends TerraformDataSource {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Attributes) {
    super(scope, id, { terraformResourceType: type });
  }

  protected override synthesizeAttributes(): Attributes {
    return this.attributes;
  }
}

/** Per stack: the resource and data-source blocks to declare. */
function plan(): Record<string, { resource: Blocks; data: Blocks }> {
  const from = process.env.BENCH_FLOOR_FROM;
  if (from) {
    const stacksDir = join(from, 'stacks');
    return Object.fromEntries(readdirSync(stacksDir).map((name) => {
      const json = JSON.parse(readFileSync(join(stacksDir, name, 'cdk.tf.json'), 'utf8')) as { resource?: Blocks; data?: Blocks };
      return [name, { resource: json.resource ?? {}, data: json.data ?? {} }];
    }));
  }
  const counts = JSON.parse(process.env.BENCH_FLOOR ?? '{}') as Record<string, number>;
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => {
    const bare: Record<string, Attributes> = {};
    for (let i = 0; i < count; i++) bare[`r${i}`] = { name: `${name}-${i}`, description: `bare resource ${i} of ${name}` };
    return [name, { resource: { bench_bare: bare }, data: {} }];
  }));
}

const stacks = plan();
const started = performance.now();
const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
for (const [stackName, blocks] of Object.entries(stacks)) {
  const stack = new TerraformStack(app, stackName);
  for (const [type, byName] of Object.entries(blocks.resource)) {
    for (const [name, attributes] of Object.entries(byName)) new PlainResource(stack, name, type, attributes);
  }
  for (const [type, byName] of Object.entries(blocks.data)) {
    for (const [name, attributes] of Object.entries(byName)) new PlainDataSource(stack, `data-${name}`, type, attributes);
  }
}
app.synth();
const synthesized = performance.now();

if (process.env.BENCH_TIMINGS) {
  writeFileSync(process.env.BENCH_TIMINGS, JSON.stringify({ loadedMs: started, synthMs: synthesized - started }));
}
