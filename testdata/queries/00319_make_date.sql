SELECT makeDate(2024, 3, 15), makeDate(2024, 60), makeDateTime(2024, 3, 15, 10, 20, 30);
SELECT toTypeName(makeDate(2024, 3, 15)), toTypeName(makeDateTime(2024, 3, 15, 10, 20, 30));
SELECT makeDate32(1950, 1, 1);
