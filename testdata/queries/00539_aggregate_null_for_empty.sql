SELECT sum(number), avg(number), max(number) FROM numbers(0) SETTINGS aggregate_functions_null_for_empty = 1;
SELECT toTypeName(sum(number)) FROM numbers(1) SETTINGS aggregate_functions_null_for_empty = 1;
SELECT sum(number), count() FROM numbers(5) SETTINGS aggregate_functions_null_for_empty = 1;
