SELECT toTypeName(rand()), toTypeName(rand64()), toTypeName(randCanonical());
SELECT rand() >= 0, rand64() >= 0, randCanonical() < 1;
SELECT count(DISTINCT rand()) > 1 FROM numbers(100);
