SELECT toFloat32('3.14'), toFloat64('2.718281828459045'), toFloat64(toDecimal64(1.25, 2));
SELECT toFloat64(1) / 3, toFloat32(toFloat64(1) / 3);
SELECT toFloat64(toUInt64(18446744073709551615)), toFloat32(16777217);
SELECT toFloat64(toDate('1970-01-11')), toFloat64(true);
SELECT toFloat64('1,5'); -- { serverError CANNOT_PARSE_TEXT }
