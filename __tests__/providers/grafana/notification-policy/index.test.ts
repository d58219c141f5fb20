/** Unit tests of providers/grafana/notification-policy (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/notification-policy';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.NotificationPolicy, 'resource');
