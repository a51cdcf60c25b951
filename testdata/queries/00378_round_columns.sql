SELECT number / 4 AS x, round(x), floor(x), ceil(x), round(x, 1) FROM numbers(6) ORDER BY number;
SELECT round(toFloat32(number) / 3, 2) AS r, toTypeName(r) FROM numbers(3) ORDER BY number;
SELECT round(-number / 2) FROM numbers(5) ORDER BY number;
