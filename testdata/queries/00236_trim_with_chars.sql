SELECT trim(BOTH 'ab' FROM 'abxba'), trim(LEADING ' ' FROM '  x  ');
SELECT trimLeft('xxhixx', 'x'), trimRight('xxhixx', 'x');
