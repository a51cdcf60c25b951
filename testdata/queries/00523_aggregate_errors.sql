SELECT sum(); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT avg('x'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT quantile(2)(number) FROM numbers(10); -- { serverError PARAMETER_OUT_OF_BOUND }
SELECT nosuchagg(number) FROM numbers(1); -- { serverError UNKNOWN_FUNCTION }
SELECT sum(sum(number)) FROM numbers(1); -- { serverError ILLEGAL_AGGREGATION }
SELECT number FROM numbers(3) WHERE sum(number) > 1; -- { serverError ILLEGAL_AGGREGATION }
SELECT number, count() FROM numbers(3); -- { serverError NOT_AN_AGGREGATE }
