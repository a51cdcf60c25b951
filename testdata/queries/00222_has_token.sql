SELECT hasToken('hello world', 'world'), hasToken('hello world', 'wor'), hasTokenCaseInsensitive('Hello', 'hello');
SELECT hasSubsequence('garbage', 'arg'), hasSubsequence('abc', 'cb');
