/** Unit tests of providers/sentry/data-sentry-project-issue-stream-monitor (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/data-sentry-project-issue-stream-monitor';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.DataSentryProjectIssueStreamMonitor, 'data');
