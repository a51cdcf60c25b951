SELECT length(); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
SELECT upper(1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT substring('a'); -- { serverError SYNTAX_ERROR }
SELECT substring(1, 2); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT concat(), toTypeName(concat());
SELECT repeat('x', 'y'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT lower('a', 'b'); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
