SELECT isNaN(nan), isNaN(1), isFinite(1), isFinite(inf), isInfinite(-inf), isInfinite(nan);
SELECT nan = nan, nan != nan, nan < 1, nan > 1;
SELECT inf > 1e308, -inf < -1e308;
SELECT ifNotFinite(1 / 0, 42), ifNotFinite(2.5, 42);
SELECT toTypeName(isNaN(nan));
