SELECT arrayEnumerate([10, 20, 30]), arrayEnumerate([]);
SELECT arrayEnumerateUniq([10, 20, 10, 10]), arrayEnumerateDense([10, 20, 10, 30]);
SELECT toTypeName(arrayEnumerate([1]));
