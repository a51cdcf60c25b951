SELECT multiSearchAny('hello world', ['xyz', 'wor']), multiSearchAny('hello', ['a', 'b']);
SELECT multiSearchFirstIndex('hello world', ['world', 'hello']), multiSearchFirstPosition('hello world', ['world', 'o']);
SELECT multiMatchAny('abc', ['^x', 'b']);
SELECT countSubstrings('aaaa', 'aa'), countSubstrings('abcabc', 'bc');
