SELECT timeSlot(toDateTime('2024-01-01 10:47:00'));
SELECT arrayMap(x -> toString(x), timeSlots(toDateTime('2024-01-01 10:47:00'), toUInt32(3600)));
SELECT number, toDate('2024-01-01') + number AS d, toDayOfWeek(d) FROM numbers(7) ORDER BY number;
