SELECT formatReadableSize(1024), formatReadableSize(1536000), formatReadableQuantity(1234567), formatReadableTimeDelta(3661);
SELECT formatReadableDecimalSize(1000000);
