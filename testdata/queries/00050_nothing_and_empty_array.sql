SELECT toTypeName([]), length([]), empty([]);
SELECT toTypeName(NULL), toTypeName([NULL]);
SELECT arrayConcat([], [1]);
SELECT emptyArrayUInt8(), toTypeName(emptyArrayString());
