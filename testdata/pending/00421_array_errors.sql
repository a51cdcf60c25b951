SELECT arrayMap(x -> x, 1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT has(1, 1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT [1, 2][1.5]; -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT arrayFilter(x -> x, ['a']); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT range(); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT arrayJoin(1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
