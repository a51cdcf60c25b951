CREATE TABLE t (x UInt8) ENGINE = Memory;
CREATE TABLE bad (x UInt8) ENGINE = NoSuchEngine; -- { serverError UNKNOWN_STORAGE }
CREATE TABLE bad2 (x NoSuchType) ENGINE = Memory; -- { serverError UNKNOWN_TYPE }
CREATE TABLE bad3 (x UInt8, x String) ENGINE = Memory; -- { serverError ILLEGAL_COLUMN }
INSERT INTO nosuch VALUES (1); -- { serverError UNKNOWN_TABLE }
INSERT INTO nosuchdb.t VALUES (1); -- { serverError UNKNOWN_DATABASE }
CREATE TABLE nosuchdb.t (x UInt8) ENGINE = Memory; -- { serverError UNKNOWN_DATABASE }
SELECT x FROM t;
