SELECT quantile(0.5)(number) FROM numbers(100);
SELECT quantile(number) FROM numbers(1001);
SELECT quantiles(0.25, 0.5, 0.75)(number) FROM numbers(1000);
SELECT median(number) FROM numbers(10);
SELECT toTypeName(quantile(number)), toTypeName(quantile(toFloat32(1))) FROM numbers(1);
SELECT quantile(0.9)(number) FROM numbers(100000);
SELECT quantile(0.5)(toDate('2024-01-01') + number) FROM numbers(10);
