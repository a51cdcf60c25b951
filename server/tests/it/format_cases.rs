//! Expected bytes of each output format, produced by ClickHouse (chdb 4.4) for
//! the same table and queries. To regenerate: in a `chdb.session.Session()`, run
//! `DDL`, then `INSERT INTO fmt FORMAT TSV\n` + `DATA`, then each query of
//! `CASES` and paste `.bytes()` of the answer.

pub const DDL: &str = "CREATE TABLE fmt (id UInt64, s String, f Nullable(Float64), d Date, arr Array(UInt64), tup Tuple(UInt64, String), m Map(String, UInt64), dec Decimal(18, 3), nt Tuple(a UInt8, b String), an Array(Nullable(String)), fl Float64, big UInt64, b Bool, at Array(Tuple(UInt8, String))) ENGINE = Memory";
pub const DATA: &str = r#"0	a\tb	0	2024-01-02	[0,1]	(0,'x')	{'k':0}	1.5	(1,'y')	[NULL,'z']	nan	18446744073709551615	true	[(1,'a')]
1	c"d\'e/f\\	\N	2024-01-03	[]	(1,'')	{}	-2.25	(2,'')	[]	-0.1	1	false	[]
"#;
pub const CASES: &[(&str, &str, &str)] = &[
    (
        "JSON",
        "SELECT * FROM fmt ORDER BY id FORMAT JSON SETTINGS output_format_write_statistics=0",
        r#"{
	"meta":
	[
		{
			"name": "id",
			"type": "UInt64"
		},
		{
			"name": "s",
			"type": "String"
		},
		{
			"name": "f",
			"type": "Nullable(Float64)"
		},
		{
			"name": "d",
			"type": "Date"
		},
		{
			"name": "arr",
			"type": "Array(UInt64)"
		},
		{
			"name": "tup",
			"type": "Tuple(UInt64, String)"
		},
		{
			"name": "m",
			"type": "Map(String, UInt64)"
		},
		{
			"name": "dec",
			"type": "Decimal(18, 3)"
		},
		{
			"name": "nt",
			"type": "Tuple(a UInt8, b String)"
		},
		{
			"name": "an",
			"type": "Array(Nullable(String))"
		},
		{
			"name": "fl",
			"type": "Float64"
		},
		{
			"name": "big",
			"type": "UInt64"
		},
		{
			"name": "b",
			"type": "Bool"
		},
		{
			"name": "at",
			"type": "Array(Tuple(UInt8, String))"
		}
	],

	"data":
	[
		{
			"id": 0,
			"s": "a\tb",
			"f": 0,
			"d": "2024-01-02",
			"arr": [0,1],
			"tup": [
				0,
				"x"
			],
			"m": {
				"k": 0
			},
			"dec": 1.5,
			"nt": {
				"a": 1,
				"b": "y"
			},
			"an": [null,"z"],
			"fl": null,
			"big": 18446744073709551615,
			"b": true,
			"at": [
				[
					1,
					"a"
				]
			]
		},
		{
			"id": 1,
			"s": "c\"d'e\/f\\",
			"f": null,
			"d": "2024-01-03",
			"arr": [],
			"tup": [
				1,
				""
			],
			"m": {},
			"dec": -2.25,
			"nt": {
				"a": 2,
				"b": ""
			},
			"an": [],
			"fl": -0.1,
			"big": 1,
			"b": false,
			"at": []
		}
	],

	"rows": 2
}
"#,
    ),
    (
        "JSONCompact",
        "SELECT * FROM fmt ORDER BY id FORMAT JSONCompact SETTINGS output_format_write_statistics=0",
        r#"{
	"meta":
	[
		{
			"name": "id",
			"type": "UInt64"
		},
		{
			"name": "s",
			"type": "String"
		},
		{
			"name": "f",
			"type": "Nullable(Float64)"
		},
		{
			"name": "d",
			"type": "Date"
		},
		{
			"name": "arr",
			"type": "Array(UInt64)"
		},
		{
			"name": "tup",
			"type": "Tuple(UInt64, String)"
		},
		{
			"name": "m",
			"type": "Map(String, UInt64)"
		},
		{
			"name": "dec",
			"type": "Decimal(18, 3)"
		},
		{
			"name": "nt",
			"type": "Tuple(a UInt8, b String)"
		},
		{
			"name": "an",
			"type": "Array(Nullable(String))"
		},
		{
			"name": "fl",
			"type": "Float64"
		},
		{
			"name": "big",
			"type": "UInt64"
		},
		{
			"name": "b",
			"type": "Bool"
		},
		{
			"name": "at",
			"type": "Array(Tuple(UInt8, String))"
		}
	],

	"data":
	[
		[0, "a\tb", 0, "2024-01-02", [0,1], [0,"x"], {"k":0}, 1.5, {"a":1,"b":"y"}, [null,"z"], null, 18446744073709551615, true, [[1,"a"]]],
		[1, "c\"d'e\/f\\", null, "2024-01-03", [], [1,""], {}, -2.25, {"a":2,"b":""}, [], -0.1, 1, false, []]
	],

	"rows": 2
}
"#,
    ),
    (
        "JSONEachRow",
        "SELECT * FROM fmt ORDER BY id FORMAT JSONEachRow",
        r#"{"id":0,"s":"a\tb","f":0,"d":"2024-01-02","arr":[0,1],"tup":[0,"x"],"m":{"k":0},"dec":1.5,"nt":{"a":1,"b":"y"},"an":[null,"z"],"fl":null,"big":18446744073709551615,"b":true,"at":[[1,"a"]]}
{"id":1,"s":"c\"d'e\/f\\","f":null,"d":"2024-01-03","arr":[],"tup":[1,""],"m":{},"dec":-2.25,"nt":{"a":2,"b":""},"an":[],"fl":-0.1,"big":1,"b":false,"at":[]}
"#,
    ),
    (
        "JSONCompactEachRowWithNamesAndTypes",
        "SELECT * FROM fmt ORDER BY id FORMAT JSONCompactEachRowWithNamesAndTypes",
        r#"["id", "s", "f", "d", "arr", "tup", "m", "dec", "nt", "an", "fl", "big", "b", "at"]
["UInt64", "String", "Nullable(Float64)", "Date", "Array(UInt64)", "Tuple(UInt64, String)", "Map(String, UInt64)", "Decimal(18, 3)", "Tuple(a UInt8, b String)", "Array(Nullable(String))", "Float64", "UInt64", "Bool", "Array(Tuple(UInt8, String))"]
[0, "a\tb", 0, "2024-01-02", [0,1], [0,"x"], {"k":0}, 1.5, {"a":1,"b":"y"}, [null,"z"], null, 18446744073709551615, true, [[1,"a"]]]
[1, "c\"d'e\/f\\", null, "2024-01-03", [], [1,""], {}, -2.25, {"a":2,"b":""}, [], -0.1, 1, false, []]
"#,
    ),
    (
        "JSONStringsEachRow",
        "SELECT * FROM fmt ORDER BY id FORMAT JSONStringsEachRow",
        r#"{"id":"0","s":"a\tb","f":"0","d":"2024-01-02","arr":"[0,1]","tup":"(0,'x')","m":"{'k':0}","dec":"1.5","nt":"(1,'y')","an":"[NULL,'z']","fl":"nan","big":"18446744073709551615","b":"true","at":"[(1,'a')]"}
{"id":"1","s":"c\"d'e\/f\\","f":"ᴺᵁᴸᴸ","d":"2024-01-03","arr":"[]","tup":"(1,'')","m":"{}","dec":"-2.25","nt":"(2,'')","an":"[]","fl":"-0.1","big":"1","b":"false","at":"[]"}
"#,
    ),
    (
        "JSONObjectEachRow",
        "SELECT id, s FROM fmt ORDER BY id FORMAT JSONObjectEachRow",
        r#"{
	"row_1": {"id":0,"s":"a\tb"},
	"row_2": {"id":1,"s":"c\"d'e\/f\\"}
}
"#,
    ),
    (
        "CSVWithNamesAndTypes",
        "SELECT * FROM fmt ORDER BY id FORMAT CSVWithNamesAndTypes",
        r#""id","s","f","d","arr","tup.1","tup.2","m","dec","nt.a","nt.b","an","fl","big","b","at"
"UInt64","String","Nullable(Float64)","Date","Array(UInt64)","UInt64","String","Map(String, UInt64)","Decimal(18, 3)","UInt8","String","Array(Nullable(String))","Float64","UInt64","Bool","Array(Tuple(UInt8, String))"
0,"a	b",0,"2024-01-02","[0,1]",0,"x","{'k':0}",1.5,1,"y","[NULL,'z']",nan,18446744073709551615,true,"[(1,'a')]"
1,"c""d'e/f\",\N,"2024-01-03","[]",1,"","{}",-2.25,2,"","[]",-0.1,1,false,"[]"
"#,
    ),
    (
        "TSVWithNamesAndTypes",
        "SELECT * FROM fmt ORDER BY id FORMAT TSVWithNamesAndTypes",
        r#"id	s	f	d	arr	tup	m	dec	nt	an	fl	big	b	at
UInt64	String	Nullable(Float64)	Date	Array(UInt64)	Tuple(UInt64, String)	Map(String, UInt64)	Decimal(18, 3)	Tuple(a UInt8, b String)	Array(Nullable(String))	Float64	UInt64	Bool	Array(Tuple(UInt8, String))
0	a\tb	0	2024-01-02	[0,1]	(0,'x')	{'k':0}	1.5	(1,'y')	[NULL,'z']	nan	18446744073709551615	true	[(1,'a')]
1	c"d\'e/f\\	\N	2024-01-03	[]	(1,'')	{}	-2.25	(2,'')	[]	-0.1	1	false	[]
"#,
    ),
    (
        "Values",
        "SELECT * FROM fmt ORDER BY id FORMAT Values",
        r#"(0,'a\tb',0,'2024-01-02',[0,1],(0,'x'),{'k':0},1.5,(1,'y'),[NULL,'z'],nan,18446744073709551615,true,[(1,'a')]),(1,'c"d\'e/f\\',NULL,'2024-01-03',[],(1,''),{},-2.25,(2,''),[],-0.1,1,false,[])"#,
    ),
    (
        "PrettyCompact",
        "SELECT id, f, d, arr, an FROM fmt ORDER BY id FORMAT PrettyCompact",
        r#"   ┌─id─┬────f─┬──────────d─┬─arr───┬─an─────────┐
1. │  0 │    0 │ 2024-01-02 │ [0,1] │ [NULL,'z'] │
2. │  1 │ ᴺᵁᴸᴸ │ 2024-01-03 │ []    │ []         │
   └────┴──────┴────────────┴───────┴────────────┘
"#,
    ),
    (
        "Pretty",
        "SELECT id, f, d, arr, an FROM fmt ORDER BY id FORMAT Pretty",
        r#"   ┏━━━━┳━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━┓
   ┃ id ┃    f ┃          d ┃ arr   ┃ an         ┃
   ┡━━━━╇━━━━━━╇━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━┩
1. │  0 │    0 │ 2024-01-02 │ [0,1] │ [NULL,'z'] │
   ├────┼──────┼────────────┼───────┼────────────┤
2. │  1 │ ᴺᵁᴸᴸ │ 2024-01-03 │ []    │ []         │
   └────┴──────┴────────────┴───────┴────────────┘
"#,
    ),
    (
        "PrettySpace",
        "SELECT id, f, d, arr, an FROM fmt ORDER BY id FORMAT PrettySpace",
        r#"    id      f            d   arr     an        

1.   0      0   2024-01-02   [0,1]   [NULL,'z'] 
2.   1   ᴺᵁᴸᴸ   2024-01-03   []      []         
"#,
    ),
    (
        "Vertical",
        "SELECT id, s, f FROM fmt ORDER BY id FORMAT Vertical",
        r#"Row 1:
──────
id: 0
s:  a	b
f:  0

Row 2:
──────
id: 1
s:  c"d'e/f\
f:  ᴺᵁᴸᴸ
"#,
    ),
    (
        "JSONEachRow",
        "SELECT id, big FROM fmt ORDER BY id FORMAT JSONEachRow SETTINGS output_format_json_quote_64bit_integers=1",
        r#"{"id":"0","big":"18446744073709551615"}
{"id":"1","big":"1"}
"#,
    ),
    (
        "JSON",
        "SELECT id FROM fmt WHERE id > 5 FORMAT JSON SETTINGS output_format_write_statistics=0",
        r#"{
	"meta":
	[
		{
			"name": "id",
			"type": "UInt64"
		}
	],

	"data":
	[

	],

	"rows": 0
}
"#,
    ),
    ("Null", "SELECT * FROM fmt FORMAT Null", r#""#),
];
