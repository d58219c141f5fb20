/** Unit tests of providers/grafana/folder (the checks are in ../../binding-checks.ts). */
import * as binding from '../../../../providers/grafana/folder';
import { describeBinding } from '../../binding-checks';

describeBinding(binding, binding.Folder, 'resource');
