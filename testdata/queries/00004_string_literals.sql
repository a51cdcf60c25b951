SELECT 'simple';
SELECT 'it''s', 'it\'s';
SELECT 'tab\there', 'new\nline', 'back\\slash';
SELECT '', length('');
SELECT toTypeName('abc');
SELECT '\x41\x42';
