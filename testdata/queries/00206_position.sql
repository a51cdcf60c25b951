SELECT position('hello', 'l'), position('hello', 'z'), position('hello', ''), position('', 'a');
SELECT locate('hello', 'lo'), positionCaseInsensitive('HELLO', 'll');
SELECT positionUTF8('привет', 'в'), position('привет', 'в');
SELECT position('abcabc', 'c', 4), toTypeName(position('a', 'a'));
SELECT position('l' IN 'hello');
