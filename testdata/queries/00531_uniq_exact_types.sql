SELECT uniqExact(toFloat64(number) / 2) FROM numbers(100);
SELECT uniqExact(toDate('2024-01-01') + number % 10) FROM numbers(100);
SELECT uniqExact((number % 2, number % 3)) FROM numbers(100);
SELECT uniqExact([number % 2]) FROM numbers(100);
