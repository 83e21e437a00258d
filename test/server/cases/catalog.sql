-- psql's meta-commands read pg_catalog: \dt \di \dv \ds \d \d+ \l \du \df \dn, a tab
-- completion query and information_schema. Objects live in schema cat so that the other
-- cases' tables stay out of the listings.
-- catalog.out is what PostgreSQL 15 prints for this script run by a superuser role named
-- heliosdb in a database named heliosdb (the owner and database names this server reports).
CREATE SCHEMA cat;
SET search_path = cat;
CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NOT NULL, score numeric(8,2) DEFAULT 0,
                note text UNIQUE, born date, flag boolean CHECK (flag));
CREATE INDEX t_name_idx ON t (name);
CREATE UNIQUE INDEX t_score_born_idx ON t (score, born);
CREATE TABLE u (k bigint, v text);
CREATE VIEW v AS SELECT id, name FROM t;
CREATE SEQUENCE s;
\dt
\di
\dv
\ds
\d t
\d+ t
\d u
\d v
\d s
\d t_name_idx
\d t_pkey
\l heliosdb
\du heliosdb
\df quote_ident
\df pg_catalog.lpad
\dn
-- what psql sends for SELECT * FROM t<TAB>
SELECT pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'S', 'v', 'm', 'f', 'p') AND substring(pg_catalog.quote_ident(c.relname),1,1)='t' AND pg_catalog.pg_table_is_visible(c.oid) AND c.relnamespace <> (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'pg_catalog')
UNION
SELECT pg_catalog.quote_ident(n.nspname) || '.' FROM pg_catalog.pg_namespace n WHERE substring(pg_catalog.quote_ident(n.nspname) || '.',1,1)='t' AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_namespace WHERE substring(pg_catalog.quote_ident(nspname) || '.',1,1) = substring('t',1,pg_catalog.length(pg_catalog.quote_ident(nspname))+1)) > 1
UNION
SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c, pg_catalog.pg_namespace n WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'S', 'v', 'm', 'f', 'p') AND substring(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),1,1)='t' AND substring(pg_catalog.quote_ident(n.nspname) || '.',1,1) = substring('t',1,pg_catalog.length(pg_catalog.quote_ident(n.nspname))+1) AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_namespace WHERE substring(pg_catalog.quote_ident(nspname) || '.',1,1) = substring('t',1,pg_catalog.length(pg_catalog.quote_ident(nspname))+1)) = 1
LIMIT 1000;
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'cat' ORDER BY 1;
SELECT column_name, ordinal_position, data_type, is_nullable, column_default
  FROM information_schema.columns WHERE table_schema = 'cat' AND table_name = 't' ORDER BY 2;
SELECT current_database(), current_schema, current_schemas(true);
SELECT 'cat.t'::regclass = c.oid AS same, c.oid::regclass AS name FROM pg_class c WHERE relname = 't' AND relnamespace = 'cat'::regnamespace;
DROP VIEW v;
DROP TABLE t;
DROP TABLE u;
DROP SEQUENCE s;
DROP SCHEMA cat;
