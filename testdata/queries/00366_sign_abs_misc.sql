SELECT sign(-5), sign(0), sign(3.2), toTypeName(sign(1));
SELECT abs(toInt64(-9223372036854775807)), toTypeName(abs(toInt64(-1)));
SELECT factorial(5), factorial(0), toTypeName(factorial(5));
SELECT erf(0), lgamma(1), tgamma(5);
