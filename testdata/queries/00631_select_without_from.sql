SELECT 1 + 1;
SELECT * FROM system.one;
SELECT dummy FROM system.one;
SELECT 'x' WHERE 1;
SELECT 'x' WHERE 0;
