SELECT length([1, 2, 3]), length([]), empty([]), notEmpty([1]), empty([0]);
SELECT toTypeName(length([1]));
CREATE TABLE t (a Array(UInt32)) ENGINE = Memory;
INSERT INTO t VALUES ([1, 2]), ([]), ([3]), ([4, 5, 6]);
SELECT a, length(a), empty(a) FROM t ORDER BY length(a), a;
SELECT sum(length(a)) FROM t;
