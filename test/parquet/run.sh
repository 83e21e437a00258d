#!/usr/bin/env bash
# Parquet interoperability with DuckDB (issue 7): (a) a table with every type we export, NULLs,
# Unicode, escapes, large values and several row groups goes out with COPY ... (FORMAT parquet)
# in zstd and uncompressed, DuckDB reads each file and its rows must equal ours; (b) DuckDB
# writes files (zstd, its default snappy, Parquet v2 pages with delta encodings, dictionary
# pages for low-cardinality strings, several row groups) and read_parquet / COPY FROM read
# the same rows DuckDB reads; (c) `heliosdb-nano export --format parquet` writes a file per
# table that DuckDB reads; (d) damaged files are refused naming the byte offset. Rows are compared as PostgreSQL COPY text: our side writes it
# with COPY (query) TO 'file', DuckDB's (test/parquet/duckdb.mjs) casts its columns to
# PostgreSQL's spellings (booleans t/f, bytea \x.., intervals "mons", arrays {..}).
# Needs node and @duckdb/node-api (bench/tpch/setup.sh installs it); without node it prints
# SKIP (scripts/install-deps.sh installs node). Prints `N passed, N failed`; exits non-zero on failure.
# Usage: test/parquet/run.sh [BUILD_DIR]   (default: build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bin="$build/bin/heliosdb-nano"
duck="$root/test/parquet/duckdb.mjs"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }

if ! command -v node > /dev/null; then
  echo "SKIP: node is not installed (scripts/install-deps.sh installs nodejs and npm)"
  finish
fi
if ! bash "$root/bench/tpch/setup.sh" > /dev/null 2>&1; then
  fail "install @duckdb/node-api (bench/tpch/setup.sh needs npm and the npm registry)"
  finish
fi

work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
db="$work/db"
sql() { "$bin" "$db" -q -c "$1" > "$work/sql.log" 2>&1 || { cat "$work/sql.log"; return 1; }; }
# same NAME OURS DUCK: passes when the two files hold the same lines.
same() {
  if [ ! -s "$2" ]; then fail "$1 (no rows from HeliosDB)"; return; fi
  if cmp -s "$2" "$3"; then pass "$1 ($(wc -l < "$2") rows)"; else
    fail "$1"; diff "$2" "$3" | head -10
  fi
}

# DuckDB's spellings of our text forms, column by column (NULL stays NULL through each).
# DuckDB writes whole floats as 1.0, PostgreSQL as 1.
pg_float() { echo "regexp_replace($1::VARCHAR, '\\.0\$', '')"; }
pg_bool() { echo "CASE WHEN $1 THEN 't' WHEN NOT $1 THEN 'f' END"; }
pg_bytea() { echo "'\\x' || lower(hex($1))"; }
pg_interval() { echo "replace($1::VARCHAR, 'month', 'mon')"; }
pg_list() { echo "'{' || array_to_string(list_transform($1, x -> coalesce(x::VARCHAR, 'NULL')), ',') || '}'"; }

# --- (a) HeliosDB writes, DuckDB reads ---------------------------------------------------------
sql "CREATE TABLE t (id bigint PRIMARY KEY, i2 smallint, i4 integer, f4 real, f8 double precision,
  n numeric(12,3), nb numeric(30,4), nu numeric, s text, v varchar(20), b bytea, bo boolean,
  d date, tm time, ts timestamp, tz timestamptz, iv interval, u uuid, ia integer[], ta text[]);
INSERT INTO t SELECT g, (g % 30000 - 15000)::smallint, g * 7 - 1000000, g / 4.0, g / 8.0,
  g * 1.125, g * 1234567890.1234, CASE g % 3 WHEN 0 THEN 1.5 WHEN 1 THEN 2.25 ELSE 3 END,
  'cat ' || (g % 7), 'v' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE '\\x0aff'::bytea END,
  g % 2 = 0, date '2000-01-01' + (g % 20000), time '00:00:00' + g * interval '1.5 second',
  timestamp '1999-12-31 00:00:00' + g * interval '61.25 second',
  timestamptz '1969-07-20 20:17:40+00' + g * interval '1 hour',
  (g % 13) * interval '1 month' + (g % 5) * interval '1 day' + g * interval '1 millisecond',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::uuid, ARRAY[g, NULL, -g], ARRAY['x', 'y' || (g % 3)]
  FROM generate_series(1, 250000) g;
INSERT INTO t VALUES (0, -32768, -2147483648, -1.5e30, 1e300, -999999999.999,
  -12345678901234567890123456.7891, -0.01, E'h\u00e9llo w\u00f6rld \u2713 tab\there nl\nthere back\\\\slash',
  '', '\\x', false, '0001-01-01', '23:59:59.999999', '1900-01-01 00:00:00.000001',
  '2262-04-11 23:47:16.854775+00', '1 year 2 mons 3 days 04:05:06.007', '00000000-0000-0000-0000-000000000000',
  '{}', '{NULL}');
