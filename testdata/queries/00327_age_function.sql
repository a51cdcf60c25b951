SELECT age('day', toDate('2024-01-15'), toDate('2024-03-14')), age('month', toDate('2024-01-15'), toDate('2024-03-14'));
SELECT age('year', toDate('2020-02-29'), toDate('2024-02-28')), dateDiff('year', toDate('2020-02-29'), toDate('2024-02-28'));
