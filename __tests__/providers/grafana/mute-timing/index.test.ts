/** Unit tests of providers/grafana/mute-timing (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/mute-timing';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.MuteTiming, 'resource');
