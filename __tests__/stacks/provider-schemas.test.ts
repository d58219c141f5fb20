import { checkAgainstSchema, checkProviderAgainstSchema } from '../providers/schema-checker';
import { synthOf, TerraformJson } from '../support/synth';

/** Every grafana_* and sentry_* block a stack emits, as [kind, type, name, body]. */
function boundBlocks(json: TerraformJson): [('resource' | 'data'), string, string, object][] {
  const blocks: [('resource' | 'data'), string, string, object][] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      if (!/^(grafana|sentry)_/.test(type)) continue;
      for (const [name, body] of Object.entries(byName)) blocks.push([kind, type, name, body]);
    }
  }
  return blocks;
}

describe.each(['staging', 'production'] as const)('Grafana and Sentry blocks in %s', (env) => {
  const json = synthOf(env);

  it('match the providers\' schemas: names, nesting, required and computed-only fields', () => {
    const blocks = boundBlocks(json);
    expect(blocks.length).toBeGreaterThan(5);
    const violations = blocks.flatMap(([kind, type, name, body]) =>
      checkAgainstSchema(type, body, kind).map((v) => `${kind} ${type}.${name}: ${v}`));
    expect(violations).toEqual([]);
  });

  it('configure both providers within their schemas', () => {
    for (const provider of ['grafana', 'sentry']) {
      const [block] = json.provider[provider] as object[];
      expect(checkProviderAgainstSchema(provider, block)).toEqual([]);
    }
  });
});
