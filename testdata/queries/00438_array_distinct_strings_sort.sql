SELECT arraySort(arrayDistinct(['b', 'a', 'b', 'c', 'a'])), arraySort(groupUniqArray(x)) FROM (SELECT arrayJoin(['q', 'p', 'q']) AS x);
