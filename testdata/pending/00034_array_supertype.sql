SELECT toTypeName([toUInt8(1), toInt8(-1)]);
SELECT toTypeName([toUInt16(1), toInt64(-1)]);
SELECT toTypeName([1, 2, 3.5]);
SELECT toTypeName([toDate('2020-01-01'), toDate('2020-01-02')]);
SELECT [1, 'a']; -- { serverError NO_COMMON_TYPE }
SELECT toTypeName([toUInt64(1), toInt8(-1)]);
