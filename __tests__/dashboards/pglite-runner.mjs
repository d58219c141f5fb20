// Runs SQL on an in-memory PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) in a
// plain Node process. Why not inside Jest: PGlite loads Node built-ins with dynamic
// import(), which Jest's module sandbox refuses unless Node runs with --experimental-vm-modules.
//
// stdin:  {"setup": "<SQL run once>", "queries": ["<SQL>", ...], "cacheDir": "<dir>"?}
// stdout: [{"rows": [...]} | {"error": "<message>"}, ...], one entry per query, in order.
//
// Creating a database (initdb) is most of PGlite's start-up, so with `cacheDir` the data
// directory after `setup` is kept, keyed by the PGlite version and the setup SQL, and the
// next run starts from it. Queries that write are not supported: they would not be cached.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const { setup, queries, cacheDir } = JSON.parse(readFileSync(0, 'utf8'));
// The package's exports hide package.json; it sits above the CommonJS entry (dist/index.cjs).
const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
const key = createHash('sha256').update(`${version}\n${setup}`).digest('hex').slice(0, 16);
const cached = cacheDir && join(cacheDir, `pglite-${key}.tar.gz`);

// numeric (type 1700) as numbers, as Grafana's SQL data sources turn them into panel values.
const options = { parsers: { 1700: (value) => Number(value) } };
let db;
if (cached && existsSync(cached)) {
  db = await PGlite.create({ ...options, loadDataDir: new Blob([readFileSync(cached)]) });
} else {
  db = await PGlite.create(options);
  await db.exec(setup);
  if (cached) {
    mkdirSync(cacheDir, { recursive: true });
    const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    writeFileSync(`${cached}.${process.pid}`, dump);
    renameSync(`${cached}.${process.pid}`, cached); // atomic: a parallel run never reads half a file
  }
}
const results = [];
for (const sql of queries) {
  try {
    results.push({ rows: (await db.query(sql)).rows });
  } catch (error) {
    results.push({ error: error instanceof Error ? error.message : String(error) });
  }
}
await db.close();
process.stdout.write(JSON.stringify(results));
