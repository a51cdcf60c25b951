SELECT (SELECT 42);
SELECT (SELECT max(number) FROM numbers(10)) + 1;
SELECT number FROM numbers(10) WHERE number > (SELECT avg(number) FROM numbers(10)) ORDER BY number;
SELECT (SELECT number FROM numbers(0));
SELECT toTypeName((SELECT number FROM numbers(0)));
SELECT (SELECT 1, 'a');
SELECT (SELECT number FROM numbers(2)); -- { serverError INCORRECT_RESULT_OF_SCALAR_SUBQUERY }
