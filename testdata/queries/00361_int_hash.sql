SELECT intHash32(1), intHash32(0), intHash64(1), intHash64(0);
SELECT toTypeName(intHash32(1)), toTypeName(intHash64(1));
SELECT number, intHash32(number), intHash64(number) FROM numbers(5) ORDER BY number;
SELECT intHash32(toInt8(-1)), intHash64(toUInt64(18446744073709551615));
SELECT intHash32('x'); -- { serverError ILLEGAL_TYPE_OF_ARGUMENT }
