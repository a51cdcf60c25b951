SELECT char(72, 105), ascii('A'), ascii(''), ascii('abc');
SELECT toTypeName(char(65));
SELECT char(0xD0, 0xBF);
