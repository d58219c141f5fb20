/**
 * Entry point of `cdktf synth` / `npm run synth`: one stack per environment.
 *
 *   MONITORING_ENVIRONMENTS=production npm run synth   # one environment only
 *
 * Bad configuration prints every problem and exits 1 before anything is written.
 */
import { ConfigError, parseEnvironmentNames } from './config/validate';
import { synthesize } from './stacks/app';

// An adopted resource's import block makes cdktf run `terraform version` once per
// resource; without this, each run also asks HashiCorp's checkpoint service for news.
process.env.CHECKPOINT_DISABLE ??= '1';

try {
  synthesize({
    outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out',
    environments: parseEnvironmentNames(process.env.MONITORING_ENVIRONMENTS),
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
