SELECT trim('  a b  '), trimLeft('  ab  '), trimRight('  ab  '), ltrim(' x'), rtrim('x ');
SELECT trimBoth('  z  ');
SELECT trim(BOTH 'x' FROM 'xxaxx'), trim(LEADING 'x' FROM 'xxaxx'), trim(TRAILING 'x' FROM 'xxaxx');
SELECT trim('\t a \n');
SELECT concat('[', trim(''), ']');
