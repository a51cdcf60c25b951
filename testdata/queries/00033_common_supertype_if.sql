SELECT if(1, 1, -1), toTypeName(if(1, 1, -1));
SELECT toTypeName(if(1, toUInt8(1), toInt8(1)));
SELECT toTypeName(if(1, toUInt32(1), toInt32(1)));
SELECT toTypeName(if(1, 1, 1.5)), if(0, 1, 1.5);
SELECT toTypeName(if(1, 'a', NULL));
SELECT toTypeName(if(1, toDate('2020-01-01'), toDateTime('2020-01-01 00:00:00')));
