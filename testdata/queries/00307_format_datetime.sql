SELECT formatDateTime(toDateTime('2024-03-05 07:08:09'), '%Y-%m-%d %H:%M:%S');
SELECT formatDateTime(toDateTime('2024-03-05 07:08:09'), '%d/%m/%y %I:%M %p');
SELECT formatDateTime(toDate('2024-03-05'), '%F %j %u %w');
SELECT formatDateTime(toDateTime('2024-03-05 17:08:09'), '%e|%k|%l|%D|%T|%R|%%');
SELECT formatDateTime(toDateTime('2024-03-05 07:08:09'), '%a %b %M %W');
SELECT formatDateTime(toDateTime64('2024-03-05 07:08:09.123456', 6), '%f');
