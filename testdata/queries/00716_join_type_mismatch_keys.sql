CREATE TABLE l (id UInt32) ENGINE = Memory;
CREATE TABLE r (id Int64) ENGINE = Memory;
INSERT INTO l VALUES (1), (2);
INSERT INTO r VALUES (2), (-1);
SELECT l.id, r.id FROM l JOIN r ON l.id = r.id ORDER BY l.id;
SELECT id, toTypeName(id) FROM l JOIN r USING (id);
SELECT id, toTypeName(id) FROM l FULL JOIN r USING (id) ORDER BY id;
