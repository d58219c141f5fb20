import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig, EnvironmentName } from '../../config/types';
import { ConfigError } from '../../config/validate';
import { buildApp } from '../../stacks/app';
import { TerraformJson } from '../support/synth';

/** Production synthesized in this process with its app spec changed. */
function synthWithApp(change: (app: any) => void): TerraformJson {
  const configs = structuredClone(ENVIRONMENTS) as Record<EnvironmentName, EnvironmentConfig>;
  change(configs.production.digitalocean.app);
  const outdir = mkdtempSync(join(tmpdir(), 'app-spec-'));
  buildApp({ outdir, configs, environments: ['production'] }).synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
}

const SENTINEL = 'SENTINEL-app-secret-5d1e';

describe('the app spec of a live app with workers, jobs and secrets', () => {
  const saved = { ...process.env };
  let json: TerraformJson;
  beforeAll(() => {
    // Were a value read from the environment, it would show up in the JSON.
    for (const key of ['JWT_SECRET', 'OPENAI_API_KEY']) process.env[`TF_VAR_app_secret_${key.toLowerCase()}`] = `${SENTINEL}-${key}`;
    json = synthWithApp((app) => {
      app.secretEnv = ['JWT_SECRET'];
      app.workers = [{
        name: 'scrape-worker', environmentSlug: 'python', sourceDir: '/', runCommand: 'python -m app.worker',
        instanceSizeSlug: 'apps-s-1vcpu-1gb', instanceCount: 2, env: { QUEUE: 'scrape' }, secretEnv: ['OPENAI_API_KEY', 'JWT_SECRET'],
      }];
      app.jobs = [{ name: 'migrate', kind: 'PRE_DEPLOY', dockerfilePath: 'Dockerfile', runCommand: 'alembic upgrade head', instanceSizeSlug: 'apps-s-1vcpu-0.5gb' }];
    });
  });
  afterAll(() => { process.env = saved; });
  const app = () => Object.values(json.resource.digitalocean_app)[0];

  it('declares one sensitive variable per secret name, shared where components share a name', () => {
    const variables = json.variable ?? {};
    for (const name of ['app_secret_jwt_secret', 'app_secret_openai_api_key']) {
      expect(variables[name]).toMatchObject({ type: 'string', sensitive: true, nullable: false });
    }
    expect(Object.keys(variables).filter((n) => n.startsWith('app_secret_'))).toHaveLength(2);
  });

  it('gives the API its secrets by reference, beside SENTRY_DSN, and writes no value', () => {
    const env = app().spec.service[0].env;
    expect(env.map((v: any) => v.key)).toEqual(['JWT_SECRET', 'SENTRY_DSN']);
    expect(env[0]).toEqual({ key: 'JWT_SECRET', value: '${var.app_secret_jwt_secret}', type: 'SECRET', scope: 'RUN_TIME' });
    expect(JSON.stringify(json)).not.toContain(SENTINEL);
  });

  it('declares the worker and the job from the app\'s repository, with their commands', () => {
    const { github } = app().spec.service[0];
    expect(app().spec.worker).toEqual([{
      name: 'scrape-worker', github, environment_slug: 'python', source_dir: '/', run_command: 'python -m app.worker',
      instance_size_slug: 'apps-s-1vcpu-1gb', instance_count: 2,
      env: [
        { key: 'QUEUE', value: 'scrape', type: 'GENERAL', scope: 'RUN_TIME' },
        { key: 'OPENAI_API_KEY', value: '${var.app_secret_openai_api_key}', type: 'SECRET', scope: 'RUN_TIME' },
        { key: 'JWT_SECRET', value: '${var.app_secret_jwt_secret}', type: 'SECRET', scope: 'RUN_TIME' },
      ],
    }]);
    expect(app().spec.job).toEqual([{
      name: 'migrate', kind: 'PRE_DEPLOY', github, dockerfile_path: 'Dockerfile', run_command: 'alembic upgrade head',
      instance_size_slug: 'apps-s-1vcpu-0.5gb', env: [],
    }]);
  });

  it('ignores the env of a component with a secret (read back encrypted), and nothing else of it', () => {
    const ignored: string[] = app().lifecycle.ignore_changes;
    expect(ignored).toContain('spec[0].worker[0].env');
    expect(ignored.filter((p) => p.startsWith('spec[0].job'))).toEqual([]);
  });

  it('fails when a worker takes the name of the service or of the Agent', () => {
    const worker = { environmentSlug: 'python', runCommand: 'x', instanceSizeSlug: 'apps-s-1vcpu-1gb' };
    expect(() => synthWithApp((a) => { a.workers = [{ ...worker, name: 'datadog-agent' }]; })).toThrow(ConfigError);
    expect(() => synthWithApp((a) => { a.workers = [{ ...worker, name: 'esg-scraper-api' }]; })).toThrow(
      'production.digitalocean.app.workers[0].name: got "esg-scraper-api"; expected a name of its own (the API\'s service component is named so)');
  });

  it('names the API\'s component as the adopted app has it, keeping DD_SERVICE the service\'s id', () => {
    const renamed = synthWithApp((a) => { a.componentName = 'api'; });
    const app = Object.values(renamed.resource.digitalocean_app)[0];
    expect(app.spec.service.map((s: any) => s.name)).toEqual(['api', 'datadog-agent']);
    expect(app.spec.env.find((v: any) => v.key === 'DD_SERVICE').value).toBe('esg-scraper-api');
  });
});
