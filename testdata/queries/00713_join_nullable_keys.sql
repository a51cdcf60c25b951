CREATE TABLE l (k Nullable(UInt32), a String) ENGINE = Memory;
CREATE TABLE r (k Nullable(UInt32), b String) ENGINE = Memory;
INSERT INTO l VALUES (1, 'l1'), (NULL, 'lnull');
INSERT INTO r VALUES (1, 'r1'), (NULL, 'rnull');
SELECT a, b FROM l JOIN r ON l.k = r.k ORDER BY a;
SELECT a, b FROM l LEFT JOIN r ON l.k = r.k ORDER BY a;
SELECT a, b FROM l JOIN r ON isNotDistinctFrom(l.k, r.k) ORDER BY a;
