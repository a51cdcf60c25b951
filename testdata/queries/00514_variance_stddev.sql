SELECT varPop(number), varSamp(number), stddevPop(number), stddevSamp(number) FROM numbers(10);
SELECT round(varPop(x), 6), round(stddevSamp(x), 6) FROM (SELECT arrayJoin([1.5, 2.5, 10]) AS x);
SELECT varSamp(number) FROM numbers(1);
SELECT toTypeName(varPop(number)), toTypeName(stddevPop(toFloat32(1))) FROM numbers(1);
SELECT VAR_POP(number), STDDEV_SAMP(number) FROM numbers(5);
