SELECT round(sqrt(sum(number * number)), 4), round(exp(avg(log(number + 1))), 4) FROM numbers(10);
SELECT max(pow(number, 2)), min(cbrt(number)) FROM numbers(10);
