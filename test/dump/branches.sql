-- Branches for test/dump/run.sh: a branch that altered, updated, deleted and created, a
-- branch of it, and main changing after the fork.
CREATE TABLE t (id int PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c');
CREATE DATABASE BRANCH dev FROM main AS OF NOW;
SET branch = dev;
ALTER TABLE t ADD COLUMN extra int;
UPDATE t SET v = 'B', extra = 7 WHERE id = 2;
DELETE FROM t WHERE id = 3;
CREATE TABLE only_dev (x int);
INSERT INTO only_dev VALUES (42);
CREATE DATABASE BRANCH dev2 FROM dev AS OF NOW;
SET branch = dev2;
INSERT INTO only_dev VALUES (43);
SET branch = main;
INSERT INTO t VALUES (4, 'd');
