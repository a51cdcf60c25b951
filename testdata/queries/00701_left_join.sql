CREATE TABLE l (id UInt32, a String) ENGINE = Memory;
CREATE TABLE r (id UInt32, b String, n UInt32) ENGINE = Memory;
INSERT INTO l VALUES (1, 'l1'), (2, 'l2'), (3, 'l3');
INSERT INTO r VALUES (2, 'r2', 20), (3, 'r3', 30), (4, 'r4', 40);
SELECT l.id, a, b, n, r.id FROM l LEFT JOIN r ON l.id = r.id ORDER BY l.id;
SELECT l.id, toTypeName(b), toTypeName(n) FROM l LEFT JOIN r ON l.id = r.id ORDER BY l.id LIMIT 1;
SELECT id, a, b FROM l LEFT OUTER JOIN r USING (id) ORDER BY id;
SELECT l.id FROM l LEFT JOIN r ON l.id = r.id WHERE r.id = 0 ORDER BY l.id;
