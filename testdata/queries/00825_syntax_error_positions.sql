SELECT 1 FROM WHERE; -- { serverError UNKNOWN_TABLE }
CREATE TABLE (x UInt8) ENGINE = Memory; -- { serverError SYNTAX_ERROR }
INSERT INTO VALUES (1); -- { serverError SYNTAX_ERROR }
SELECT [1, 2; -- { serverError SYNTAX_ERROR }
DROP; -- { serverError SYNTAX_ERROR }
