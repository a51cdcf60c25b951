SELECT * FROM values('a UInt8, b String', (1, 'x'), (2, 'y')) ORDER BY a;
SELECT * FROM values((1, 'x'), (2, 'y')) ORDER BY 1;
SELECT toTypeName(c1) FROM values(1, 2, 3) LIMIT 1;
SELECT x FROM values('x Nullable(Int32)', 1, NULL) ORDER BY x;
