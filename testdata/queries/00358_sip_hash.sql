SELECT sipHash64('hello'), sipHash64(''), sipHash64(1), sipHash64('a', 'b');
SELECT toTypeName(sipHash64('x')), hex(sipHash128('hello'));
SELECT number, sipHash64(number) FROM numbers(3) ORDER BY number;
