SELECT initcap('hello world'), initcapUTF8('привет мир');
SELECT startsWithUTF8('привет', 'пр'), endsWithUTF8('привет', 'ет');
SELECT stringBytesUniq('aabbc'), stringBytesEntropy('aa') = 0;
