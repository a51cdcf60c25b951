CREATE TABLE trades (sym String, t UInt32, price Float64) ENGINE = Memory;
CREATE TABLE quotes (sym String, t UInt32, bid Float64) ENGINE = Memory;
INSERT INTO trades VALUES ('A', 10, 1.5), ('A', 20, 1.6), ('B', 15, 9);
INSERT INTO quotes VALUES ('A', 5, 1.4), ('A', 15, 1.55), ('B', 20, 8.9);
SELECT trades.sym, trades.t, bid FROM trades ASOF LEFT JOIN quotes ON trades.sym = quotes.sym AND trades.t >= quotes.t ORDER BY trades.sym, trades.t;
CREATE TABLE l (k String, t UInt32, a UInt8) ENGINE = Memory;
CREATE TABLE r (k String, t UInt32, b Float64, n Nullable(Int32)) ENGINE = Memory;
INSERT INTO l VALUES ('A', 10, 1), ('A', 20, 2), ('B', 15, 3), ('A', 5, 4), ('C', 1, 5);
INSERT INTO r VALUES ('A', 5, 1.1, 1), ('A', 15, 1.2, 2), ('A', 15, 1.3, 3), ('A', 15, 1.4, 4), ('B', 20, 2.1, 5), ('A', 25, 1.5, 6);
SELECT l.k, l.t, a, r.t, b, n FROM l ASOF LEFT JOIN r ON l.k = r.k AND l.t >= r.t ORDER BY a;
SELECT l.k, l.t, a, r.t, b, n FROM l ASOF JOIN r ON l.k = r.k AND l.t > r.t ORDER BY a;
SELECT l.k, l.t, a, r.t, b, n FROM l ASOF JOIN r ON l.k = r.k AND l.t <= r.t ORDER BY a;
SELECT l.k, l.t, a, r.t, b, n FROM l ASOF LEFT JOIN r ON l.k = r.k AND l.t < r.t ORDER BY a;
SELECT l.k, l.t, a, r.t, b, n FROM l ASOF LEFT JOIN r ON r.t <= l.t AND l.k = r.k ORDER BY a;
SELECT * FROM l ASOF LEFT JOIN r USING (k, t) ORDER BY a;
SELECT k, t, a, b FROM l ASOF JOIN r USING (k, t) ORDER BY a;
SELECT l.k, l.t, a, r.t, b, n, toTypeName(b) FROM l ASOF LEFT JOIN r ON l.k = r.k AND l.t >= r.t ORDER BY a SETTINGS join_use_nulls = 1;
SELECT a, b FROM l ASOF JOIN r ON l.k = r.k AND toInt32(l.t) >= r.t - 1 ORDER BY a;
SELECT * FROM l ASOF RIGHT JOIN r ON l.k = r.k AND l.t >= r.t; -- { serverError NOT_IMPLEMENTED }
SELECT * FROM l ASOF FULL JOIN r ON l.k = r.k AND l.t >= r.t; -- { serverError NOT_IMPLEMENTED }
SELECT * FROM l ASOF JOIN r ON l.k = r.k; -- { serverError INVALID_JOIN_ON_EXPRESSION }
SELECT * FROM l ASOF JOIN r ON l.t >= r.t; -- { serverError NOT_IMPLEMENTED }
SELECT * FROM l ASOF JOIN r ON l.k = r.k AND l.t >= r.t AND l.t <= r.t; -- { serverError INVALID_JOIN_ON_EXPRESSION }
SELECT * FROM l ASOF JOIN r ON l.k = r.k AND l.t != r.t; -- { serverError INVALID_JOIN_ON_EXPRESSION }
SELECT * FROM l ASOF JOIN r ON l.k = r.k AND l.k >= r.k; -- { serverError BAD_TYPE_OF_FIELD }
SELECT a, b FROM l ASOF LEFT JOIN r ON l.k = r.k AND l.t >= r.t ORDER BY a SETTINGS max_block_size = 1;
SELECT a, r.t FROM l ASOF JOIN (SELECT k, toDateTime(t) AS t FROM r) AS r ON l.k = r.k AND toDateTime(l.t) < r.t ORDER BY a;
