SELECT toString(1), toString(-1), toString(1.5), toString(1e20);
SELECT toString(0.1), toString(1 / 3), toString(toFloat32(1) / 3);
SELECT toString(toDecimal32(1.5, 3)), toString(true), toString(NULL);
SELECT toString(toDate('2020-01-02')), toString(toDateTime('2020-01-02 03:04:05'));
SELECT toString([1, 2]), toString((1, 'a')), toString(map('k', 1));
SELECT toTypeName(toString(1));
