/** Unit tests of providers/grafana/rule-group (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/rule-group';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.RuleGroup, 'resource');
