SELECT soundex('Robert'), soundex('Rupert');
SELECT editDistance('kitten', 'sitting'), levenshteinDistance('abc', 'abd');
SELECT damerauLevenshteinDistance('ab', 'ba');
