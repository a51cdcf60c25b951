CREATE TABLE l (id UInt32, v Int32) ENGINE = Memory;
CREATE TABLE r (id UInt32, w Int32) ENGINE = Memory;
INSERT INTO l VALUES (1, 5), (2, 6), (3, 7);
INSERT INTO r VALUES (2, 1), (4, 2), (6, 3);
SELECT l.id, r.id FROM l JOIN r ON l.id * 2 = r.id ORDER BY l.id;
SELECT l.id, r.id FROM l JOIN r ON l.id = r.id AND r.w > 0 ORDER BY l.id;
SELECT l.id, r.id, w FROM l LEFT JOIN r ON l.id = r.id AND r.w > 5 ORDER BY l.id;
