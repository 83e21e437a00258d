--
-- Our stand-in for PostgreSQL's test_setup.sql: the tables the regression tests read, created
-- and filled with SQL only. The data comes from the regression suite's data/ files through
-- COPY; psql passes their folder as :abs_srcdir (test/pgregress/run.sh sets it).
-- Left out, since the tests we run do not need them or HeliosDB has no such objects: the
-- tablespace, POINT_TBL and road (geometric types), the inheritance between person, emp,
-- student and stud_emp (they are four separate tables here, location kept as text), the enum
-- and range types, the C function binary_coercible, the hash operator classes and fipshash.
--
SET synchronous_commit = on;

CREATE TABLE CHAR_TBL(f1 char(4));
INSERT INTO CHAR_TBL (f1) VALUES ('a'), ('ab'), ('abcd'), ('abcd    ');

CREATE TABLE FLOAT8_TBL(f1 float8);
INSERT INTO FLOAT8_TBL(f1) VALUES
  ('0.0'), ('-34.84'), ('-1004.30'), ('-1.2345678901234e+200'), ('-1.2345678901234e-200');

CREATE TABLE INT2_TBL(f1 int2);
INSERT INTO INT2_TBL(f1) VALUES ('0   '), ('  1234 '), ('    -1234'), ('32767'), ('-32767');

CREATE TABLE INT4_TBL(f1 int4);
INSERT INTO INT4_TBL(f1) VALUES
  ('   0  '), ('123456     '), ('    -123456'), ('2147483647'), ('-2147483647');

CREATE TABLE INT8_TBL(q1 int8, q2 int8);
INSERT INTO INT8_TBL VALUES
  ('  123   ','  456'),
  ('123   ','4567890123456789'),
  ('4567890123456789','123'),
  (+4567890123456789,'4567890123456789'),
  ('+4567890123456789','-4567890123456789');

CREATE TABLE TEXT_TBL (f1 text);
INSERT INTO TEXT_TBL VALUES ('doh!'), ('hi de ho neighbor');

CREATE TABLE VARCHAR_TBL(f1 varchar(4));
INSERT INTO VARCHAR_TBL (f1) VALUES ('a'), ('ab'), ('abcd'), ('abcd    ');

CREATE TABLE onek (
	unique1		int4,
	unique2		int4,
	two			int4,
	four		int4,
	ten			int4,
	twenty		int4,
	hundred		int4,
	thousand	int4,
	twothousand	int4,
	fivethous	int4,
	tenthous	int4,
	odd			int4,
	even		int4,
	stringu1	name,
	stringu2	name,
	string4		name
);
\set filename :abs_srcdir '/data/onek.data'
COPY onek FROM :'filename';
ANALYZE onek;

CREATE TABLE onek2 AS SELECT * FROM onek;
ANALYZE onek2;

CREATE TABLE tenk1 (
	unique1		int4,
	unique2		int4,
	two			int4,
	four		int4,
	ten			int4,
	twenty		int4,
	hundred		int4,
	thousand	int4,
	twothousand	int4,
	fivethous	int4,
	tenthous	int4,
	odd			int4,
	even		int4,
	stringu1	name,
	stringu2	name,
	string4		name
);
\set filename :abs_srcdir '/data/tenk.data'
COPY tenk1 FROM :'filename';
ANALYZE tenk1;

CREATE TABLE tenk2 AS SELECT * FROM tenk1;
ANALYZE tenk2;

CREATE TABLE person (name text, age int4, location text);
\set filename :abs_srcdir '/data/person.data'
COPY person FROM :'filename';

CREATE TABLE emp (name text, age int4, location text, salary int4, manager name);
\set filename :abs_srcdir '/data/emp.data'
COPY emp FROM :'filename';

CREATE TABLE student (name text, age int4, location text, gpa float8);
\set filename :abs_srcdir '/data/student.data'
COPY student FROM :'filename';

CREATE TABLE stud_emp (
	name text, age int4, location text, salary int4, manager name, gpa float8, percent int4
);
\set filename :abs_srcdir '/data/stud_emp.data'
COPY stud_emp FROM :'filename';

-- create_index.sql, earlier in the schedule, leaves these indexes, which the plans expect.
CREATE INDEX onek_unique1 ON onek USING btree(unique1 int4_ops);
CREATE INDEX onek_unique2 ON onek USING btree(unique2 int4_ops);
CREATE INDEX onek_hundred ON onek USING btree(hundred int4_ops);
CREATE INDEX onek_stringu1 ON onek USING btree(stringu1 name_ops);
CREATE INDEX tenk1_unique1 ON tenk1 USING btree(unique1 int4_ops);
CREATE INDEX tenk1_unique2 ON tenk1 USING btree(unique2 int4_ops);
CREATE INDEX tenk1_hundred ON tenk1 USING btree(hundred int4_ops);
CREATE INDEX tenk1_thous_tenthous ON tenk1 (thousand, tenthous);
CREATE INDEX tenk2_unique1 ON tenk2 USING btree(unique1 int4_ops);
CREATE INDEX tenk2_unique2 ON tenk2 USING btree(unique2 int4_ops);
CREATE INDEX tenk2_hundred ON tenk2 USING btree(hundred int4_ops);
-- (create_index.sql also makes partial indexes on onek2; HeliosDB has none yet.)
