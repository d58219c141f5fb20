/** Unit tests of providers/sentry/integration-pagerduty (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/integration-pagerduty';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.IntegrationPagerduty, 'resource');
