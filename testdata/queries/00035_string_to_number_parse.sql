SELECT toInt32('123'), toInt32('-123'), toUInt64('18446744073709551615');
SELECT toFloat64('1.5e3'), toFloat64('-0.001'), toFloat64('inf'), toFloat64('nan');
SELECT toInt32('12a'); -- { serverError CANNOT_PARSE_TEXT }
SELECT toInt32OrZero('12a'), toInt32OrNull('12a'), toInt32OrZero('77');
SELECT toFloat64OrZero('x'), toFloat64OrNull('2.5');
SELECT toTypeName(toInt32OrNull('1'));
