SELECT replaceAll('hello world', 'o', '0'), replaceOne('hello world', 'o', '0');
SELECT replace('aaa', 'a', 'bb'), replaceAll('abc', '', 'x');
SELECT replaceRegexpAll('a1b2c3', '\\d', '#'), replaceRegexpOne('a1b2c3', '\\d', '#');
SELECT replaceRegexpAll('hello world', '(\\w+) (\\w+)', '\\2 \\1');
SELECT replaceRegexpAll('abc', '', '-');
SELECT replaceRegexpOne('2024-01-15', '(\\d+)-(\\d+)-(\\d+)', '\\3/\\2/\\1');
