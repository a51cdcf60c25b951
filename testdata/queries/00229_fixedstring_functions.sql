SELECT toFixedString('ab', 4) AS f, hex(f), length(f), toTypeName(f);
SELECT toString(toFixedString('ab', 4)) = 'ab\0\0';
SELECT upper(toFixedString('ab', 2)), toTypeName(upper(toFixedString('ab', 2)));
SELECT concat(toFixedString('ab', 2), 'c'), toTypeName(concat(toFixedString('ab', 2), 'c'));
