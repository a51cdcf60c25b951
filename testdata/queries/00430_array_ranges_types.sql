SELECT range(toUInt8(3)), toTypeName(range(toUInt8(3))), range(-2, 2), toTypeName(range(-2, 2));
SELECT range(number) FROM numbers(4) ORDER BY number;
SELECT range(0);
