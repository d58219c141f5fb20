/** Unit tests of providers/sentry/team (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/sentry/team';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Team, 'resource');
