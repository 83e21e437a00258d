SELECT 1 AS one;
SELECT * FROM no_such_table;
SELECT 2 AS two;
