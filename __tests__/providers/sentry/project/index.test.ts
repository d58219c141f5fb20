/** Unit tests of providers/sentry/project (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/project';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Project, 'resource');
