CREATE TABLE d (a Decimal(9, 2), b Decimal(18, 4), c Decimal(38, 10)) ENGINE = Memory;
INSERT INTO d VALUES (1.25, 100.0001, 0.0000000001), (-3.5, 0, 12345678901234567890.5), (0, -1.9999, 1);
SELECT a, b, c FROM d ORDER BY a;
SELECT toTypeName(a), toTypeName(b), toTypeName(c) FROM d LIMIT 1;
SELECT sum(a), toTypeName(sum(a)), sum(b), toTypeName(sum(b)) FROM d;
SELECT max(a), min(b) FROM d;
SELECT a + b, toTypeName(a + b) FROM d ORDER BY a;
