CREATE TABLE e (x Enum8('a' = 1, 'b' = 2, 'c' = 3)) ENGINE = Memory;
INSERT INTO e VALUES ('b'), ('a'), ('c'), ('a');
SELECT x, toTypeName(x) FROM e ORDER BY x;
SELECT CAST(x AS Int8) FROM e ORDER BY x;
SELECT x FROM e WHERE x = 'a';
SELECT count() FROM e GROUP BY x ORDER BY x;
INSERT INTO e VALUES ('z'); -- { serverError UNKNOWN_ELEMENT_OF_ENUM }
