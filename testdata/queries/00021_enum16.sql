CREATE TABLE e (x Enum16('low' = -1000, 'mid' = 0, 'high' = 1000)) ENGINE = Memory;
INSERT INTO e VALUES ('high'), ('low'), ('mid');
SELECT x, toInt16(x) FROM e ORDER BY x;
SELECT toTypeName(x) FROM e LIMIT 1;
SELECT CAST('mid' AS Enum16('low' = -1000, 'mid' = 0, 'high' = 1000));
