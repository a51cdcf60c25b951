SELECT tuple(1, 'a', 2.5) AS t, t.1, t.2, t.3, tupleElement(t, 1);
SELECT (1, 2) = (1, 2), (1, 2) < (1, 3), (2, 0) > (1, 9);
SELECT untuple((1, 'x'));
SELECT tupleElement((1, 2), 3); -- { serverError ARGUMENT_OUT_OF_BOUND }
SELECT toTypeName(tuple()), tuple();
SELECT tuplePlus((1, 2), (3, 4)), tupleMultiply((1, 2), (3, 4)), tupleNegate((1, -2));
SELECT dotProduct([1, 2, 3], [4, 5, 6]), L2Norm((3, 4));
