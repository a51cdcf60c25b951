SELECT toStringCutToZero('abc\0def');
SELECT reinterpretAsUInt32('abcd');
SELECT reinterpretAsString(65);
SELECT toTypeName(reinterpretAsUInt32('abcd'));
