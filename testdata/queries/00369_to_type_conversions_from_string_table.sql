CREATE TABLE t (s String) ENGINE = Memory;
INSERT INTO t VALUES ('1'), ('22'), ('abc'), (''), ('-7'), ('3.5');
SELECT s, toInt32OrNull(s), toInt32OrZero(s), toFloat64OrNull(s), toUInt8OrNull(s) FROM t ORDER BY s;
SELECT sum(toInt32OrZero(s)), count(toInt32OrNull(s)) FROM t;
