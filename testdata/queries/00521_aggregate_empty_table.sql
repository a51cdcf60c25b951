CREATE TABLE t (x UInt32, s String) ENGINE = Memory;
SELECT count(), sum(x), avg(x), min(x), max(x), any(s), groupArray(x), uniqExact(x) FROM t;
SELECT count() FROM t GROUP BY x;
SELECT sum(x) FROM t SETTINGS aggregate_functions_null_for_empty = 1;
