SELECT toTypeName(1.0), toTypeName(1e10), toTypeName(-0.5);
SELECT 0.1 + 0.2;
SELECT 1e308 * 10, -1e308 * 10;
SELECT inf, -inf, nan;
SELECT toTypeName(inf), toTypeName(nan);
SELECT 1.0, 2.50, 100.0, 1e20, 1e-20, 123456789.125;
SELECT 0.000001, 1e-7, 1e15, 1e16, 1e21, 1e22;
