SELECT toIPv4('192.168.0.1'), toTypeName(toIPv4('192.168.0.1'));
SELECT toUInt32(toIPv4('10.0.0.1'));
SELECT toIPv6('::1'), toTypeName(toIPv6('::1'));
SELECT toIPv6('2001:db8::8a2e:370:7334');
CREATE TABLE ip (a IPv4, b IPv6) ENGINE = Memory;
INSERT INTO ip VALUES ('1.2.3.4', '::ffff:1.2.3.4'), ('255.255.255.255', 'fe80::1');
SELECT a, b FROM ip ORDER BY a;
