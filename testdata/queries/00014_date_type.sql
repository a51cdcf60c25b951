SELECT toDate('2024-01-15'), toTypeName(toDate('2024-01-15'));
SELECT toDate('1970-01-01'), toDate('2149-06-06');
SELECT toDate('2024-02-29') + 1, toDate('2024-03-01') - 1;
SELECT toTypeName(toDate('2024-01-01') + 1);
SELECT toDate(19000), toDate(0);
CREATE TABLE d (d Date) ENGINE = Memory;
INSERT INTO d VALUES ('2020-05-01'), ('1999-12-31'), ('2038-01-19');
SELECT d, toTypeName(d) FROM d ORDER BY d;
