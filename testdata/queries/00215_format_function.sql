SELECT format('{} + {} = {}', 1, 2, 3);
SELECT format('{1} {0}', 'world', 'hello');
SELECT format('{{}} {}', 'x');
SELECT format('{}', NULL);
