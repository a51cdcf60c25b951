SELECT substring('hello world', 1, 5), substring('hello world', 7), substr('hello', 2, 3);
SELECT substring('hello', 0, 2), substring('hello', -3), substring('hello', -3, 2);
SELECT substring('hello', 10), substring('hello', 3, 0), substring('hello', 2, 100);
SELECT mid('abcdef', 2, 3);
SELECT substringUTF8('привет', 2, 3), substring('привет', 2, 3) = 'р';
SELECT substring('hello' FROM 2 FOR 3);
SELECT left('hello', 2), right('hello', 2), left('hi', 10), right('hello', -2);
