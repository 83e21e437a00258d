-- Statements, result shapes and command tags through psql.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty smallint,
                    added date, seen timestamptz, ratio float8, flag boolean, tag varchar(8),
                    code char(3), data bytea, u uuid, span interval);
INSERT INTO items VALUES
  (1, 'apple', 1.50, 10, '2024-01-31', '2024-01-31 12:00:00+00', 0.1, true, 'fruit', 'A', '\x00ff',
   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:00:00'),
  (2, 'bread', 2.25, NULL, NULL, NULL, 1e100, false, NULL, 'BB', NULL, NULL, '-3 mons'),
  (3, 'cheese, old', 10, 0, '1999-12-31', '2000-01-01 00:00:00.5+00', -0.5, NULL, '', 'C', '\x', NULL, NULL);
SELECT * FROM items ORDER BY id;
SELECT id, price * qty AS total, name || '!' AS shout FROM items WHERE qty IS NOT NULL ORDER BY id;
UPDATE items SET qty = qty + 1 WHERE qty IS NOT NULL;
DELETE FROM items WHERE id = 3;
SELECT count(*), sum(price), avg(ratio) FROM items;
SELECT 1 AS one \; SELECT 'two' AS two \; SELECT 3.0 AS three;
INSERT INTO items (id, name) VALUES (4, 'x') RETURNING id, name, price;
SELECT NULL AS nothing, ARRAY[1, 2, NULL] AS arr, '{a,"b c"}'::text[] AS texts;
BEGIN;
UPDATE items SET name = 'changed';
SAVEPOINT s1;
DELETE FROM items;
ROLLBACK TO SAVEPOINT s1;
SELECT id, name FROM items ORDER BY id;
ROLLBACK;
SELECT id, name FROM items ORDER BY id;
SHOW DateStyle;
SET TimeZone = 'America/New_York';
SELECT seen FROM items WHERE id = 1;
PREPARE q(int) AS SELECT name FROM items WHERE id = $1;
EXECUTE q(2);
DEALLOCATE q;
SELECT '';
