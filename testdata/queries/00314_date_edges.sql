SELECT toDate('1970-01-01') - 1;
SELECT toDate('2149-06-06') + 1;
SELECT toDateTime('2106-02-07 06:28:15'), toDateTime('1970-01-01 00:00:00');
SELECT toDate32('1900-01-01') - 1;
SELECT toLastDayOfMonth(toDate('2024-02-10')), toLastDayOfMonth(toDate('2023-02-10'));
SELECT toDayOfYear(toDate('2024-12-31')), toDayOfYear(toDate('2023-12-31'));
