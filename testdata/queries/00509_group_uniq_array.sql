SELECT arraySort(groupUniqArray(number % 4)) FROM numbers(20);
SELECT arraySort(groupUniqArray(s)) FROM (SELECT arrayJoin(['x', 'y', 'x']) AS s);
SELECT toTypeName(groupUniqArray(number)) FROM numbers(1);
SELECT length(groupUniqArray(2)(number)) FROM numbers(10);
