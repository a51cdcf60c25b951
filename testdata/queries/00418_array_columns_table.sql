CREATE TABLE t (id UInt32, tags Array(String), nums Array(Int32)) ENGINE = Memory;
INSERT INTO t VALUES (1, ['a', 'b'], [1, 2, 3]), (2, [], []), (3, ['c'], [-1]), (4, ['a'], [10, 20]);
SELECT id, tags, nums FROM t ORDER BY id;
SELECT id FROM t WHERE has(tags, 'a') ORDER BY id;
SELECT id, arraySum(nums), length(tags) FROM t ORDER BY id;
SELECT tags[1], nums[-1] FROM t ORDER BY id;
SELECT groupArray(id) FROM (SELECT id FROM t WHERE notEmpty(nums) ORDER BY id);
