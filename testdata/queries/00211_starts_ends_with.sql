SELECT startsWith('hello', 'he'), startsWith('hello', 'lo'), endsWith('hello', 'lo'), endsWith('hello', '');
SELECT startsWith('', ''), endsWith('a', 'ab');
SELECT number, startsWith(toString(number), '1') FROM numbers(12) WHERE number > 8 ORDER BY number;
