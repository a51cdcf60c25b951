SELECT number, multiIf(number < 2, 'low', number < 4, 'mid', 'high') FROM numbers(6) ORDER BY number;
SELECT multiIf(0, 1, 0, 2, 3);
SELECT toTypeName(multiIf(number = 0, 1, number = 1, 2.5, -1)) FROM numbers(1);
SELECT multiIf(number = 0, NULL, number) FROM numbers(3) ORDER BY number;
