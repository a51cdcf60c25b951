SELECT hex(MD5('hello')), hex(MD5('')), toTypeName(MD5('x'));
SELECT hex(SHA1('hello')), hex(SHA256('hello')), lower(hex(SHA224('abc')));
SELECT length(SHA512('x')), hex(halfMD5('hello')), halfMD5('hello');
SELECT lower(hex(MD5('The quick brown fox jumps over the lazy dog')));
