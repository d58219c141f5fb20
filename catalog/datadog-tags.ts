/**
 * Datadog tags that carry meaning for more than one module: the renderer sets them,
 * the routing picture (review/routing-graph.ts) and tests read them.
 */

/** Tag of the monitors that notify only through a composite monitor (they carry no handle). */
export const COMPOSITE_PART_TAG = 'notifies:through-composite';