INSERT INTO t (id, s) VALUES (-1, repeat('large value ', 20000));
INSERT INTO t (id) VALUES (-2)" || fail "create the table"

ours="id, i2, i4, f4, f8, n, nb, nu::numeric(38,2), s, v, b, bo, d, tm, ts, tz, iv, u, ia, ta"
duck_a="id, i2, i4, $(pg_float f4), $(pg_float f8), n::VARCHAR, nb::VARCHAR, nu::VARCHAR, s, v,
  $(pg_bytea b), $(pg_bool bo), d::VARCHAR, tm::VARCHAR, ts::VARCHAR, tz::VARCHAR,
  $(pg_interval iv), u::VARCHAR, $(pg_list ia), $(pg_list ta)"
sql "SET TimeZone = 'UTC'; COPY (SELECT $ours FROM t ORDER BY id) TO '$work/a_ours.txt'"
for codec in zstd uncompressed; do
  file="$work/a_$codec.parquet"
  sql "COPY t TO '$file' (FORMAT parquet, COMPRESSION $codec)" || fail "COPY TO $codec"
  node "$duck" "SET TimeZone = 'UTC'" \
    "SELECT $duck_a FROM read_parquet('$file') ORDER BY id" > "$work/a_duck.txt" 2>&1
  same "DuckDB reads our $codec file" "$work/a_ours.txt" "$work/a_duck.txt"
done
# Types as DuckDB sees them: the mapping of src/parquet/schema_mapping.h.
node "$duck" "SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT * FROM read_parquet('$work/a_zstd.parquet'))" \
  > "$work/types.txt" 2>&1
expected="BIGINT,SMALLINT,INTEGER,FLOAT,DOUBLE,DECIMAL(12,3),DECIMAL(30,4),DECIMAL(38,2),VARCHAR,VARCHAR,BLOB,BOOLEAN,DATE,TIME,TIMESTAMP,TIMESTAMP WITH TIME ZONE,INTERVAL,UUID,INTEGER[],VARCHAR[]"
if [ "$(cat "$work/types.txt")" = "$expected" ]; then pass "DuckDB sees our types"; else
  fail "DuckDB sees our types"; cat "$work/types.txt"; fi

# --- (b) DuckDB writes, HeliosDB reads ---------------------------------------------------------
gen="SELECT i AS id, (i % 1000)::SMALLINT AS i2, (i * 3)::INTEGER AS i4, i::BIGINT * 1000003 AS i8,
  (i / 4)::FLOAT AS f4, i / 8 AS f8, ((i % 100000) * 0.001)::DECIMAL(9,3) AS n,
  (i * 1.01)::DECIMAL(18,2) AS n18, (i * 123456789.5)::DECIMAL(38,1) AS n38,
  'cat ' || (i % 7) AS s, CASE WHEN i % 10 = 0 THEN NULL ELSE 'v ✓ ' || i END AS v,
  CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS bo, DATE '1999-01-01' + (i % 30000)::INTEGER AS d,
  TIMESTAMP '1999-12-31 00:00:00' + to_seconds(i * 61.25) AS ts,
  TIMESTAMPTZ '1969-07-20 20:17:40+00' + to_hours(i) AS tz, TIME '00:00:00' + to_seconds(i % 86400) AS tm,
  CASE WHEN i % 4 = 0 THEN NULL ELSE '\\x0A\\xFF'::BLOB END AS b,
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID AS u,
  to_months(i % 13) + to_days(i % 5) + to_milliseconds(i) AS iv,
  CASE WHEN i % 6 = 0 THEN NULL ELSE [i, NULL, i + 1] END AS ia
  FROM range(250000) t(i)"
duck_b="id, i2, i4, i8, $(pg_float f4), $(pg_float f8), n::VARCHAR, n18::VARCHAR, n38::VARCHAR, s, v,
  $(pg_bool bo), d::VARCHAR, ts::VARCHAR, tz::VARCHAR, tm::VARCHAR, $(pg_bytea b), u::VARCHAR,
  $(pg_interval iv), $(pg_list ia)"
for variant in "zstd:COMPRESSION zstd, ROW_GROUP_SIZE 100000" \
               "snappy:ROW_GROUP_SIZE 60000" \
               "v2:COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 100000" \
               "uncompressed:COMPRESSION uncompressed"; do
  name=${variant%%:*}
  file="$work/b_$name.parquet"
  node "$duck" "SET TimeZone = 'UTC'" "COPY ($gen) TO '$file' (FORMAT parquet, ${variant#*:})" \
    "SELECT $duck_b FROM read_parquet('$file') ORDER BY id" > "$work/b_duck.txt" 2>&1
  sql "SET TimeZone = 'UTC'; COPY (SELECT * FROM read_parquet('$file') ORDER BY id) TO '$work/b_ours.txt'"
  same "read_parquet reads DuckDB's $name file" "$work/b_ours.txt" "$work/b_duck.txt"
