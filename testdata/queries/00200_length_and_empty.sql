SELECT length('hello'), length(''), length('ünï'), lengthUTF8('ünï'), char_length('ünï');
SELECT toTypeName(length('a'));
SELECT empty(''), empty('a'), notEmpty(''), notEmpty('a');
SELECT length([1, 2, 3]), length(toFixedString('ab', 4));
SELECT number, length(repeat('x', number)) FROM numbers(4) ORDER BY number;
