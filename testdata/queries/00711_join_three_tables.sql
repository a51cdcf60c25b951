CREATE TABLE a (id UInt32, x String) ENGINE = Memory;
CREATE TABLE b (id UInt32, y String) ENGINE = Memory;
CREATE TABLE c (id UInt32, z String) ENGINE = Memory;
INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');
INSERT INTO b VALUES (1, 'b1'), (2, 'b2');
INSERT INTO c VALUES (1, 'c1'), (3, 'c3');
SELECT a.id, x, y, z FROM a JOIN b ON a.id = b.id JOIN c ON a.id = c.id ORDER BY a.id;
SELECT a.id, x, y, z FROM a LEFT JOIN b ON a.id = b.id LEFT JOIN c ON a.id = c.id ORDER BY a.id;
