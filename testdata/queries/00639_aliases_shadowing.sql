SELECT number AS number FROM numbers(2) ORDER BY number;
SELECT number + 1 AS number FROM numbers(3) WHERE number > 1 ORDER BY number;
SELECT sum(number) AS number FROM numbers(4);
SELECT 1 AS a, 2 AS a; -- { serverError MULTIPLE_EXPRESSIONS_FOR_ALIAS }
