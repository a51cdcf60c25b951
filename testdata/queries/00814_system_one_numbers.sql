SELECT * FROM system.one;
SELECT toTypeName(dummy) FROM system.one;
SELECT number FROM system.numbers LIMIT 5;
SELECT number FROM system.numbers WHERE number > 10 LIMIT 2;
SELECT sum(number) FROM (SELECT number FROM system.numbers LIMIT 100);
