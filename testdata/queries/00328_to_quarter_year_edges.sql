SELECT number, toDate('2023-12-30') + number AS d, toQuarter(d), toYear(d), toISOWeek(d) FROM numbers(5) ORDER BY number;
