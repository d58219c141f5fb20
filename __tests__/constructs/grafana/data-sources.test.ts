import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DataSources, DataSourcesProps, PostgresSslMode } from '../../../constructs/grafana/data-sources';
import { ENVIRONMENTS } from '../../../config/environments';
import { SYNTH_DIR } from '../../support/paths';
import { resourcesOf, synthOf } from '../../support/synth';

function synthWith(overrides: Partial<DataSourcesProps['postgres']> = {}): Record<string, any> {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const password = new TerraformVariable(stack, 'pg_password', { type: 'string', sensitive: true });
  new DataSources(stack, 'ds', {
    prometheus: { name: 'Prometheus', uid: 'prom', url: 'http://prometheus.example.com:9090' },
    postgres: { name: 'PG', uid: 'pg', host: 'db.example.com:5432', database: 'analytics', user: 'reader', password: password.value, ...overrides },
  });
  return JSON.parse(Testing.synth(stack)).resource.grafana_data_source;
}

describe('DataSources (Grafana)', () => {
  it('declares Prometheus and PostgreSQL with fixed uids, proxied by Grafana', () => {
    const sources = Object.values(synthWith());
    expect(sources.map((s) => [s.type, s.uid, s.access_mode]).sort()).toEqual([
      ['grafana-postgresql-datasource', 'pg', 'proxy'],
      ['prometheus', 'prom', 'proxy'],
    ]);
  });

  it('connects PostgreSQL with TLS required by default, the database in jsonData', () => {
    const postgres = Object.values(synthWith()).find((s) => s.uid === 'pg');
    expect(postgres).toMatchObject({ url: 'db.example.com:5432', username: 'reader' });
    expect(JSON.parse(postgres.json_data_encoded)).toEqual({ database: 'analytics', sslmode: 'require' });
    expect(JSON.parse(Object.values(synthWith({ sslMode: 'verify-full' })).find((s) => s.uid === 'pg').json_data_encoded).sslmode)
      .toBe('verify-full');
  });

  it('passes the password only as a Terraform expression over the sensitive variable', () => {
    const postgres = Object.values(synthWith()).find((s) => s.uid === 'pg');
    expect(postgres.secure_json_data_encoded).toBe('${jsonencode({"password" = var.pg_password})}');
    expect(postgres.password).toBeUndefined();
  });

  it('fails when the SSL mode is not one Grafana offers', () => {
    expect(() => synthWith({ sslMode: 'prefer' as PostgresSslMode }))
      .toThrow('postgres.sslMode: got "prefer"; expected one of disable, require, verify-ca, verify-full');
  });

  it.each(['staging', 'production'] as const)('takes URLs, database and user from the %s config', (name) => {
    const env = ENVIRONMENTS[name];
    const sources: Record<string, any>[] = resourcesOf(synthOf(name), 'grafana_data_source').map(([, s]) => s);
    expect(sources).toHaveLength(2);
    const prometheus = sources.find((s) => s.type === 'prometheus') ?? {};
    const postgres = sources.find((s) => s.type === 'grafana-postgresql-datasource') ?? {};
    expect(prometheus).toMatchObject({ uid: `prometheus-${name}`, url: env.grafana.prometheusUrl });
    expect(postgres).toMatchObject({ uid: `postgres-${name}`, url: env.grafana.postgres.host, username: env.grafana.postgres.user });
    expect(JSON.parse(postgres.json_data_encoded).database).toBe(env.grafana.postgres.database);
    expect(postgres.secure_json_data_encoded).toBe('${jsonencode({"password" = var.postgres_password})}');
    expect(synthOf(name).variable?.postgres_password).toMatchObject({ sensitive: true });
  });

  it('writes no password into cdk.tf.json', () => {
    const text = readFileSync(join(SYNTH_DIR, 'stacks', 'production', 'cdk.tf.json'), 'utf8');
    expect(text).not.toMatch(/"password"\s*:/);
  });
});