done
# DuckDB types we widen or spell as text: TINYINT, unsigned integers, JSON, ENUM, TIMESTAMP in
# milliseconds and nanoseconds.
file="$work/b_types.parquet"
node "$duck" "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')" \
  "COPY (SELECT i AS id, (i % 100 - 50)::TINYINT AS ti, (i % 256)::UTINYINT AS ut,
     (4000000000 + i)::UINTEGER AS ui, (18446744073709551615 - i)::UBIGINT AS ub,
     ('{\"k\": ' || i || '}')::JSON AS j, (['sad', 'ok', 'happy'])[i % 3 + 1]::mood AS m,
     TIMESTAMP_MS '2020-01-01 00:00:00' + to_seconds(i) AS tms,
     TIMESTAMP_NS '1960-01-01 00:00:00' + to_seconds(i) AS tns
     FROM range(5000) t(i)) TO '$file' (FORMAT parquet)" \
  "SELECT id, ti, ut, ui, ub, j, m, tms::VARCHAR, tns::VARCHAR FROM read_parquet('$file') ORDER BY id" \
  > "$work/t_duck.txt" 2>&1
sql "COPY (SELECT * FROM read_parquet('$file') ORDER BY id) TO '$work/t_ours.txt'"
same "read_parquet reads DuckDB's other types" "$work/t_ours.txt" "$work/t_duck.txt"

sql "CREATE TABLE fromduck (id bigint, i2 smallint, i4 int, i8 bigint, f4 real, f8 float8,
  n numeric(9,3), n18 numeric(18,2), n38 numeric(38,1), s text, v text, bo boolean, d date,
  ts timestamp, tz timestamptz, tm time, b bytea, u uuid, iv interval, ia bigint[]);
  COPY fromduck FROM '$work/b_snappy.parquet' (FORMAT parquet);
  SET TimeZone = 'UTC'; COPY (SELECT * FROM fromduck ORDER BY id) TO '$work/b_copy.txt'" \
  || fail "COPY FROM DuckDB's file"
same "COPY FROM reads DuckDB's snappy file" "$work/b_copy.txt" "$work/b_duck.txt"

# --- (c) heliosdb-nano export --format parquet: one file per table, the rows of (a) -----------
if "$bin" export "$db" --format parquet -o "$work/export" > "$work/export.log" 2>&1; then
  node "$duck" "SELECT count(*) FROM read_parquet('$work/export/public.t.parquet')" \
    "SELECT count(*) FROM read_parquet('$work/export/public.fromduck.parquet')" > "$work/counts.txt" 2>&1
  if [ "$(tr '\n' ' ' < "$work/counts.txt")" = "250003 250000 " ]; then pass "export --format parquet"
  else fail "export --format parquet"; cat "$work/counts.txt"; ls "$work/export"; fi
else
  fail "export --format parquet"; cat "$work/export.log"
fi

# --- (d) damaged files: a clear 22P04 naming the byte offset, never a crash -----------------
size=$(stat -c %s "$work/b_zstd.parquet")
head -c $((size / 2)) "$work/b_zstd.parquet" > "$work/cut.parquet"
printf 'PAR1' >> "$work/cut.parquet"  # keeps the tail magic: the footer length is now wrong
head -c $((size - 100)) "$work/b_zstd.parquet" > "$work/short.parquet"
# The start of the footer (its schema) overwritten.
footer=$(tail -c 8 "$work/b_zstd.parquet" | head -c 4 | od -An -tu4 | tr -d ' ')
cp "$work/b_zstd.parquet" "$work/flipped.parquet"
printf '\xff\xff\xff\xff\xff\xff\xff\xff' |
  dd of="$work/flipped.parquet" bs=1 seek=$((size - 8 - footer + 3)) conv=notrunc 2> /dev/null
for damaged in cut short flipped; do
  "$bin" "$db" -q -c "SELECT count(*), sum(i8) FROM read_parquet('$work/$damaged.parquet')" > "$work/damaged.txt" 2>&1
  rc=$?
  if [ $rc -eq 1 ] && grep -q "invalid Parquet file: .* at byte offset [0-9]" "$work/damaged.txt"; then
    pass "$damaged file refused: $(grep -o 'invalid Parquet file: .*' "$work/damaged.txt" | head -1)"
  else
    fail "$damaged file (exit $rc)"; cat "$work/damaged.txt"
  fi
done
# gzip needs zlib, which is not among our dependencies: refused, naming the codec.
node "$duck" "COPY (SELECT 1 AS x) TO '$work/gzip.parquet' (FORMAT parquet, COMPRESSION gzip)" > /dev/null 2>&1
"$bin" "$db" -q -c "SELECT * FROM read_parquet('$work/gzip.parquet')" > "$work/gzip.txt" 2>&1
if grep -q "Parquet compression codec GZIP is not supported" "$work/gzip.txt"; then
  pass "gzip file refused naming the codec"
else
  fail "gzip file"; cat "$work/gzip.txt"
fi

finish
