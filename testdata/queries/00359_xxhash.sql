SELECT xxHash64('hello'), xxHash64(''), xxHash32('hello'), toTypeName(xxHash32('x'));
SELECT xxh3('hello'), xxh3(''), toTypeName(xxh3('x'));
SELECT number, xxHash64(number), xxh3(number) FROM numbers(3) ORDER BY number;
