SELECT nosuch FROM numbers(1); -- { serverError UNKNOWN_IDENTIFIER }
SELECT number FROM numbers(1) ORDER BY nosuch; -- { serverError UNKNOWN_IDENTIFIER }
SELECT x FROM (SELECT 1 AS y); -- { serverError UNKNOWN_IDENTIFIER }
SELECT nosuchfunction(1); -- { serverError UNKNOWN_FUNCTION }
SELECT * FROM nosuchtable; -- { serverError UNKNOWN_TABLE }
SELECT * FROM nosuchdb.t; -- { serverError UNKNOWN_DATABASE }
SELECT * FROM nosuchtablefunction(1); -- { serverError UNKNOWN_FUNCTION }
