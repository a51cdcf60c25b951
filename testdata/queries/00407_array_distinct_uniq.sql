SELECT arrayDistinct([1, 2, 1, 3, 2]), arrayDistinct(['a', 'a']), arrayDistinct([]);
SELECT arrayUniq([1, 2, 1]), arrayUniq([1, 2], [1, 1]);
SELECT arrayDistinct([1, NULL, 1, NULL]);
SELECT arrayCompact([1, 1, 2, 2, 1]);
