import { parser } from '@prometheus-io/lezer-promql';

/**
 * PromQL syntax checking with Prometheus's own grammar (the lezer parser the
 * Prometheus UI uses), cheap enough for the synth path. Lezer recovers from
 * errors instead of throwing, so a bad expression shows up as error nodes (⚠)
 * in an otherwise complete tree: we look for those.
 *
 * This checks syntax only (balanced brackets, known functions, operators, label
 * matchers). Types (e.g. `rate` over an instant vector) are checked by promtool
 * in the tests, which evaluates every catalog expression on Prometheus itself.
 */

/** Where an expression fails to parse: 1-based column and the text from there. */
export interface PromQLSyntaxError {
  readonly column: number;
  readonly near: string;
}

// Both environments share most expressions: parse each distinct one once per process.
const parsed = new Map<string, readonly PromQLSyntaxError[]>();

/** The syntax errors of an expression; empty when it parses. */
export function promqlSyntaxErrors(expression: string): readonly PromQLSyntaxError[] {
  let errors = parsed.get(expression);
  if (!errors) {
    errors = parse(expression);
    parsed.set(expression, errors);
  }
  return errors;
}

function parse(expression: string): PromQLSyntaxError[] {
  if (expression.trim() === '') return [{ column: 1, near: '(empty expression)' }];
  const errors: PromQLSyntaxError[] = [];
  parser.parse(expression).iterate({
    enter(node) {
      if (!node.type.isError) return;
      const near = expression.slice(node.from, node.from + 20);
      errors.push({ column: node.from + 1, near: near === '' ? '(end of expression)' : near });
    },
  });
  return errors;
}

/** One line describing why an expression does not parse, or undefined when it does. */
export function describePromQLError(expression: string): string | undefined {
  const [first, ...rest] = promqlSyntaxErrors(expression);
  if (!first) return undefined;
  const more = rest.length > 0 ? ` (and ${rest.length} more error${rest.length === 1 ? '' : 's'})` : '';
  return `PromQL does not parse at column ${first.column}, near ${JSON.stringify(first.near)}${more}`;
}
