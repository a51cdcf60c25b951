SELECT; -- { serverError SYNTAX_ERROR }
SELECT 1 +; -- { serverError SYNTAX_ERROR }
SELEC 1; -- { serverError SYNTAX_ERROR }
SELECT (1; -- { serverError SYNTAX_ERROR }
SELECT 1 FROM; -- { serverError SYNTAX_ERROR }
SELECT * FROM numbers(1) WHERE; -- { serverError SYNTAX_ERROR }
SELECT 1 2 3; -- { serverError SYNTAX_ERROR }
SELECT 1;
