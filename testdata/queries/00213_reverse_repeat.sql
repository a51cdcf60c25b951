SELECT reverse('abc'), reverse(''), reverseUTF8('привет');
SELECT repeat('ab', 3), repeat('x', 0), repeat('', 5);
SELECT reverse([1, 2, 3]);
SELECT number, repeat('-', number) FROM numbers(4) ORDER BY number;
