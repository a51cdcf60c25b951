SET readonly = 1;
SELECT 1;
CREATE TABLE t (x UInt8) ENGINE = Memory; -- { serverError READONLY }
INSERT INTO system.one VALUES (1); -- { serverError READONLY }
