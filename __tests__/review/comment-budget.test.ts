import { fitSections, markdownBalance, Section } from '../../review/comment-budget';

const FULL = 'npm run diff -- --full';
const block = (name: string, size: number) => `${name}\n${'x'.repeat(size)}`;

describe('fitSections', () => {
  it('leaves everything in when it fits, with no note', () => {
    const sections: Section[] = [{ text: 'summary' }, { text: 'details', drop: 5 }];
    expect(fitSections(sections, { budget: 10_000, fullCommand: FULL })).toEqual({ text: 'summary\n\ndetails\n', omitted: [] });
  });

  it('gives way highest rank first, the last section of a rank first, and keeps sections without a rank', () => {
    const sections: Section[] = [
      { text: block('summary', 3000) },
      { text: block('table-1', 1000), drop: 30, what: 'attribute tables', env: 'production' },
      { text: block('table-2', 1000), drop: 30, what: 'attribute tables', env: 'staging' },
      { text: block('unchanged', 1000), drop: 60, what: 'unchanged routing tables', env: 'staging' },
      { text: block('blocking', 3000) },
    ];
    // Room for the kept sections, one table and the note (the note reserves 1,500 bytes).
    const fitted = fitSections(sections, { budget: 3000 + 3000 + 1000 + 1500 + 40, fullCommand: FULL });
    expect(fitted.omitted.map((s) => s.text.split('\n')[0])).toEqual(['unchanged', 'table-2']);
    expect(fitted.text).toMatch(/^summary\n/);
    expect(fitted.text).toContain('table-1\n');
    expect(fitted.text).toContain('blocking\n');
    expect(fitted.text).not.toMatch(/table-2|unchanged\n/);
    expect(fitted.text).toContain('left out: unchanged routing tables (1 in staging); attribute tables (1 in staging). `npm run diff -- --full` prints everything.');
    expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(3000 + 3000 + 1000 + 1500 + 40);
  });

  it('puts a fallback in a section\'s place, and replaces the fallback too when it has a rank', () => {
    const sections: Section[] = [
      { text: block('line and table', 5000), drop: 30, what: 'attribute tables', fallback: { text: 'line and paths', drop: 10, what: 'resource lines' } },
      { text: 'summary' },
    ];
    expect(fitSections(sections, { budget: 3000, fullCommand: FULL }).text).toMatch(/^line and paths\n\nsummary\n/);
    const tight = fitSections(sections, { budget: 1510, fullCommand: FULL });
    expect(tight.text).toMatch(/^summary\n/);
    expect(tight.omitted.map((s) => s.what)).toEqual(['attribute tables', 'resource lines']);
  });

  it('counts in UTF-8 bytes, which are never fewer than the characters GitHub counts', () => {
    const sections: Section[] = [{ text: 'summary' }, { text: '→'.repeat(1000), drop: 5 }];
    // 1,000 characters but 3,000 bytes: over a 2,600-byte budget, it gives way.
    expect(fitSections(sections, { budget: 2600, fullCommand: FULL }).omitted).toHaveLength(1);
  });
});

describe('markdownBalance', () => {
  it('counts fences and <details> tags, so that a cut inside one shows', () => {
    expect(markdownBalance('```mermaid\nflowchart LR\n```\n<details><summary>x</summary>\n\n</details>'))
      .toEqual({ fences: 2, detailsOpened: 1, detailsClosed: 1 });
    expect(markdownBalance('```mermaid\nflowchart LR\n  a --> b').fences).toBe(1);
  });
});
