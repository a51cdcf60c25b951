SELECT 0.1 + 0.2, 1.1 * 1.1, 10.0 / 4, 7.5 % 2;
SELECT toFloat32(0.1) + toFloat32(0.2), toTypeName(toFloat32(0.1) + toFloat32(0.2));
SELECT 1e300 * 1e300, -1e300 * 1e300;
SELECT 5.0 % 0, intDiv(5.5, 2);
SELECT toTypeName(1.5 % 1), toTypeName(intDiv(5.5, 2));
