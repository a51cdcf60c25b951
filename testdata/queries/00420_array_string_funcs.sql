SELECT splitByChar(' ', 'a b c')[2], arrayMap(x -> upper(x), ['a', 'b']);
SELECT arrayFilter(x -> x LIKE 'a%', ['ab', 'ba', 'ac']);
SELECT arrayStringConcat(arrayMap(x -> concat('<', x, '>'), ['p', 'q']), '');
