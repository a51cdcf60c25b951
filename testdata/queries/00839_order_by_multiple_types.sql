SELECT toFixedString(toString(number % 3), 2) AS f, number FROM numbers(6) ORDER BY f DESC, number;
SELECT [number % 3, number] AS a FROM numbers(5) ORDER BY a DESC;
SELECT toDateTime64('2024-01-01 00:00:00.5', 1) - number AS t FROM numbers(3) ORDER BY t;
SELECT toInt128(number) - 2 AS i FROM numbers(5) ORDER BY i DESC;
SELECT toUUID(concat('00000000-0000-0000-0000-00000000000', toString(number))) AS u FROM numbers(3) ORDER BY u DESC;
