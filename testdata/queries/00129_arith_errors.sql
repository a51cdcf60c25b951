SELECT 1 + 'a'; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT 'a' * 2; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT plus(1); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT abs('x'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT intDiv(1, 2, 3); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT [1] + 1; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
