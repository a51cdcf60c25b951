SELECT number FROM numbers(10) ORDER BY number LIMIT 2 SETTINGS max_threads = 1;
SELECT getSetting('max_threads') SETTINGS max_threads = 3;
SELECT count() FROM numbers(1000) SETTINGS max_block_size = 10;
SELECT 1 SETTINGS nosuch_setting = 1; -- { serverError UNKNOWN_SETTING }
