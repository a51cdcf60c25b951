SELECT toInt32(nan); -- { serverError CANNOT_CONVERT_TYPE }
SELECT toUInt8(inf); -- { serverError CANNOT_CONVERT_TYPE }
SELECT CAST(nan AS Int32); -- { serverError CANNOT_CONVERT_TYPE }
SELECT toInt32OrZero(toString(nan)), isNaN(toFloat64('nan'));
