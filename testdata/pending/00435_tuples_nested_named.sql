SELECT tuple(1, tuple(2, 3)).2.1;
SELECT CAST((1, (2, 'a')) AS Tuple(a UInt8, b Tuple(c UInt8, d String))) AS t, t.b.d, toTypeName(t);
SELECT tupleNames(CAST((1, 2) AS Tuple(x UInt8, y UInt8)));
