import { relative, resolve } from 'node:path';
import { LocalBackend, PgBackend, S3Backend, TerraformStack } from 'cdktf';
import { BackendConfig, defaultLocalStatePath, EnvironmentConfig } from '../config/types';

/**
 * Declares where the stack keeps its state, with locking on: two Terraform runs
 * against one state must never both write it. The locking test
 * (__tests__/stacks/backend-locking.test.ts) renders a stack through this function.
 */
export function configureBackend(stack: TerraformStack, backend: BackendConfig): void {
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: backend.path });
      return;
    case 's3':
      // DigitalOcean Spaces speaks S3 but is not AWS: skip the AWS-only checks.
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        endpoints: { s3: backend.endpoint },
        skipCredentialsValidation: true,
        skipRegionValidation: true,
        skipRequestingAccountId: true,
        skipMetadataApiCheck: true,
        skipS3Checksum: true,
      });
      // Terraform's native S3 lock file (GA in 1.11; cdktf 0.21's S3BackendConfig has no
      // field for it). It relies on conditional writes: `npm run doctor -- <env> --online`
      // checks that the bucket refuses a second If-None-Match PUT.
      stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return;
    case 'pg':
      // cdktf's PgBackendConfig requires connStr, but the connection string carries a
      // password: the override deletes it, and Terraform reads PG_CONN_STR instead.
      new PgBackend(stack, { connStr: '', schemaName: backend.schemaName });
      stack.addOverride('terraform.backend.pg.conn_str', undefined);
      return;
  }
}

/**
 * The environment's backend with a local state path made relative to the stack's
 * working directory (where Terraform runs). The file itself stays where cdktf's
 * LocalBackend puts it by default, in the project root, outside the synth output;
 * relative, so that a moved checkout keeps finding it.
 */
export function backendOf(env: EnvironmentConfig, workingDirectory: string): BackendConfig {
  const backend = env.backend;
  if (backend.type !== 'local') return backend;
  const statePath = resolve(backend.path ?? defaultLocalStatePath(env.name));
  return { type: 'local', path: relative(workingDirectory, statePath) };
}
