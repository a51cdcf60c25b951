SELECT toString(123), toString(-0.5), toString(toUInt8(7)), toString('s');
SELECT toString(toDate('2024-03-04')), toString(toDateTime64('2024-03-04 05:06:07.5', 1));
SELECT toString([1, 2]), toString(['a', 'b']), toString((1, 'x')), toString(NULL);
SELECT toString(toUUID('00000000-0000-0000-0000-000000000001'));
SELECT toString(toIPv4('1.2.3.4')), toString(toDecimal64(-1.5, 3));
