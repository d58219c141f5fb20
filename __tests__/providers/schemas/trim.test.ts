import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundTypesByAddress, trimProviderSchemas } from '../../../providers/schemas/trim';
import { ROOT } from '../../support/paths';

const COMMITTED_PATH = join(ROOT, 'providers', 'schemas', 'provider-schemas.json');
const committed = readFileSync(COMMITTED_PATH, 'utf8');

describe('npm run schemas:update: trimming terraform providers schema -json', () => {
  const bound = boundTypesByAddress();

  it('derives the bound types from the bindings\' tfResourceType: the types of the committed file, hand-trimmed', () => {
    const schemas = JSON.parse(committed).provider_schemas as Record<string, { resource_schemas?: object; data_source_schemas?: object }>;
    expect([...bound.keys()]).toEqual(Object.keys(schemas));
    for (const [address, types] of bound) {
      expect({ address, ...types }).toEqual({
        address,
        resources: Object.keys(schemas[address].resource_schemas ?? {}).sort(),
        dataSources: Object.keys(schemas[address].data_source_schemas ?? {}).sort(),
      });
    }
    expect([...bound.values()].flatMap((t) => [...t.resources, ...t.dataSources])).toHaveLength(17);
  });

  it('leaves the committed file byte for byte as it is: trimming it again changes nothing', () => {
    expect(trimProviderSchemas(JSON.parse(committed), bound)).toBe(committed);
  });

  it('drops descriptions, unbound types and other sections, keeping attributes named "description"', () => {
    const raw = JSON.parse(committed);
    const sentry = raw.provider_schemas['registry.terraform.io/jianyuan/sentry'];
    sentry.resource_schemas.sentry_team.block.description = 'Sentry Team resource.';
    sentry.resource_schemas.sentry_team.block.description_kind = 'markdown';
    sentry.resource_schemas.sentry_team.block.attributes.name.description = 'The name of the team.';
    sentry.resource_schemas.sentry_unbound = { version: 0, block: {} };
    sentry.ephemeral_resource_schemas = { sentry_x: { version: 0, block: {} } };
    raw.provider_schemas['registry.terraform.io/hashicorp/null'] = { provider: { version: 0, block: {} } };

    const trimmed = trimProviderSchemas(raw, bound);
    expect(trimmed).toBe(committed);
    expect(trimmed).toContain('"description": {'); // an attribute so named survives
  });

  it('fails when a bound type is missing from the input, naming it and the fix', () => {
    const raw = JSON.parse(committed);
    delete raw.provider_schemas['registry.terraform.io/jianyuan/sentry'].data_source_schemas.sentry_project_error_monitor;
    expect(() => trimProviderSchemas(raw, bound)).toThrow('registry.terraform.io/jianyuan/sentry: providers/ binds the data source ' +
      'sentry_project_error_monitor, which the provider\'s schema does not have. Fix: regenerate with the release the bindings mirror');
  });

  it('fails when a bound provider is missing from the input', () => {
    const raw = JSON.parse(committed);
    delete raw.provider_schemas['registry.terraform.io/grafana/grafana'];
    expect(() => trimProviderSchemas(raw, bound)).toThrow(/^registry\.terraform\.io\/grafana\/grafana: not in the schema output/);
  });
});
