CREATE TABLE t (a UInt32, b String, c Float64) ENGINE = Memory;
INSERT INTO t VALUES (1, 'x', 1.5);
INSERT INTO t (b, a) VALUES ('y', 2);
INSERT INTO t (a, b, c) VALUES (3, 'z', -1), (4, 'w', 0);
INSERT INTO TABLE t VALUES (5, 'v', 1e3);
INSERT INTO t VALUES (1 + 5, concat('u', 'u'), 2 * 3);
SELECT * FROM t ORDER BY a;
INSERT INTO t (nosuch) VALUES (1); -- { serverError NO_SUCH_COLUMN_IN_TABLE }
INSERT INTO t VALUES (1, 'x'); -- { serverError SYNTAX_ERROR }
