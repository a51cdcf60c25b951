CREATE TABLE l (id UInt32, a String) ENGINE = Memory;
CREATE TABLE r (id UInt32, b String) ENGINE = Memory;
INSERT INTO l VALUES (1, 'l1'), (2, 'l2'), (3, 'l3');
INSERT INTO r VALUES (2, 'r2'), (2, 'r2b'), (4, 'r4');
SELECT l.id, a FROM l LEFT SEMI JOIN r ON l.id = r.id ORDER BY l.id;
SELECT l.id, a FROM l LEFT ANTI JOIN r ON l.id = r.id ORDER BY l.id;
SELECT r.id, b FROM l RIGHT SEMI JOIN r ON l.id = r.id ORDER BY r.id, b;
SELECT r.id, b FROM l RIGHT ANTI JOIN r ON l.id = r.id ORDER BY r.id, b;
