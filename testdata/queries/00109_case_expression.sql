SELECT number, CASE WHEN number = 0 THEN 'zero' WHEN number = 1 THEN 'one' ELSE 'many' END FROM numbers(4) ORDER BY number;
SELECT number, CASE number WHEN 0 THEN 'a' WHEN 2 THEN 'c' END FROM numbers(4) ORDER BY number;
SELECT CASE WHEN 1 = 2 THEN 1 END;
SELECT toTypeName(CASE WHEN number = 1 THEN 1 ELSE 2 END) FROM numbers(1);
SELECT CASE 'b' WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 3 END;
