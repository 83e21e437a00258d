-- COPY FROM STDIN and COPY TO STDOUT in text and CSV, with their options and errors.
-- (CONTEXT lines, "COPY c, line 1: ...", are not sent yet.)
\set SHOW_CONTEXT never
CREATE TABLE c (id int, name text, note text, amount numeric(8,2));
COPY c FROM STDIN;
1	plain	\N	1.50
2	tab\there	back\\slash	-2
3	new\nline		0
\.
COPY c (id, name) FROM STDIN WITH (FORMAT csv, HEADER);
id,name
4,"quoted, comma"
5,"say ""hi"""
6,
7,""
\.
COPY c FROM STDIN WITH (FORMAT csv, DELIMITER ';', NULL 'NULL', QUOTE '''');
8;'semi;colon';NULL;3.25
\.
SELECT id, name, note, amount, name IS NULL AS name_null FROM c ORDER BY id;
COPY c TO STDOUT;
COPY c TO STDOUT WITH (FORMAT csv, HEADER);
COPY c (id, amount) TO STDOUT WITH (FORMAT csv, DELIMITER '|', NULL 'n/a');
COPY (SELECT id, upper(name) FROM c WHERE id < 3 ORDER BY id) TO STDOUT WITH CSV HEADER;
COPY c FROM STDIN;
9	too few
\.
COPY c FROM STDIN;
x	bad id	\N	1
\.
COPY c FROM STDIN;
10	a	b	1	extra
\.
COPY missing FROM STDIN;
COPY c (nosuch) TO STDOUT;
SELECT count(*) FROM c;
