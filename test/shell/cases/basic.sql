-- psql-style output of the shell: tables, tags, errors, \x, quoting-aware splitting.
CREATE TABLE t (id integer PRIMARY KEY, name text, score numeric);
INSERT INTO t VALUES (1, 'alice', 10.5), (2, NULL, 3);
SELECT * FROM t ORDER BY id;
SELECT id,
       name
  FROM t WHERE id = 1;
SELECT id * 2 AS doubled, name IS NULL AS missing FROM t ORDER BY id;
UPDATE t SET score = 4 WHERE id = 2;
DELETE FROM t WHERE id = 99;
SELECT * FORM t;
\echo after error
\x on
SELECT * FROM t WHERE id = 1;
\x off
SELECT 'multi;semi' AS s, $$dollar;quoted$$ AS d; SELECT 2 AS two;
BEGIN;
INSERT INTO t VALUES (3, 'c', 1) RETURNING id;
COMMIT;
SELECT 1/0;
SELECT name FROM t WHERE id = 3
