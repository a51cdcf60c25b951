CREATE TABLE t1 (a UInt8, b String) ENGINE = Memory;
CREATE TABLE t2 (x Nullable(Int64)) ENGINE = Memory;
SELECT database, name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name;
SELECT table, name, type, position FROM system.columns WHERE database = currentDatabase() ORDER BY table, position;
SELECT count() FROM system.tables WHERE database = 'system' AND name IN ('one', 'numbers', 'tables', 'columns', 'databases', 'functions', 'settings');
