SELECT sumOrNull(number), maxOrNull(number), avgOrDefault(number) FROM numbers(0);
SELECT sumOrNull(number), toTypeName(sumOrNull(number)) FROM numbers(3);
SELECT minOrDefault(number), toTypeName(minOrDefault(number)) FROM numbers(0);
SELECT argMaxOrNull(number, number) FROM numbers(0);
