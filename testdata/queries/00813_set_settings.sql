SET max_threads = 1;
SELECT getSetting('max_threads');
SET max_block_size = 1000;
SELECT getSetting('max_block_size');
SET join_use_nulls = 1;
SELECT name, value, changed FROM system.settings WHERE name IN ('join_use_nulls', 'max_block_size') ORDER BY name;
SET nosuch_setting = 1; -- { serverError UNKNOWN_SETTING }
SET max_threads = 'abc'; -- { serverError CANNOT_PARSE_INPUT_ASSERTION_FAILED }
SET max_block_size = 65409, join_use_nulls = 0;
SELECT getSetting('max_block_size'), getSetting('join_use_nulls');
