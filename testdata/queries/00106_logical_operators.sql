SELECT 1 AND 1, 1 AND 0, 0 OR 1, 0 OR 0, NOT 1, NOT 0;
SELECT and(1, 1, 0), or(0, 0, 1), not(0), xor(1, 0), xor(1, 1);
SELECT toTypeName(1 AND 1), toTypeName(NOT 1);
SELECT 5 AND 3, 0 OR 7;
SELECT NULL AND 0, NULL AND 1, NULL OR 1, NULL OR 0, NOT NULL;
SELECT toTypeName(NULL AND 1);
