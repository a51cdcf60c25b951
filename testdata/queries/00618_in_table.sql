CREATE TABLE allowed (id UInt32) ENGINE = Memory;
INSERT INTO allowed VALUES (2), (4);
SELECT number FROM numbers(6) WHERE number IN allowed ORDER BY number;
SELECT number FROM numbers(6) WHERE number GLOBAL IN (SELECT id FROM allowed) ORDER BY number;
SELECT number FROM numbers(6) WHERE number NOT IN (SELECT id FROM allowed) ORDER BY number;
