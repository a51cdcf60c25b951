SELECT CAST('[1,2,3]' AS Array(UInt8)), CAST('(1,\'a\')' AS Tuple(UInt8, String));
SELECT CAST('{\'k\':1}' AS Map(String, UInt8)); -- { serverError TYPE_MISMATCH }
SELECT CAST('[\'a\',\'b\']' AS Array(String));
SELECT CAST('[1,2' AS Array(UInt8)); -- { serverError CANNOT_PARSE_INPUT_ASSERTION_FAILED }
