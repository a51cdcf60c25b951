SELECT 1;
SELECT 1, 2, 3;
SELECT 'hello';
SELECT -1, +1, 0;
SELECT 1.5, -0.25, 1e3, 1E-2;
SELECT NULL;
SELECT true, false;
SELECT 'a' AS x, x;
