SELECT 1 <=> 1, NULL <=> NULL, 1 <=> NULL;
SELECT isNotDistinctFrom(NULL, NULL), isNotDistinctFrom(1, 2);
