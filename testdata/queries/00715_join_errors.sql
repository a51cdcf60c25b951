CREATE TABLE l (id UInt32) ENGINE = Memory;
CREATE TABLE r (id UInt32) ENGINE = Memory;
SELECT * FROM l JOIN r ON l.id = r.nosuch; -- { serverError UNKNOWN_IDENTIFIER }
SELECT * FROM l JOIN nosuch ON l.id = nosuch.id; -- { serverError UNKNOWN_TABLE }
SELECT * FROM l JOIN r USING (nosuch); -- { serverError UNKNOWN_IDENTIFIER }
INSERT INTO l VALUES (1), (2);
INSERT INTO r VALUES (2);
SELECT id FROM l JOIN r ON l.id = r.id;
