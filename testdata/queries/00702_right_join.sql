CREATE TABLE l (id UInt32, a String) ENGINE = Memory;
CREATE TABLE r (id UInt32, b String) ENGINE = Memory;
INSERT INTO l VALUES (1, 'l1'), (2, 'l2');
INSERT INTO r VALUES (2, 'r2'), (3, 'r3');
SELECT l.id, a, r.id, b FROM l RIGHT JOIN r ON l.id = r.id ORDER BY r.id;
SELECT id, a, b FROM l RIGHT JOIN r USING (id) ORDER BY id;
