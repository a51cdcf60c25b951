SELECT murmurHash3_64('hello'), murmurHash3_32('hello'), murmurHash2_64('hello'), murmurHash2_32('hello');
SELECT hex(murmurHash3_128('hello')), toTypeName(murmurHash3_64('x'));
SELECT number, murmurHash3_64(number) FROM numbers(3) ORDER BY number;
