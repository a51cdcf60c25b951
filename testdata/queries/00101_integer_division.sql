SELECT intDiv(7, 2), intDiv(-7, 2), intDiv(7, -2), toTypeName(intDiv(7, 2));
SELECT intDivOrZero(7, 0), intDivOrZero(7, 2);
SELECT 7 DIV 2, 7 MOD 2;
SELECT intDiv(1, 0); -- { serverError ILLEGAL_DIVISION }
SELECT 1 % 0; -- { serverError ILLEGAL_DIVISION }
SELECT 1 / 0, -1 / 0, 0 / 0;
SELECT moduloOrZero(5, 0), positiveModulo(-7, 3), pmod(-7, 3);
