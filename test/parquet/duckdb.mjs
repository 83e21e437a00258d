// The DuckDB side of the Parquet interoperability test (run.sh): runs SQL statements given on
// the command line in an in-memory DuckDB and prints the rows of each query in PostgreSQL's
// COPY text format (tab-separated, NULL as \N, backslash escapes), so they compare byte for
// byte with what `COPY (query) TO 'file'` writes on our side. The queries cast their columns
// to VARCHAR in PostgreSQL's spelling (run.sh). Uses the @duckdb/node-api installed for the
// TPC-H benchmark (bench/tpch/setup.sh).
//
//   node duckdb.mjs 'SQL' ['SQL' ...]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../bench/tpch/duckdb/package.json'));
const { DuckDBInstance, ResultReturnType } = await import(
  pathToFileURL(require.resolve('@duckdb/node-api')).href);

const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyText(v) {
  return v === null ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const sql of process.argv.slice(2)) {
  const result = await connection.run(sql);
  if (result.returnType !== ResultReturnType.QUERY_RESULT) continue;
  const rows = await result.getRowsJS();
  const lines = rows.map((row) => row.map(copyText).join('\t'));
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}
