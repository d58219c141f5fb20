import { knownAlertIds } from '../../catalog/alerts';
import { SERVICES } from '../../catalog/services';
import { ENVIRONMENTS } from '../../config/environments';
import { EnvironmentConfig } from '../../config/types';
import { ConfigError, loadEnvironments } from '../../config/validate';

const ids = knownAlertIds(SERVICES);

/** The problems validation reports for both environments of `configs`, in order; [] when they are valid. */
export function problemsOf(configs: Record<string, EnvironmentConfig>): string[] {
  try {
    loadEnvironments(['staging', 'production'], ids, configs);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  return [];
}

/** A deep copy of the real configs with production changed by `change`. */
export function withProduction(change: (env: any) => void): Record<string, EnvironmentConfig> {
  const configs = structuredClone(ENVIRONMENTS) as Record<string, any>;
  change(configs.production);
  return configs;
}
