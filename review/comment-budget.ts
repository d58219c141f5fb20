/**
 * The pull-request comment's size budget. GitHub rejects an issue or pull-request
 * comment whose body is over 65,536 characters ("Body is too long (maximum is 65536
 * characters)", the REST API's 422 for IssueComment; reported e.g. in
 * danger/danger#424 and telia-oss/github-pr-resource#259).
 *
 * A comment is a list of sections, each complete Markdown in itself: every code
 * fence, table and `<details>` it opens, it closes. When the whole is over budget,
 * sections are replaced by their shorter fallback (or left out) a whole section at a
 * time, highest `drop` rank first and, within a rank, the last section first, until
 * it fits. So a comment is never cut inside a fence or a table. Sections without a
 * rank (the summaries, the blocking findings) stay. What was left out is said at
 * the end, with the command that prints everything.
 */

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * What the comment may use, in UTF-8 bytes (never fewer than characters, whichever
 * way GitHub counts): the limit less room for the marker the sticky-comment action
 * adds (`<!-- Sticky Pull Request Comment… -->`).
 */
export const COMMENT_BUDGET = GITHUB_COMMENT_LIMIT - 1_024;

/**
 * Ranks at which kinds of sections give way: highest first. A fallback's rank is
 * never above its section's (the loop walks the ranks down once).
 */
export const DROP = {
  /** Counts of the routes that did not change. */
  unchangedRouting: 60,
  /** The changed routes one row per alert (the grouped table stays). */
  changedRouteList: 50,
  /** Attribute tables of resources past the first FIRST_TABLES of an environment (the changed paths stay). */
  laterAttributeTables: 40,
  /** Their changed paths (the line stays). */
  laterChangedPaths: 35,
  /** The first FIRST_TABLES attribute tables (the changed paths stay). */
  attributeTables: 30,
  /** Their changed paths (the line stays). */
  changedPaths: 25,
  /** Resource lines past the first FIRST_LINES of an environment (the group headings count them). */
  laterResourceLines: 22,
  /** Routing pictures (the table of changed routes stays). */
  routingPicture: 20,
  /** Grouped tables of changed routes (the heading still counts them). */
  routeTable: 15,
  /** Last resort for sections that otherwise stay: their short form (e.g. the first blocking findings and a count). */
  lastResort: 1,
} as const;

/** Attribute tables shown first, and resource lines kept, per environment. */
export const FIRST_TABLES = 10;
export const FIRST_LINES = 40;

export interface Section {
  /** Complete Markdown: it closes every fence, table and `<details>` it opens. */
  readonly text: string;
  /** The rank at which it gives way (see DROP); absent: it always stays. */
  readonly drop?: number;
  /** What replaces it then (with its own, lower rank); absent: nothing. */
  readonly fallback?: Section;
  /** How the note names it when it is left out, e.g. `attribute tables`. */
  readonly what?: string;
  /** The environment it belongs to, for the note. */
  readonly env?: string;
}

export interface FittedComment {
  readonly text: string;
  /** The sections left out or shortened, in order. */
  readonly omitted: readonly Section[];
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Joins sections as Markdown blocks. */
export function joinSections(sections: readonly Section[]): string {
  return `${sections.map((s) => s.text.trim()).filter((t) => t !== '').join('\n\n')}\n`;
}

/** The closing note: what was left out, counted by kind and environment, and how to see it. */
function omittedNote(omitted: readonly Section[], fullCommand: string): string {
  const counts = new Map<string, Map<string, number>>();
  for (const s of omitted) {
    const what = s.what ?? 'sections';
    const byEnv = counts.get(what) ?? new Map<string, number>();
    counts.set(what, byEnv);
    byEnv.set(s.env ?? '', (byEnv.get(s.env ?? '') ?? 0) + 1);
  }
  const parts = [...counts].map(([what, byEnv]) => {
    const envs = [...byEnv].map(([env, n]) => (env ? `${n} in ${env}` : String(n)));
    return `${what} (${envs.join(', ')})`;
  });
  return `> [!NOTE]\n> Shortened to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit; left out: ` +
    `${parts.join('; ')}. \`${fullCommand}\` prints everything.`;
}

/**
 * The sections, shortened whole sections at a time until they fit `budget` bytes
 * with the closing note. Sections without a rank are never left out.
 */
export function fitSections(sections: readonly Section[], options: { budget?: number; fullCommand: string }): FittedComment {
  const budget = options.budget ?? COMMENT_BUDGET;
  const active: (Section | undefined)[] = [...sections];
  const omitted: Section[] = [];
  const separator = 2;
  let total = active.reduce((sum, s) => sum + (s ? bytes(s.text) + separator : 0), 0);
  // The note is short (counts only); reserve room for it so the loop can count bytes.
  const NOTE_RESERVE = 1_500;
  const ranks = [...new Set(collectRanks(sections))].sort((a, b) => b - a);
  for (const rank of ranks) {
    for (let i = active.length - 1; i >= 0 && total + NOTE_RESERVE > budget; i--) {
      // A fallback may carry the same rank (e.g. a shorter table): replace until it is lower.
      while (active[i]?.drop === rank && total + NOTE_RESERVE > budget) {
        const section = active[i]!;
        omitted.push(section);
        active[i] = section.fallback;
        total += (section.fallback ? bytes(section.fallback.text) : 0) - bytes(section.text);
      }
    }
    if (total + NOTE_RESERVE <= budget) break;
  }
  const kept = active.filter((s): s is Section => s !== undefined);
  const body = joinSections(kept);
  const text = omitted.length === 0 ? body : `${body}\n${omittedNote(omitted, options.fullCommand)}\n`;
  return { text, omitted };
}

function collectRanks(sections: readonly (Section | undefined)[]): number[] {
  return sections.flatMap((s) => (s === undefined ? [] : [...(s.drop === undefined ? [] : [s.drop]), ...collectRanks([s.fallback])]));
}

/** Whether every fence, table and `<details>` of a Markdown text is closed: the checks the tests make. */
export function markdownBalance(text: string): { fences: number; detailsOpened: number; detailsClosed: number } {
  return {
    fences: (text.match(/^\s*```/gm) ?? []).length,
    detailsOpened: (text.match(/<details>/g) ?? []).length,
    detailsClosed: (text.match(/<\/details>/g) ?? []).length,
  };
}
