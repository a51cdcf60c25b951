SELECT 7 % 3, -7 % 3, 7 % -3, -7 % -3;
SELECT toTypeName(toInt8(-7) % toUInt8(3)), toInt8(-7) % toUInt8(3);
SELECT 7.5 % 2, -7.5 % 2;
SELECT positiveModulo(-7, 3), toTypeName(positiveModulo(toInt32(-7), toUInt8(3)));
