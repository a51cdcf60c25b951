SELECT lower('HeLLo'), upper('HeLLo'), lcase('ABC'), ucase('abc');
SELECT lower('ÄÖÜ'), upper('äöü');
SELECT lowerUTF8('ÄÖÜ'), upperUTF8('äöü'), upperUTF8('straße');
SELECT lower(''), upper('123 abc!');
