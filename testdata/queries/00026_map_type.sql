SELECT map('a', 1, 'b', 2), toTypeName(map('a', 1, 'b', 2));
SELECT map('a', 1, 'b', 2)['b'];
SELECT map('a', 1)['zz'];
SELECT map(1, 'x', 2, 'y'), toTypeName(map(1, 'x', 2, 'y'));
CREATE TABLE m (m Map(String, UInt64)) ENGINE = Memory;
INSERT INTO m VALUES ({'k1': 1, 'k2': 2}), ({}), ({'k1': 10});
SELECT m, m['k1'] FROM m ORDER BY m['k1'];
