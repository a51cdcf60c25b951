select 1 as x where 1 order by x;
SeLeCt count() FrOm numbers(3);
SELECT SUM(number), Count(), AVG(number), Max(number) FROM numbers(4);
SELECT nUmBeRs FROM numbers(1); -- { serverError UNKNOWN_IDENTIFIER }
SELECT toTypeName(1), totypename(1); -- { serverError UNKNOWN_FUNCTION }
