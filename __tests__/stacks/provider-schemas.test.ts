import { checkAgainstSchema, checkProviderAgainstSchema } from '../providers/schema-checker';
import { ENVIRONMENT_NAMES } from '../../config/types';
import { ESTATES } from '../support/estates';
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

const CASES = ESTATES.flatMap((estate) => ENVIRONMENT_NAMES.map((env) => ({ estate, env, name: `${estate.name}, ${env}` })));

describe.each(CASES)('Grafana and Sentry blocks ($name)', ({ estate, env }) => {
  const json = synthOf(env, estate);

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
