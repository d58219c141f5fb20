/**
 * Expands Grafana's PostgreSQL macros the way Grafana's backend does before it sends
 * a panel's SQL to the database, so tests can run the dashboards' SQL as Grafana would.
 * Follows pkg/tsdb/grafana-postgresql-datasource/macros.go (and sqleng's Interpolate
 * for `$__interval`, `$__interval_ms`, `$__unixEpochFrom()`, `$__unixEpochTo()`):
 *
 *   $__timeFilter(c)          c BETWEEN '<from>' AND '<to>'   (RFC 3339, UTC, trailing zeros of the fraction cut)
 *   $__timeFrom(), $__timeTo() '<from>', '<to>'
 *   $__time(c)                c AS "time"
 *   $__timeEpoch(c)           extract(epoch from c) as "time"
 *   $__timeGroup(c, 1d[, fill])       floor(extract(epoch from c)/86400)*86400
 *   $__timeGroupAlias(c, 1d[, fill])  … AS "time"
 *   $__unixEpochFilter(c), $__unixEpochNanoFilter(c), $__unixEpochNanoFrom/To(), $__unixEpochGroup(Alias)(c, i)
 *
 * The fill argument only tells Grafana how to fill missing buckets after the query; it
 * is validated and otherwise has no effect on the SQL. Unknown macros fail, as in Grafana.
 */

export interface SqlTimeRange {
  readonly from: Date;
  readonly to: Date;
}

export interface ExpandOptions {
  /** The panel's `$__interval` in milliseconds. @default 60000 */
  readonly intervalMs?: number;
}

const MACRO = /\$([_a-zA-Z0-9]+)\(([^)]*)\)/g;

/** Go's time.RFC3339Nano of a UTC instant: `2024-05-01T00:00:00Z`, `2024-05-01T00:00:00.5Z`. */
export function rfc3339Nano(date: Date): string {
  return date.toISOString().replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

/** Go's `%v` of a float64: shortest digits, exponent form from 1e+06 up or below 1e-04. */
export function goFloat(n: number): string {
  const [mantissa, exponentText] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  if (n !== 0 && (exponent < -4 || exponent >= 6)) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(n);
}

const GO_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** gtime.ParseInterval: Go durations (`5m`, `1h30m`) plus days and weeks, in seconds. */
export function parseIntervalSeconds(text: string): number {
  const days = /^(\d+)([dw])$/.exec(text);
  if (days) return Number(days[1]) * (days[2] === 'w' ? 7 : 1) * 86_400;
  if (/^\d+[My]$/.test(text)) throw new Error(`interval ${text}: calendar months and years depend on the current date; not supported here`);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`error parsing interval ${text}`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * GO_UNITS_MS[p[2]], 0) / 1000;
}

/** gtime.FormatInterval: the largest whole unit. */
function formatInterval(ms: number): string {
  const units: [string, number][] = [['y', 31_536_000_000], ['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]];
  for (const [unit, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return `${ms}ms`;
}

function checkFill(fill: string | undefined): void {
  if (fill === undefined || fill === 'NULL' || fill === 'previous') return;
  if (Number.isNaN(Number.parseFloat(fill))) throw new Error(`error parsing fill value ${fill}`);
}

export function expandGrafanaSqlMacros(sql: string, range: SqlTimeRange, options: ExpandOptions = {}): string {
  const intervalMs = options.intervalMs ?? 60_000;
  const from = rfc3339Nano(range.from);
  const to = rfc3339Nano(range.to);
  const fromUnix = Math.floor(range.from.getTime() / 1000);
  const toUnix = Math.floor(range.to.getTime() / 1000);
  const nanos = (d: Date) => (BigInt(d.getTime()) * 1_000_000n).toString();

  const interpolated = sql
    .replaceAll('$__interval_ms', String(intervalMs))
    .replaceAll('$__interval', formatInterval(intervalMs))
    .replaceAll('$__unixEpochFrom()', String(fromUnix))
    .replaceAll('$__unixEpochTo()', String(toUnix));

  const evaluate = (name: string, args: string[]): string => {
    const column = () => {
      if (!args[0]) throw new Error(`missing time column argument for macro ${name}`);
      return args[0];
    };
    const group = (render: (col: string, seconds: string) => string) => {
      if (args.length < 2) throw new Error(`macro ${name} needs time column and interval and optional fill value`);
      const seconds = goFloat(parseIntervalSeconds(args[1].replace(/^'+|'+$/g, '')));
      checkFill(args[2]);
      return render(args[0], seconds);
    };
    switch (name) {
      case '__time': return `${column()} AS "time"`;
      case '__timeEpoch': return `extract(epoch from ${column()}) as "time"`;
      case '__timeFilter': return `${column()} BETWEEN '${from}' AND '${to}'`;
      case '__timeFrom': return `'${from}'`;
      case '__timeTo': return `'${to}'`;
      case '__timeGroup': return group((c, s) => `floor(extract(epoch from ${c})/${s})*${s}`);
      case '__timeGroupAlias': return `${evaluate('__timeGroup', args)} AS "time"`;
      case '__unixEpochFilter': return `${column()} >= ${fromUnix} AND ${column()} <= ${toUnix}`;
      case '__unixEpochNanoFilter': return `${column()} >= ${nanos(range.from)} AND ${column()} <= ${nanos(range.to)}`;
      case '__unixEpochNanoFrom': return nanos(range.from);
      case '__unixEpochNanoTo': return nanos(range.to);
      case '__unixEpochGroup': return group((c, s) => `floor((${c})/${s})*${s}`);
      case '__unixEpochGroupAlias': return `${evaluate('__unixEpochGroup', args)} AS "time"`;
      default: throw new Error(`unknown macro "${name}"`);
    }
  };

  return interpolated.replace(MACRO, (whole: string, name: string, argText: string, offset: number) => {
    // Before Grafana 5.3 $__timeGroup added the alias itself; Grafana still does when a comma follows.
    const macro = name === '__timeGroup' && interpolated[offset + whole.length] === ',' ? '__timeGroupAlias' : name;
    return evaluate(macro, argText.split(',').map((a) => a.trim()));
  });
}
