import { App, Testing, TerraformStack } from 'cdktf';
import { BackendConfig } from '../../config/types';
import { configureBackend } from '../../stacks/backend';
import { synthOf } from '../support/synth';

/** The `terraform.backend` block that one backend config renders to. */
function backendOf(config: BackendConfig): Record<string, unknown> {
  const app = new App();
  const stack = new TerraformStack(app, 'backend');
  configureBackend(stack, config);
  return JSON.parse(Testing.synth(stack)).terraform.backend;
}

describe('state backend rendering', () => {
  it.each(['staging', 'production'] as const)('locks %s state with the S3 backend\'s native lock file', (env) => {
    const s3 = (synthOf(env).terraform.backend as { s3: Record<string, unknown> }).s3;
    expect(s3.use_lockfile).toBe(true);
    // The lock file is the only lock: a DynamoDB table does not exist on Spaces.
    expect(s3).not.toHaveProperty('dynamodb_table');
  });

  it('renders the pg backend with its schema and without a connection string (Terraform reads PG_CONN_STR)', () => {
    expect(backendOf({ type: 'pg', schemaName: 'monitoring_production' })).toEqual({ pg: { schema_name: 'monitoring_production' } });
  });

  it('renders the S3 backend with the Spaces endpoint and the AWS-only checks skipped', () => {
    expect(backendOf({ type: 's3', bucket: 'b', key: 'k/production.tfstate', region: 'fra1', endpoint: 'https://fra1.digitaloceanspaces.com' }))
      .toEqual({
        s3: {
          bucket: 'b',
          key: 'k/production.tfstate',
          region: 'fra1',
          endpoints: { s3: 'https://fra1.digitaloceanspaces.com' },
          use_lockfile: true,
          skip_credentials_validation: true,
          skip_region_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          skip_s3_checksum: true,
        },
      });
  });
});
