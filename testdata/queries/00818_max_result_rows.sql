SELECT number FROM numbers(10) SETTINGS max_result_rows = 5, result_overflow_mode = 'throw'; -- { serverError TOO_MANY_ROWS_OR_BYTES }
SELECT number FROM numbers(3) ORDER BY number SETTINGS max_result_rows = 5;
