SELECT splitByChar(',', 'a,b,,c'), splitByChar(',', ''), splitByChar(',', ',');
SELECT splitByString('::', 'a::b::c'), splitByString('', 'abc');
SELECT toTypeName(splitByChar(',', 'a'));
SELECT splitByWhitespace('  a b   c '), splitByRegexp('\\d+', 'a1b22c');
SELECT splitByChar(',', 'a,b,c', 2);
SELECT splitByChar('ab', 'x'); -- { serverError BAD_ARGUMENTS }
