/** Unit tests of providers/sentry/data-sentry-project-error-monitor (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/data-sentry-project-error-monitor';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.DataSentryProjectErrorMonitor, 'data');
