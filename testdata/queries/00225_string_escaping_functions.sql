SELECT length('\\'), length('\n'), length('\t\t');
SELECT 'x\\ny';
