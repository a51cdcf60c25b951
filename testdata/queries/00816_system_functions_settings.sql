SELECT name, is_aggregate FROM system.functions WHERE name IN ('sum', 'plus', 'cityHash64', 'uniqExact', 'toTypeName') ORDER BY name;
SELECT count() > 100 FROM system.functions;
SELECT name, type FROM system.settings WHERE name IN ('max_threads', 'max_block_size', 'join_use_nulls', 'max_memory_usage') ORDER BY name;
SELECT value FROM system.settings WHERE name = 'join_use_nulls';
