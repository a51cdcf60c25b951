CREATE TABLE l (a UInt32, b String, v UInt32) ENGINE = Memory;
CREATE TABLE r (a UInt32, b String, w UInt32) ENGINE = Memory;
INSERT INTO l VALUES (1, 'x', 10), (1, 'y', 11), (2, 'x', 12);
INSERT INTO r VALUES (1, 'x', 100), (2, 'y', 101), (1, 'y', 102);
SELECT l.a, l.b, v, w FROM l JOIN r ON l.a = r.a AND l.b = r.b ORDER BY l.a, l.b;
SELECT a, b, v, w FROM l JOIN r USING (a, b) ORDER BY a, b;
SELECT a, b, v, w FROM l LEFT JOIN r USING (a, b) ORDER BY a, b;
