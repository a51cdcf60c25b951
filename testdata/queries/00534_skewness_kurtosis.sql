SELECT round(skewPop(x), 6), round(kurtPop(x), 6) FROM (SELECT arrayJoin([1, 2, 3, 10]) AS x);
SELECT round(skewSamp(number), 6), round(kurtSamp(number), 6) FROM numbers(10);
