SELECT toDate('2020-01-01') = '2020-01-01', toDateTime('2020-01-01 00:00:00') = toDate('2020-01-01');
SELECT 1 = '1', '2' > 1;
SELECT toFixedString('ab', 2) = 'ab';
SELECT toDecimal32(1.5, 2) = 1.5;
SELECT [1, 2] = [1, 2], [1, 2] < [1, 3], (1, 'a') < (1, 'b');
