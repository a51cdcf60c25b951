SELECT toFixedString('abc', 5), toTypeName(toFixedString('abc', 5));
SELECT length(toFixedString('abc', 5));
SELECT toFixedString('abc', 3) = 'abc';
CREATE TABLE f (x FixedString(4)) ENGINE = Memory;
INSERT INTO f VALUES ('ab'), ('abcd'), ('');
SELECT x, length(x), hex(x) FROM f ORDER BY x;
SELECT toFixedString('abcdef', 3); -- { serverError TOO_LARGE_STRING_SIZE }
