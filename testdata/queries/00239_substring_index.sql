SELECT substringIndex('www.example.com', '.', 2), substringIndex('www.example.com', '.', -2);
SELECT substringIndex('a.b', '.', 0), substringIndex('abc', '.', 1);
