/** Unit tests of providers/sentry/alert (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/alert';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Alert, 'resource');
