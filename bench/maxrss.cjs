// Preloaded into every node process of a measured command (NODE_OPTIONS=--require)
// when /usr/bin/time is missing: appends the process's peak RSS in KiB to
// BENCH_MAXRSS_FILE on exit. The bench takes the largest line.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_MAXRSS_FILE;
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
