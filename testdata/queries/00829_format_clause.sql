SELECT 1, 'a' FORMAT TabSeparated;
SELECT number FROM numbers(2) ORDER BY number FORMAT TSV;
