SELECT leftPad('abc', 6, '*'), leftPad('abc', 2, '*'), leftPad('abc', 6);
SELECT rightPad('abc', 6, '*'), rightPad('abc', 6), lpad('7', 3, '0'), rpad('7', 3, '0');
SELECT leftPad('abc', 7, 'xy');
SELECT leftPadUTF8('ä', 3, 'ö');
