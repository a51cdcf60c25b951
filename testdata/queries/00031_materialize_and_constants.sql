SELECT materialize(1), toTypeName(materialize(1));
SELECT materialize('abc');
SELECT number, materialize(number) FROM numbers(3) ORDER BY number;
SELECT ignore(1, 'a'), toTypeName(ignore(1));
SELECT identity(5);
