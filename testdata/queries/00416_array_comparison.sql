SELECT [1, 2] = [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 0], [2] > [1, 9];
SELECT [] < [1], ['a'] = ['a'];
SELECT arrayJoin([[3], [1, 2], [], [1]]) AS a ORDER BY a;
