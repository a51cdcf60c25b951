-- ClickBench-shaped `hits` sample: 100,000 rows built from deterministic hashes of `number`
-- (identical text in every 009xx file, skewed keys from products of uniform hashes).
CREATE TABLE hits
(
    WatchID Int64, Title String, EventTime DateTime, EventDate Date, CounterID Int32, ClientIP Int32,
    RegionID Int32, UserID Int64, URL String, Referer String, IsRefresh Int16, ResolutionWidth Int16,
    MobilePhone Int16, MobilePhoneModel String, TraficSourceID Int16, SearchEngineID Int16,
    SearchPhrase String, AdvEngineID Int16, WindowClientWidth Int16, WindowClientHeight Int16,
    IsLink Int16, IsDownload Int16, DontCountHits Int16, RefererHash Int64, URLHash Int64
) ENGINE = Memory;
INSERT INTO hits SELECT
    cityHash64(number, 1) % 9000000000000000000 AS WatchID,
    if(cityHash64(number, 2) % 5 = 0, '',
        concat(arrayElement(['Weather', 'News', 'Music', 'Video', 'Maps', 'Mail', 'Shop', 'Games', 'Sport', 'Cars'], 1 + intDiv((cityHash64(number, 3) % 10) * (cityHash64(number, 4) % 10), 10)),
            ' - ', arrayElement(['Google', 'Yandex', 'Portal', 'Online', 'Search'], 1 + cityHash64(number, 5) % 5))) AS Title,
    toDateTime('2013-07-01 00:00:00') + number * 26 + cityHash64(number, 6) % 26 AS EventTime,
    toDate(toDateTime('2013-07-01 00:00:00') + number * 26 + cityHash64(number, 6) % 26) AS EventDate,
    if(cityHash64(number, 7) % 10 < 4, 62, 1 + intDiv((cityHash64(number, 8) % 500) * (cityHash64(number, 9) % 500), 500)) AS CounterID,
    intHash32(intDiv((cityHash64(number, 10) % 20000) * (cityHash64(number, 11) % 20000), 20000)) % 2000000000 AS ClientIP,
    intDiv(intDiv((cityHash64(number, 12) % 300) * (cityHash64(number, 13) % 300), 300) * (cityHash64(number, 14) % 300), 300) AS RegionID,
    if(number % 9973 = 0, 435090932899640449, cityHash64(intDiv((cityHash64(number, 10) % 20000) * (cityHash64(number, 11) % 20000), 20000), 15) % 1000000000000000000) AS UserID,
    if(cityHash64(number, 16) % 50 = 0, '',
        concat('http://', arrayElement(['yandex.ru', 'www.google.com', 'news.example.com', 'mail.ru', 'auto.ru', 'shop.example.org', 'maps.google.ru', 'video.example.net'], 1 + intDiv((cityHash64(number, 17) % 8) * (cityHash64(number, 18) % 8), 8)),
            '/', arrayElement(['', 'index.html', 'search', 'catalog/item', 'news/today', 'watch', 'cart'], 1 + intDiv((cityHash64(number, 19) % 7) * (cityHash64(number, 20) % 7), 7)),
            '?id=', toString(intDiv((cityHash64(number, 21) % 3000) * (cityHash64(number, 22) % 3000), 3000)))) AS URL,
    if(cityHash64(number, 23) % 10 < 4, '',
        concat(arrayElement(['http://', 'https://', 'https://www.'], 1 + cityHash64(number, 24) % 3),
            arrayElement(['google.com', 'yandex.ru', 'facebook.com', 'example.com', 'vk.com'], 1 + intDiv((cityHash64(number, 25) % 5) * (cityHash64(number, 26) % 5), 5)),
            '/', toString(intDiv((cityHash64(number, 27) % 100) * (cityHash64(number, 28) % 100), 100)))) AS Referer,
    if(cityHash64(number, 29) % 10 = 0, 1, 0) AS IsRefresh,
    arrayElement([1920, 1366, 1280, 1024, 1440, 1600, 800, 0], 1 + intDiv((cityHash64(number, 30) % 8) * (cityHash64(number, 31) % 8), 8)) AS ResolutionWidth,
    if(cityHash64(number, 32) % 100 < 15, 1 + cityHash64(number, 33) % 5, 0) AS MobilePhone,
    if(cityHash64(number, 32) % 100 < 15, arrayElement(['iPhone', 'iPad', 'GT-I9300', 'Lumia 920', 'Nexus 4'], 1 + intDiv((cityHash64(number, 34) % 5) * (cityHash64(number, 35) % 5), 5)), '') AS MobilePhoneModel,
    toInt16(cityHash64(number, 36) % 11) - 1 AS TraficSourceID,
    if(cityHash64(number, 37) % 10 < 3, 1 + intDiv((cityHash64(number, 38) % 6) * (cityHash64(number, 39) % 6), 6), 0) AS SearchEngineID,
    if(cityHash64(number, 37) % 10 < 3,
        concat(arrayElement(['weather', 'cheap', 'news', 'buy', 'free', 'online', 'best', 'google'], 1 + intDiv((cityHash64(number, 40) % 8) * (cityHash64(number, 41) % 8), 8)),
            ' ', arrayElement(['moscow', 'flights', 'music', 'car', 'phone', 'maps', 'games', 'video', 'hotel'], 1 + intDiv((cityHash64(number, 42) % 9) * (cityHash64(number, 43) % 9), 9))), '') AS SearchPhrase,
    if(cityHash64(number, 44) % 20 = 0, 1 + cityHash64(number, 45) % 30, 0) AS AdvEngineID,
    arrayElement([1903, 1349, 1263, 1007, 1423, 0], 1 + intDiv((cityHash64(number, 46) % 6) * (cityHash64(number, 47) % 6), 6)) AS WindowClientWidth,
    arrayElement([955, 657, 913, 600, 0], 1 + intDiv((cityHash64(number, 48) % 5) * (cityHash64(number, 49) % 5), 5)) AS WindowClientHeight,
    if(cityHash64(number, 50) % 20 = 0, 1, 0) AS IsLink,
    if(cityHash64(number, 51) % 50 = 0, 1, 0) AS IsDownload,
    if(cityHash64(number, 52) % 25 = 0, 1, 0) AS DontCountHits,
    if(cityHash64(number, 53) % 7 = 0, 3594120000172545465, cityHash64(number, 54) % 100) AS RefererHash,
    if(cityHash64(number, 55) % 11 = 0, 2868770270353813622, intDiv((cityHash64(number, 56) % 1000) * (cityHash64(number, 57) % 1000), 1000)) AS URLHash
FROM numbers(100000);
-- ClickBench query 26.
SELECT SearchPhrase FROM hits WHERE SearchPhrase <> '' ORDER BY SearchPhrase LIMIT 10;
