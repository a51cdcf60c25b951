CREATE TABLE users (id UInt32, country String) ENGINE = Memory;
CREATE TABLE orders (user_id UInt32, amount UInt32) ENGINE = Memory;
INSERT INTO users VALUES (1, 'DE'), (2, 'FR'), (3, 'DE'), (4, 'US');
INSERT INTO orders VALUES (1, 10), (1, 20), (2, 5), (3, 7), (3, 3), (5, 100);
SELECT country, sum(amount), count() FROM users JOIN orders ON users.id = orders.user_id GROUP BY country ORDER BY country;
SELECT country, sum(amount) FROM users LEFT JOIN orders ON users.id = orders.user_id GROUP BY country ORDER BY country;
SELECT id, count(user_id) FROM users LEFT JOIN orders ON users.id = orders.user_id GROUP BY id ORDER BY id;
