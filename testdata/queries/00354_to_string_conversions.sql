SELECT toString(toUInt8(255)), toString(toInt64(-9223372036854775808)), toString(toFloat32(0.1));
SELECT toString(1.0), toString(100.0), toString(1e100), toString(-1e-100);
SELECT toString(toDecimal128(1, 5)), toString(toFixedString('a', 2)) = 'a\0';
SELECT toString(toDateTime('2024-01-01 10:00:00', 'Asia/Tokyo')), toString(toDateTime('2024-01-01 10:00:00', 'Asia/Tokyo'), 'UTC');
