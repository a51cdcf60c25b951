SELECT toDate('2024-01-01') < toDate('2024-01-02'), toDate('2024-01-01') = '2024-01-01';
SELECT toDateTime('2024-01-01 00:00:01') > toDate('2024-01-01');
SELECT toDate('2024-01-01') < toDate32('2024-01-02');
SELECT greatest(toDate('2024-01-01'), toDate('2023-01-01')), least(toDateTime('2024-01-01 10:00:00'), toDateTime('2024-01-01 09:00:00'));
