SELECT toBool(1), toBool(0), toBool('true'), toBool(2.5), toTypeName(toBool(1));
SELECT toBool('x'); -- { serverError CANNOT_PARSE_BOOL }
SELECT toUInt8(true) + toUInt8(true);
