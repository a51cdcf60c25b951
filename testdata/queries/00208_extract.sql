SELECT extract('abc123def', '\\d+'), extract('no digits', '\\d+');
SELECT extract('key=value', 'key=(\\w+)');
SELECT extractAll('a1b22c333', '\\d+');
SELECT regexpExtract('foo-123', '(\\w+)-(\\d+)', 2);
SELECT extractGroups('a=1, b=2', '(\\w)=(\\d)');
