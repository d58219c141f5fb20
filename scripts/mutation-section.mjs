// The mutation-testing section of BENCHMARKS.md: written by `npm run mutate` (scripts/mutate.mjs)
// between two markers, and carried over unchanged when `npm run bench` rewrites the rest of the file.

export const START = '<!-- mutation-scores:start: written by `npm run mutate` (scripts/mutate.mjs); do not edit by hand -->';
export const END = '<!-- mutation-scores:end -->';

/** The marked section of `markdown` (markers included), or '' when it has none. */
export function mutationSectionOf(markdown) {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  return start >= 0 && end > start ? markdown.slice(start, end + END.length) : '';
}

/** `markdown` with its marked section replaced by `section`, or `section` appended when it has none. */
export function withMutationSection(markdown, section) {
  const old = mutationSectionOf(markdown);
  if (old) return markdown.replace(old, () => section);
  return `${markdown.replace(/\n*$/, '')}\n\n${section}\n`;
}
