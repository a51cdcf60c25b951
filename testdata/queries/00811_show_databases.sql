CREATE DATABASE zz_test;
SHOW DATABASES LIKE 'zz%';
SELECT name FROM system.databases WHERE name IN ('default', 'system', 'zz_test') ORDER BY name;
DROP DATABASE zz_test;
SHOW DATABASES LIKE 'zz%';
