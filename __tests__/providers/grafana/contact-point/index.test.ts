/** Unit tests of providers/grafana/contact-point (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/contact-point';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.ContactPoint, 'resource');
