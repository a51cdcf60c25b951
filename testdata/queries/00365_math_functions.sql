SELECT sqrt(16), sqrt(2), cbrt(27), pow(2, 10), power(2, 0.5);
SELECT exp(1), log(e()), ln(1), log2(1024), log10(1000), exp2(3), exp10(2);
SELECT sin(0), cos(0), tan(0), asin(1), acos(1), atan(1), atan2(1, 1);
SELECT sqrt(-1), log(0), log(-1);
SELECT toTypeName(sqrt(4)), toTypeName(pow(2, 2)), toTypeName(sqrt(toFloat32(4)));
SELECT sinh(0), cosh(0), tanh(0), hypot(3, 4), degrees(pi()), radians(180);
