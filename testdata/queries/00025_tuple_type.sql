SELECT (1, 'a'), toTypeName((1, 'a'));
SELECT tuple(1, 2.5, 'x'), toTypeName(tuple(1, 2.5, 'x'));
SELECT (1, 'a').1, (1, 'a').2;
SELECT tupleElement((1, 'a'), 2);
SELECT ((1, 2), 3);
SELECT (1, NULL), toTypeName((1, NULL));
