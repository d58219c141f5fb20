/**
 * `npm run diff`: the synth diff of a pull request as Markdown, failing when a
 * data-bearing resource would be destroyed. See review/diff-command.ts.
 */
import { runDiff } from '../review/diff-command';

process.exitCode = runDiff(process.argv.slice(2), process.cwd(), {
  out: (text) => process.stdout.write(text),
  err: (text) => console.error(text),
});
