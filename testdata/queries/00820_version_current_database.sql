SELECT currentDatabase(), database();
SELECT version() = '26.9.2.1' OR version() != '';
SELECT toTypeName(version());
SELECT hostName() != '';
