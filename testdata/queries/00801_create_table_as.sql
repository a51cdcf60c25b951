CREATE TABLE src (a UInt32, s String DEFAULT 'd') ENGINE = Memory;
INSERT INTO src (a) VALUES (1), (2);
CREATE TABLE copy AS src;
SELECT count() FROM copy;
DESCRIBE copy;
CREATE TABLE filled ENGINE = Memory AS SELECT a * 10 AS x, s FROM src;
SELECT x, s, toTypeName(x) FROM filled ORDER BY x;
CREATE TABLE e ENGINE = Memory AS SELECT number AS n FROM numbers(3);
SELECT n FROM e ORDER BY n;
