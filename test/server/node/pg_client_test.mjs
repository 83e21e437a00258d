// node-postgres (npm `pg`, `pg-copy-streams`) against `heliosdb-nano serve`, unmodified:
// connect, simple and multi-statement queries, parameters, named prepared statements, a round
// trip of the built-in types (the JSON types are not built in yet), transactions, COPY FROM STDIN and COPY TO STDOUT streams,
// cancellation of a long query, errors with their SQLSTATE, a pool of concurrent clients,
// and that the server still answers at the end. Connection settings come from PGHOST,
// PGPORT, PGUSER and PGDATABASE. Prints `ok NAME` or `FAIL NAME: why` per check and
// `N passed, N failed`; exits non-zero on failure.
import assert from 'node:assert/strict';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

const config = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'tester',
  database: process.env.PGDATABASE ?? 'test',
  connectionTimeoutMillis: 10000,
};

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
  }
}

// The error a promise rejects with (fails when it resolves).
async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

const client = new pg.Client(config);

await check('connect and server_version', async () => {
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  assert.match(rows[0].server_version, /^15\./);
  assert.ok(client.processID > 0);
});

await check('simple query', async () => {
  const r = await client.query("SELECT 1 AS one, 'two' AS two, NULL::int AS nothing");
  assert.deepEqual(r.rows, [{ one: 1, two: 'two', nothing: null }]);
  assert.deepEqual(r.fields.map((f) => f.name), ['one', 'two', 'nothing']);
  assert.equal(r.command, 'SELECT');
});

await check('several statements in one query', async () => {
  const results = await client.query('SELECT 1 AS a; SELECT 2 AS b, 3 AS c');
  assert.equal(results.length, 2);
  assert.deepEqual(results[0].rows, [{ a: 1 }]);
  assert.deepEqual(results[1].rows, [{ b: 2, c: 3 }]);
});

await check('parameterized query', async () => {
  const r = await client.query('SELECT $1::int + $2::int AS sum, $3::text AS t, $4::int AS n', [
    40, 2, 'héllo', null,
  ]);
  assert.deepEqual(r.rows, [{ sum: 42, t: 'héllo', n: null }]);
});

await check('named prepared statement, executed twice', async () => {
  await client.query('CREATE TABLE people (id int PRIMARY KEY, name text)');
  const insert = { name: 'add_person', text: 'INSERT INTO people VALUES ($1, $2)' };
  await client.query({ ...insert, values: [1, 'ada'] });
  const r = await client.query({ ...insert, values: [2, 'grace'] });
  assert.equal(r.rowCount, 1);
  const byId = { name: 'person_by_id', text: 'SELECT name FROM people WHERE id = $1' };
  assert.equal((await client.query({ ...byId, values: [1] })).rows[0].name, 'ada');
  assert.equal((await client.query({ ...byId, values: [2] })).rows[0].name, 'grace');
});

await check('types round trip', async () => {
  await client.query(`CREATE TABLE typed (
    i2 smallint, i4 integer, i8 bigint, n numeric(20, 5), f4 real, f8 double precision,
    b boolean, t text, vc varchar(10), d date, ts timestamp, tz timestamptz,
    iv interval, by bytea, u uuid, ai integer[], at text[])`);
  const values = [
    -32768, 2147483647, '9007199254740993', '12345678901234.56789', 1.5, -2.25e-300,
    true, "quote ' and \\ backslash", 'short', '2024-02-29', '2024-02-29 13:14:15.123456',
    new Date('2024-02-29T13:14:15.123Z'), '1 year 2 mons 3 days 04:05:06', Buffer.from([0, 1, 254, 255]),
    'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', [1, null, 3], ['a', 'b c', null],
  ];
  const params = values.map((_, i) => `$${i + 1}`).join(', ');
  await client.query(`INSERT INTO typed VALUES (${params})`, values);
  const { rows } = await client.query('SELECT * FROM typed');
  const row = rows[0];
  assert.equal(row.i2, -32768);
  assert.equal(row.i4, 2147483647);
  assert.equal(row.i8, '9007199254740993');  // int8 arrives as a string (no precision lost)
  assert.equal(row.n, '12345678901234.56789');
  assert.equal(row.f4, 1.5);
  assert.equal(row.f8, -2.25e-300);
  assert.equal(row.b, true);
  assert.equal(row.t, values[7]);
  assert.equal(row.vc, 'short');
  assert.equal(row.d.getFullYear(), 2024);  // date: local midnight
  assert.equal(row.d.getDate(), 29);
  assert.equal(row.ts.getMilliseconds(), 123);
  assert.equal(row.tz.toISOString(), '2024-02-29T13:14:15.123Z');
  assert.deepEqual(
    { ...row.iv },
    { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 },
  );
  assert.deepEqual(row.by, values[13]);
  assert.equal(row.u, values[14]);
  assert.deepEqual(row.ai, [1, null, 3]);
  assert.deepEqual(row.at, ['a', 'b c', null]);
});

