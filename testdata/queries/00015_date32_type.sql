SELECT toDate32('1900-01-01'), toTypeName(toDate32('1900-01-01'));
SELECT toDate32('2299-12-31');
SELECT toDate32('2024-06-15') - 1;
SELECT toDate32('1950-05-05') < toDate32('2000-01-01');
SELECT toDate(toDate32('2020-01-01'));
