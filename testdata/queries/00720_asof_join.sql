CREATE TABLE trades (sym String, t UInt32, price Float64) ENGINE = Memory;
CREATE TABLE quotes (sym String, t UInt32, bid Float64) ENGINE = Memory;
INSERT INTO trades VALUES ('A', 10, 1.5), ('A', 20, 1.6), ('B', 15, 9);
INSERT INTO quotes VALUES ('A', 5, 1.4), ('A', 15, 1.55), ('B', 20, 8.9);
SELECT trades.sym, trades.t, bid FROM trades ASOF LEFT JOIN quotes ON trades.sym = quotes.sym AND trades.t >= quotes.t ORDER BY trades.sym, trades.t;
