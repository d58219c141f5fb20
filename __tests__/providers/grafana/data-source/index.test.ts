/** Unit tests of providers/grafana/data-source (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/data-source';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.DataSource, 'resource');
