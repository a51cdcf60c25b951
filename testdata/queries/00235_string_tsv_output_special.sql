SELECT 'a\rb', 'a\bb', 'a\fb', 'a\0b', 'a\vb';
SELECT '\\N', 'NULL';
SELECT 'é', '€', '😀';
