SELECT sumIfMerge(s) FROM (SELECT sumIfState(number, number > 5) AS s FROM numbers(10));
SELECT uniqMerge(s) FROM (SELECT uniqState(number) AS s FROM numbers(1000) GROUP BY number % 10);
SELECT groupArrayMerge(s) FROM (SELECT groupArrayState(number) AS s FROM (SELECT number FROM numbers(3) ORDER BY number));
SELECT quantileExactMerge(0.5)(s) FROM (SELECT quantileExactState(0.5)(number) AS s FROM numbers(11));
