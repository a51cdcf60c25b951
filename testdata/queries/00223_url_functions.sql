SELECT domain('https://www.example.com/path?q=1'), domainWithoutWWW('https://www.example.com/path');
SELECT protocol('https://example.com'), path('https://example.com/a/b?x=1'), queryString('https://example.com/a?x=1&y=2');
SELECT topLevelDomain('http://a.b.example.co.uk/'), firstSignificantSubdomain('https://news.example.com/');
SELECT extractURLParameter('http://x.com/?a=1&b=2', 'b'), cutQueryString('http://x.com/p?a=1');
SELECT domain(''), domain('not a url');
