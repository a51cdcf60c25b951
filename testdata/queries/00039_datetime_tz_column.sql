CREATE TABLE t (a DateTime('Asia/Kolkata'), b DateTime('UTC')) ENGINE = Memory;
INSERT INTO t VALUES ('2024-01-01 00:00:00', '2024-01-01 00:00:00');
SELECT a, b, toTypeName(a), toTypeName(b) FROM t;
SELECT toUnixTimestamp(a), toUnixTimestamp(b) FROM t;
SELECT a = b FROM t;
