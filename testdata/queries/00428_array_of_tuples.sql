SELECT [(1, 'a'), (2, 'b')] AS a, a[2].2, toTypeName(a);
SELECT arrayMap(t -> t.1 * 10, [(1, 'a'), (2, 'b')]);
SELECT arraySort(x -> x.2, [(1, 'b'), (2, 'a')]);
