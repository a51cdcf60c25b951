SELECT 'a\tb', 'a\nb', 'a\\b', 'a\'b';
SELECT ['a\tb', 'q\'x'];
SELECT ('t\tx', 1);
SELECT '\0' = char(0), length('\0');
SELECT 'quote"d';
SELECT map('k\t', 'v\n');
