CREATE TABLE l (id UInt32) ENGINE = Memory;
CREATE TABLE r (id UInt32, s String, d Date, f Float64, a Array(UInt8), n Nullable(Int8)) ENGINE = Memory;
INSERT INTO l VALUES (1), (2);
INSERT INTO r VALUES (1, 'x', '2024-01-01', 1.5, [1], 1);
SELECT l.id, s, d, f, a, n FROM l LEFT JOIN r ON l.id = r.id ORDER BY l.id;
SELECT l.id, s, d, f, a, n FROM l LEFT JOIN r ON l.id = r.id ORDER BY l.id SETTINGS join_use_nulls = 1;
