CREATE TABLE t (a Int8, b Int16, c Int32, d Int64, e Int128, f Int256, g UInt8, h UInt16, i UInt32, j UInt64, k UInt128, l UInt256, m Float32, n Float64, o Bool, p String, q FixedString(3), r Date, s Date32, u DateTime, v DateTime64(3), w UUID, x IPv4, y IPv6, z Decimal(12, 3)) ENGINE = Memory;
INSERT INTO t (a) VALUES (1);
SELECT * FROM t;
SELECT name, type FROM system.columns WHERE table = 't' AND database = currentDatabase() ORDER BY position;
