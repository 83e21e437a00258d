// The DuckDB side of the TPC-H benchmark: loads the tpch_dbgen files into a DuckDB database,
// runs the queries and leaves, per query, <out>/qNN.csv (the answer) and <out>/qNN.status
// ("ok <median ms>", "timeout" or "error <message>"), the formats tpch_run reads
// (driver/answer.h, driver/outcome.h).
//
//   node run.mjs --data DIR --queries DIR --schema FILE --db FILE --out DIR
//                [--threads N] [--repeat N] [--timeout SECONDS] [--only q01,q06]
import { DuckDBInstance, ResultReturnType } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

const TABLES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders',
  'lineitem'];

const REQUIRED = ['data', 'queries', 'schema', 'db', 'out'];

function parseArgs(argv) {
  const args = { threads: '0', repeat: '1', timeout: '600', only: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (i + 1 >= argv.length || !(name in args || REQUIRED.includes(name))) {
      throw new Error(`bad argument ${argv[i]}`);
    }
    args[name] = argv[i + 1];
  }
  const missing = REQUIRED.filter((name) => !args[name]);
  if (missing.length) throw new Error(`missing --${missing.join(', --')}`);
  return args;
}

// The same rule as the C++ driver's SplitStatements: a statement ends with a line that ends
// with a semicolon; comment-only statements are dropped.
function splitStatements(sql) {
  const statements = [];
  let current = '';
  for (const line of sql.split('\n')) {
    const trimmed = line.trimEnd();
    current += (trimmed.endsWith(';') ? trimmed.slice(0, -1) : line) + '\n';
    if (trimmed.endsWith(';')) {
      statements.push(current);
      current = '';
    }
  }
  statements.push(current);
  const hasCode = (s) => s.split('\n').some((l) => l.trim() && !l.trim().startsWith('--'));
  return statements.filter(hasCode);
}

// Rows of the last statement that returns rows, each value in DuckDB's text form.
async function runStatements(connection, statements) {
  let rows = [];
  for (const sql of statements) {
    const result = await connection.run(sql);
    if (result.returnType === ResultReturnType.QUERY_RESULT) {
      const values = await result.getRows();
      rows = values.map((row) => row.map((v) => (v === null ? 'NULL' : String(v))));
    }
  }
  return rows;
}

async function timeQuery(connection, statements, args) {
  const times = [];
  let rows = [];
  for (let i = 0; i < Number(args.repeat); i++) {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      connection.interrupt();
    }, Number(args.timeout) * 1000);
    const start = process.hrtime.bigint();
    try {
      rows = await runStatements(connection, statements);
    } catch (e) {
      if (timedOut) return { status: 'timeout' };
      throw e;
    } finally {
      clearTimeout(timer);
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { status: `ok ${times[Math.floor(times.length / 2)]}`, rows };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.out, { recursive: true });
  fs.rmSync(args.db, { force: true });
  fs.rmSync(`${args.db}.wal`, { force: true });
  const instance = await DuckDBInstance.create(args.db);
  const connection = await instance.connect();
  if (Number(args.threads) > 0) await connection.run(`SET threads = ${Number(args.threads)}`);

  const loadStart = Date.now();
  for (const sql of splitStatements(fs.readFileSync(args.schema, 'utf8'))) {
    await connection.run(sql);
  }
  for (const table of TABLES) {
    const file = path.resolve(args.data, `${table}.csv`).replaceAll("'", "''");
    await connection.run(`COPY ${table} FROM '${file}' (DELIMITER '|', HEADER false)`);
  }
  await connection.run('CHECKPOINT');
  console.log(`duckdb: loaded in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

  const only = args.only ? args.only.split(',') : null;
  const names = fs.readdirSync(args.queries).filter((f) => /^q\d\d\.sql$/.test(f)).sort();
  for (const file of names) {
    const name = file.slice(0, 3);
    if (only && !only.includes(name)) continue;
    const prefix = path.join(args.out, name);
    const statements = splitStatements(fs.readFileSync(path.join(args.queries, file), 'utf8'));
    let result;
    try {
      result = await timeQuery(connection, statements, args);
    } catch (e) {
      result = { status: `error ${String(e.message).replaceAll('\n', ' ')}` };
    }
    if (result.rows) {
      fs.writeFileSync(`${prefix}.csv`, result.rows.map((r) => `${r.join('|')}\n`).join(''));
    }
    fs.writeFileSync(`${prefix}.status`, `${result.status}\n`);
    console.log(`duckdb: ${name} ${result.status}`);
  }
  connection.closeSync();
}

main().catch((e) => {
  console.error(`duckdb: ${e.message}`);
  process.exit(1);
});
