SELECT if(number = 1, NULL, 'x'), toTypeName(if(number = 1, NULL, 'x')) FROM numbers(3) ORDER BY number;
SELECT if(number = 1, NULL, NULL) FROM numbers(2) ORDER BY number;
SELECT if(CAST(NULL AS Nullable(UInt8)), 'a', 'b');
SELECT if(number, 'nonzero', 'zero') FROM numbers(2) ORDER BY number; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