await check('transactions commit and roll back', async () => {
  await client.query('BEGIN');
  await client.query("INSERT INTO people VALUES (3, 'kept')");
  await client.query('COMMIT');
  await client.query('BEGIN');
  await client.query("INSERT INTO people VALUES (4, 'dropped')");
  const e = await rejection(client.query('SELECT 1 / 0'));
  assert.equal(e.code, '22012');
  const aborted = await rejection(client.query('SELECT 1'));
  assert.equal(aborted.code, '25P02');
  await client.query('ROLLBACK');
  const { rows } = await client.query('SELECT id FROM people ORDER BY id');
  assert.deepEqual(rows.map((r) => r.id), [1, 2, 3]);
});

await check('COPY FROM STDIN stream (text and CSV)', async () => {
  await client.query('CREATE TABLE copied (id int, label text, amount numeric)');
  const text = client.query(copyStreams.from('COPY copied FROM STDIN'));
  const lines = [];
  for (let i = 1; i <= 1000; i++) lines.push(`${i}\tlabel ${i}\t${i}.5\n`);
  lines.push('1001\t\\N\t0\n');
  await pipeline(Readable.from(lines), text);
  assert.equal(text.rowCount, 1001);
  const csv = client.query(
    copyStreams.from("COPY copied FROM STDIN WITH (FORMAT csv, HEADER, NULL 'none')"),
  );
  await pipeline(Readable.from(['id,label,amount\n', '1002,"with, comma",none\n']), csv);
  const { rows } = await client.query(
    "SELECT count(*)::int AS n, sum(amount)::text AS s, count(label)::int AS labels FROM copied",
  );
  assert.deepEqual(rows[0], { n: 1002, s: '501000.0', labels: 1001 });
});

await check('COPY TO STDOUT stream (text and CSV)', async () => {
  const collect = async (sql) => {
    const chunks = [];
    await pipeline(
      client.query(copyStreams.to(sql)),
      new Writable({
        write(chunk, _enc, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    return Buffer.concat(chunks).toString();
  };
  const text = await collect('COPY (SELECT * FROM copied WHERE id > 999 ORDER BY id) TO STDOUT');
  assert.equal(text, '1000\tlabel 1000\t1000.5\n1001\t\\N\t0\n1002\twith, comma\t\\N\n');
  const csv = await collect(
    'COPY (SELECT id, label FROM copied WHERE id >= 1001 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)',
  );
  assert.equal(csv, 'id,label\n1001,\n1002,"with, comma"\n');
});

await check('cancel a long query', async () => {
  const query = new pg.Query('SELECT count(*) FROM generate_series(1, 4000000000)');
  const done = new Promise((resolve, reject) => {
    query.on('end', () => reject(new Error('the query was not canceled')));
    query.on('error', resolve);
  });
  client.query(query);
  await new Promise((r) => setTimeout(r, 300));
  new pg.Client(config).cancel(client, query);
  const e = await done;
  assert.equal(e.code, '57014');
  assert.match(e.message, /canceling statement due to user request/);
  // The connection is usable after the cancel.
  assert.equal((await client.query('SELECT 7 AS n')).rows[0].n, 7);
});

await check('errors carry SQLSTATE, position and detail', async () => {
  const missing = await rejection(client.query('SELECT * FROM nosuch'));
  assert.equal(missing.code, '42P01');
  assert.equal(missing.severity, 'ERROR');
  assert.equal(missing.message, 'relation "nosuch" does not exist');
  assert.equal(missing.position, '15');
  const syntax = await rejection(client.query('SELEC 1'));
  assert.equal(syntax.code, '42601');
  const dup = await rejection(client.query("INSERT INTO people VALUES (1, 'again')"));
  assert.equal(dup.code, '23505');
  assert.match(dup.detail, /Key \(id\)=\(1\) already exists/);
  const badParam = await rejection(client.query('SELECT $1::int', ['not a number']));
  assert.equal(badParam.code, '22P02');
  // Errors inside the extended protocol leave the connection usable (error until Sync).
  assert.equal((await client.query('SELECT $1::text AS t', ['fine'])).rows[0].t, 'fine');
});

await check('a pool of concurrent clients updating one row', async () => {
  const pool = new pg.Pool({ ...config, max: 8 });
  await pool.query('CREATE TABLE counter (id int PRIMARY KEY, n int)');
  await pool.query('INSERT INTO counter VALUES (1, 0)');
  await Promise.all(
    Array.from({ length: 64 }, () => pool.query('UPDATE counter SET n = n + 1 WHERE id = 1')),
  );
  const { rows } = await pool.query('SELECT n FROM counter');
  assert.equal(rows[0].n, 64);
  await pool.end();
});

await check('the server stays up', async () => {
  await client.end();
  const again = new pg.Client(config);
  await again.connect();
  assert.equal((await again.query('SELECT count(*)::int AS n FROM people')).rows[0].n, 3);
  await again.end();
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
