SELECT number, if(number < 3, if(number < 1, 'a', 'b'), 'c') FROM numbers(5) ORDER BY number;
SELECT number, (number > 1) AND (number < 4) OR number = 0 FROM numbers(5) ORDER BY number;
SELECT number FROM numbers(20) WHERE (number % 3 = 0 OR number % 5 = 0) AND NOT number % 2 = 0 ORDER BY number;
