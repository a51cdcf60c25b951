SELECT toDateTime('2024-01-15 10:20:30'), toTypeName(toDateTime('2024-01-15 10:20:30'));
SELECT toDateTime('2024-01-15 10:20:30', 'Asia/Tokyo'), toTypeName(toDateTime('2024-01-15 10:20:30', 'Asia/Tokyo'));
SELECT toDateTime(0), toDateTime(1700000000);
SELECT toDateTime('2024-01-15 10:20:30') + 60;
SELECT toUnixTimestamp(toDateTime('2024-01-15 10:20:30'));
CREATE TABLE t (ts DateTime) ENGINE = Memory;
INSERT INTO t VALUES ('2021-03-04 05:06:07'), ('1970-01-01 00:00:00'), (1600000000);
SELECT ts, toTypeName(ts) FROM t ORDER BY ts;
