SELECT median(number), medianExact(number), toTypeName(medianExact(number)) FROM numbers(100);
SELECT quantileExactLow(0.5)(number), quantileExactHigh(0.5)(number) FROM numbers(10);
SELECT quantileExactWeighted(0.5)(x, w) FROM (SELECT number AS x, number AS w FROM numbers(10));
