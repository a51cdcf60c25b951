SELECT 1 IN (NULL), NULL IN (NULL);
SELECT count() FROM numbers(5) WHERE number NOT IN (1, NULL);
SELECT number FROM numbers(4) WHERE number IN (1, NULL) ORDER BY number;
