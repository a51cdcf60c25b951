SELECT gcd(12, 18), lcm(4, 6);
SELECT gcd(0, 5); -- { serverError ILLEGAL_DIVISION }
SELECT lcm(0, 5); -- { serverError ILLEGAL_DIVISION }
SELECT toTypeName(gcd(12, 18)), gcd(-12, 18);
SELECT gcd(toUInt64(123456789), toUInt64(987654321));
