SELECT 1 /* block */ + /* another */ 2;
SELECT 1 -- line comment
+ 1;
SELECT 'a -- not a comment', 'b /* nor this */';
