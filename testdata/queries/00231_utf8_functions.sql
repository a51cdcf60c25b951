SELECT lengthUTF8('日本語'), length('日本語'), substringUTF8('日本語', 2, 1), reverseUTF8('日本語');
SELECT isValidUTF8('abc'), isValidUTF8('\xFF'), toValidUTF8('a\xFFb');
SELECT upperUTF8('ÿ'), lowerUTF8('ÀÉÎ');
