SELECT toTypeName(0), toTypeName(255), toTypeName(256), toTypeName(65535), toTypeName(65536);
SELECT toTypeName(4294967295), toTypeName(4294967296), toTypeName(18446744073709551615);
SELECT toTypeName(-1), toTypeName(-128), toTypeName(-129), toTypeName(-32769), toTypeName(-2147483649);
SELECT 18446744073709551615, -9223372036854775808;
SELECT toTypeName(0x10), 0x10, 0xFF, toTypeName(0xFFFF);
SELECT toTypeName(0b101), 0b101;
