/** Unit tests of providers/grafana/dashboard (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/dashboard';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Dashboard, 'resource');
