SELECT [1, 2, 3], toTypeName([1, 2, 3]);
SELECT [], toTypeName([]);
SELECT ['a', 'b'], toTypeName(['a', 'b']);
SELECT [1, 2.5], toTypeName([1, 2.5]);
SELECT [[1], [2, 3]], toTypeName([[1], [2, 3]]);
SELECT [1, NULL], toTypeName([1, NULL]);
SELECT ['it''s', 'tab\t'];
