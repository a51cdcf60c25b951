SELECT cityHash64(), toTypeName(cityHash64());
SELECT MD5(1); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT sqrt('a'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT round(1.5, 'x'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
SELECT pow(2); -- { serverError NUMBER_OF_ARGUMENTS_DOESNT_MATCH }
