CREATE TABLE `my table` (`weird col` UInt8, "other col" String) ENGINE = Memory;
INSERT INTO `my table` VALUES (1, 'x');
SELECT `weird col`, "other col" FROM `my table`;
SELECT `weird col` AS `a b` FROM "my table";
SHOW CREATE TABLE `my table`;
