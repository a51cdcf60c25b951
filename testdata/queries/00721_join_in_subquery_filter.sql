CREATE TABLE l (id UInt32, v UInt32) ENGINE = Memory;
INSERT INTO l SELECT number, number * 2 FROM numbers(10);
SELECT a.id, b.v FROM l AS a JOIN (SELECT id, v FROM l WHERE v > 10) AS b ON a.id = b.id WHERE a.id < 8 ORDER BY a.id;
SELECT id FROM l WHERE id IN (SELECT id FROM l WHERE v % 4 = 0) ORDER BY id;
