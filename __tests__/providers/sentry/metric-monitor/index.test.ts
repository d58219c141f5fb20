/** Unit tests of providers/sentry/metric-monitor (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/metric-monitor';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.MetricMonitor, 'resource');
