/** Unit tests of providers/grafana/message-template (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/message-template';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.MessageTemplate, 'resource');
