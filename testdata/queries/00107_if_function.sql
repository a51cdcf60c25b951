SELECT if(1, 'yes', 'no'), if(0, 'yes', 'no');
SELECT number, if(number % 2 = 0, 'even', 'odd') FROM numbers(5) ORDER BY number;
SELECT if(NULL, 1, 2);
SELECT if(number > 2, number, NULL), toTypeName(if(number > 2, number, NULL)) FROM numbers(5) ORDER BY number;
SELECT number > 1 ? 'big' : 'small' FROM numbers(3) ORDER BY number;
