SELECT 'HeLLo' ILIKE 'hello', 'HeLLo' ILIKE 'h%O', 'abc' NOT ILIKE 'A%';
SELECT ilike('ÄBC', 'äbc'), notILike('X', 'y');
SELECT 'Hello' ILIKE '_ELLO';
