SELECT toUInt8OrZero('300'), toUInt8OrNull('300'), toUInt8OrZero('12'), toInt8OrNull('-5');
SELECT toInt64OrZero(''), toInt64OrNull(''), toFloat32OrZero('1.5'), toFloat32OrNull('x');
SELECT toDateOrNull('2024-01-01'), toDateOrZero('bad'), toDateTimeOrZero('bad'), toDateTimeOrNull('2024-01-01 10:00:00');
SELECT toTypeName(toUInt8OrNull('1')), toTypeName(toUInt8OrZero('1')), toTypeName(toDateOrNull('x'));
SELECT toUUIDOrNull('nope'), toUUIDOrZero('nope'), toIPv4OrNull('1.2.3'), toIPv4OrDefault('x');
SELECT toDecimal64OrNull('12.345', 2), toDecimal64OrZero('x', 2);
