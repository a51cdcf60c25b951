SELECT toYear('2024-01-01'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT toStartOfMonth(1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT toDate('2024-01-01') + toDate('2024-01-01'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT dateDiff('day', toDate('2024-01-01')); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT toDate('2024-01-01') * 2; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
