// Checks Mermaid diagrams with Mermaid's own parser, in a plain Node process, for the
// tests and `npm run bench:comment`. Why a separate process: mermaid is ESM only, which
// Jest's CommonJS sandbox cannot import without --experimental-vm-modules.
//
// stdin:  ["<diagram text>", ...]
// stdout: {"limits": {"maxEdges": n, "maxTextSize": n, "version": "x.y.z"},
//          "results": [{"ok": true, "type": "flowchart-v2", "nodes": n, "edges": n, "chars": n}
//                      | {"ok": false, "error": "<message>", "chars": n}, ...]}
//
// mermaid.parse enforces maxEdges itself (FlowDB.addLink throws "Edge limit exceeded");
// maxTextSize is enforced only when rendering (mermaidAPI.render swaps the diagram for
// "Maximum text size in diagram exceeded"), so it is checked here against the same
// default. Both limits are read from mermaid's default configuration, not restated.
// Mermaid sanitizes labels with DOMPurify, which needs a DOM: jsdom provides one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

const diagrams = JSON.parse(readFileSync(0, 'utf8'));
const defaults = mermaid.mermaidAPI.defaultConfig;
const entry = createRequire(import.meta.url).resolve('mermaid');
const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
const limits = { maxEdges: defaults.maxEdges, maxTextSize: defaults.maxTextSize, version };

const results = [];
for (const text of diagrams) {
  const chars = text.length;
  try {
    if (chars > limits.maxTextSize) throw new Error(`Maximum text size in diagram exceeded: ${chars} > ${limits.maxTextSize}`);
    const { diagramType } = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const nodes = diagram.db.getVertices().size;
    const edges = diagram.db.getEdges().length;
    results.push({ ok: true, type: diagramType, nodes, edges, chars });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error), chars });
  }
}
process.stdout.write(JSON.stringify({ limits, results }));
