SELECT toUInt8(number * 100) FROM numbers(4) ORDER BY number;
SELECT toInt8(number * 50) FROM numbers(5) ORDER BY number;
SELECT sum(toUInt8(200)) FROM numbers(3);
SELECT toUInt8(250) + number FROM numbers(8) WHERE number > 4 ORDER BY number;
