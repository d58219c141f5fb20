/** Unit tests of providers/sentry/key (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/key';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Key, 'resource');
