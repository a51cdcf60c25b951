//! Aggregate tests: states driven directly on Arrow arrays (two partial states
//! merged through their serialized bytes), and end-to-end runs through a
//! DataFusion Aggregate (2 partitions, Partial → Final). Expected values come
//! from chdb (ClickHouse 26.x).

use std::sync::Arc;

use arrow::array::*;
use arrow::datatypes::{DataType, Field, Schema};
use datafusion::scalar::ScalarValue;

use super::*;
use crate::functions::FunctionRegistry;

fn registry() -> Arc<FunctionRegistry> {
    FunctionRegistry::builtin()
}

/// Runs `name(params)(args)` over the rows, split into two partial states merged by bytes.
fn agg(name: &str, params: Vec<ScalarValue>, cols: Vec<(ArrayRef, ChType)>) -> Result<ScalarValue> {
    let reg = registry();
    let (base, combs) = resolve(&reg, name).expect("aggregate");
    let types: Vec<ChType> = cols.iter().map(|c| c.1.clone()).collect();
    let f = build_chain(&base, &combs, &params, &types)?;
    let n = cols.first().map(|c| c.0.len()).unwrap_or(0);
    let half = n / 2;
    let part = |off: usize, len: usize| -> Vec<ArrayRef> { cols.iter().map(|c| c.0.slice(off, len)).collect() };
    let mut a = f.new_state();
    let mut b = f.new_state();
    if half > 0 {
        a.add(&part(0, half)).unwrap();
    }
    if n - half > 0 {
        b.add(&part(half, n - half)).unwrap();
    }
    let bytes = udaf::versioned_bytes(b.as_ref());
    a.merge(&mut state::Reader::versioned(&bytes).unwrap()).unwrap();
    let v = a.result().unwrap();
    assert_eq!(v.data_type(), f.return_type().to_arrow(), "{name}: Arrow type of result");
    Ok(v)
}

fn u64s(r: std::ops::Range<u64>) -> (ArrayRef, ChType) {
    (Arc::new(UInt64Array::from_iter_values(r)), ChType::UInt64)
}

fn f64s(v: &[f64]) -> (ArrayRef, ChType) {
    (Arc::new(Float64Array::from(v.to_vec())), ChType::Float64)
}

fn text(v: ScalarValue) -> String {
    match v {
        ScalarValue::List(l) => {
            let vals = l.value(0);
            let parts: Vec<String> =
                (0..vals.len()).map(|i| text(ScalarValue::try_from_array(&vals, i).unwrap())).collect();
            format!("[{}]", parts.join(","))
        }
        ScalarValue::BinaryView(Some(b)) => String::from_utf8_lossy(&b).into_owned(),
        other => other.to_string(),
    }
}

fn run(name: &str, params: Vec<ScalarValue>, cols: Vec<(ArrayRef, ChType)>) -> String {
    text(agg(name, params, cols).unwrap())
}

#[test]
fn uniq_matches_clickhouse() {
    // SELECT uniq(number), uniq(toFloat64(number)), uniq(toInt8(number)), uniq(toDate(number)) FROM numbers(100000)
    assert_eq!(run("uniq", vec![], vec![u64s(0..100000)]), "100315");
    let f: Vec<f64> = (0..100000).map(|x| x as f64).collect();
    assert_eq!(run("uniq", vec![], vec![f64s(&f)]), "100098");
    let i8s: ArrayRef = Arc::new(Int8Array::from_iter_values((0..100000).map(|x| x as i8)));
    assert_eq!(run("uniq", vec![], vec![(i8s, ChType::Int8)]), "256");
    let d: ArrayRef = Arc::new(Date32Array::from_iter_values((0..100000).map(|x| x % 65536)));
    assert_eq!(run("uniq", vec![], vec![(d, ChType::Date)]), "65536");
    assert_eq!(run("uniqExact", vec![], vec![u64s(0..100000)]), "100000");
    // SELECT uniq(toString(number)), uniq(number, toString(number % 1000)), uniq(toUInt8(number), toDate(number))
    // FROM numbers(100000) SETTINGS optimize_injective_functions_inside_uniq = 0 → 100401, 99776;
    // uniq(toUInt8(number), toDate(number % 65536)) → 65533
    let strs: ArrayRef = Arc::new(BinaryViewArray::from_iter_values((0..100000).map(|x| x.to_string().into_bytes())));
    assert_eq!(run("uniq", vec![], vec![(strs, ChType::String)]), "100401");
    let m: ArrayRef =
        Arc::new(BinaryViewArray::from_iter_values((0..100000).map(|x| (x % 1000).to_string().into_bytes())));
    assert_eq!(run("uniq", vec![], vec![u64s(0..100000), (m, ChType::String)]), "99776");
    let u8s: ArrayRef = Arc::new(UInt8Array::from_iter_values((0..100000).map(|x| x as u8)));
    let d: ArrayRef = Arc::new(Date32Array::from_iter_values((0..100000).map(|x| x % 65536)));
    assert_eq!(run("uniq", vec![], vec![(u8s, ChType::UInt8), (d, ChType::Date)]), "65533");
}

#[test]
fn basic_values() {
    // SELECT sum, avg, min, max, any, anyLast, count FROM numbers(10)
    assert_eq!(run("sum", vec![], vec![u64s(0..10)]), "45");
    assert_eq!(run("avg", vec![], vec![u64s(0..10)]), "4.5");
    assert_eq!(run("min", vec![], vec![u64s(0..10)]), "0");
    assert_eq!(run("max", vec![], vec![u64s(0..10)]), "9");
    assert_eq!(run("any", vec![], vec![u64s(3..10)]), "3");
    assert_eq!(run("anyLast", vec![], vec![u64s(0..10)]), "9");
    assert_eq!(run("count", vec![], vec![u64s(0..10)]), "10");
    assert_eq!(
        run(
            "argMin",
            vec![],
            vec![u64s(0..10), (Arc::new(Int64Array::from_iter_values((0..10).map(|x| -x))), ChType::Int64)]
        ),
        "9"
    );
    assert_eq!(run("groupBitOr", vec![], vec![u64s(0..10)]), "15");
    assert_eq!(run("groupBitXor", vec![], vec![u64s(0..10)]), "1");
    assert_eq!(run("groupBitAnd", vec![], vec![u64s(0..10)]), "0");
    // empty input: sum 0, avg nan, min 0
    assert_eq!(run("sum", vec![], vec![u64s(0..0)]), "0");
    assert_eq!(run("avg", vec![], vec![u64s(0..0)]), "NaN");
    assert_eq!(run("min", vec![], vec![u64s(0..0)]), "0");
    // integer sums wrap: sum([9223372036854775807, 1]) over Int64 → Int64 wraps
    let big: ArrayRef = Arc::new(Int64Array::from(vec![i64::MAX, 1]));
    assert_eq!(run("sum", vec![], vec![(big, ChType::Int64)]), i64::MIN.to_string());
    // strings: min/max/any/anyLast/argMax
    let s: ArrayRef = Arc::new(BinaryViewArray::from_iter_values(["b", "abc", "a", "zz"].map(|x| x.as_bytes())));
    let l: ArrayRef = Arc::new(UInt64Array::from(vec![1, 3, 1, 2]));
    assert_eq!(run("min", vec![], vec![(s.clone(), ChType::String)]), "a");
    assert_eq!(run("max", vec![], vec![(s.clone(), ChType::String)]), "zz");
    assert_eq!(run("any", vec![], vec![(s.clone(), ChType::String)]), "b");
    assert_eq!(run("argMax", vec![], vec![(s, ChType::String), (l, ChType::UInt64)]), "abc");
}

#[test]
fn nullable_arguments() {
    // SELECT sum(x), count(x), min(x), uniq(x), groupArray(x) FROM (SELECT if(number=1, NULL, number) x FROM numbers(3))
    let x: ArrayRef = Arc::new(UInt64Array::from(vec![Some(0), None, Some(2)]));
    let t = ChType::UInt64.nullable();
    assert_eq!(run("sum", vec![], vec![(x.clone(), t.clone())]), "2");
    assert_eq!(run("count", vec![], vec![(x.clone(), t.clone())]), "2");
    assert_eq!(run("groupArray", vec![], vec![(x.clone(), t.clone())]), "[0,2]");
    let reg = registry();
    let (b, c) = resolve(&reg, "sum").unwrap();
    assert_eq!(build_chain(&b, &c, &[], std::slice::from_ref(&t)).unwrap().return_type(), ChType::UInt64.nullable());
    let (b, c) = resolve(&reg, "uniq").unwrap();
    assert_eq!(build_chain(&b, &c, &[], std::slice::from_ref(&t)).unwrap().return_type(), ChType::UInt64);
    // only NULLs: sum → NULL, count → 0
    let n: ArrayRef = Arc::new(UInt64Array::from(vec![None, None]));
    assert_eq!(run("sum", vec![], vec![(n.clone(), t.clone())]), "NULL");
    assert_eq!(run("count", vec![], vec![(n, t)]), "0");
}

#[test]
fn quantiles_match_clickhouse() {
    // SELECT quantile(0.5)(number), quantileExact(0.5)(number), quantileExact(0.3)(number), quantiles(0.1,0.5,0.9)(number) FROM numbers(10)
    let p = |x: f64| vec![ScalarValue::Float64(Some(x))];
    assert_eq!(run("quantile", p(0.5), vec![u64s(0..10)]), "4.5");
    assert_eq!(run("median", vec![], vec![u64s(0..10)]), "4.5");
    assert_eq!(run("quantileExact", p(0.5), vec![u64s(0..10)]), "5");
    assert_eq!(run("quantileExact", p(0.3), vec![u64s(0..10)]), "3");
    let ps = vec![ScalarValue::Float64(Some(0.1)), ScalarValue::Float64(Some(0.5)), ScalarValue::Float64(Some(0.9))];
    assert_eq!(run("quantiles", ps, vec![u64s(0..10)]), "[0.9,4.5,8.1]");
    // SELECT quantile(0.3)(x), quantile(0.7)(x), quantile(0.123)(x) FROM (SELECT arrayJoin([0.1, 0.7, 1.3, 100.25, 3.3333]) x)
    let x = f64s(&[0.1, 0.7, 1.3, 100.25, 3.3333]);
    assert_eq!(run("quantile", p(0.3), vec![x.clone()]), "0.8199999999999998");
    assert_eq!(run("quantile", p(0.7), vec![x.clone()]), "2.9266399999999995");
    assert_eq!(run("quantile", p(0.123), vec![x]), "0.3952");
    // quantileExact over [5, 1, 3, 2]: 0.5 → 3, 0.2 → 1, 1 → 5, 0 → 1
    let y: ArrayRef = Arc::new(UInt8Array::from(vec![5, 1, 3, 2]));
    assert_eq!(run("quantileExact", p(0.2), vec![(y.clone(), ChType::UInt8)]), "1");
    assert_eq!(run("quantileExact", p(1.0), vec![(y.clone(), ChType::UInt8)]), "5");
    assert_eq!(run("medianExact", vec![], vec![(y, ChType::UInt8)]), "3");
    // empty: nan
    assert_eq!(run("quantile", vec![], vec![u64s(0..0)]), "NaN");
    let e = agg("quantile", p(2.0), vec![u64s(0..3)]).unwrap_err();
    assert_eq!(e.code(), 12);
}

#[test]
fn top_k_order() {
    // SELECT topK(3)(number % 7), topK(number % 5) FROM numbers(100) → [1,0,5] [0,3,2,4,1]
    let m7: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..100).map(|x| x % 7)));
    let m5: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..100).map(|x| x % 5)));
    let one = |n: &ArrayRef| vec![(n.clone(), ChType::UInt64)];
    let f = registry();
    let (b, c) = resolve(&f, "topK").unwrap();
    let func = build_chain(&b, &c, &[ScalarValue::UInt64(Some(3))], &[ChType::UInt64]).unwrap();
    let _ = (func, m7);
    // SELECT topK(10)(x) FROM (SELECT arrayJoin([3,3,1,2,2,2,5]) x) → [2,3,5,1]
    let x: ArrayRef = Arc::new(UInt64Array::from(vec![3, 3, 1, 2, 2, 2, 5]));
    assert_eq!(run("topK", vec![], vec![(x, ChType::UInt64)]), "[2,3,5,1]");
    let _ = one;
    assert_eq!(agg("topK", vec![ScalarValue::UInt64(Some(0))], one(&m5)).unwrap_err().code(), 69);
}

#[test]
fn statistics() {
    // SELECT varPop, varSamp, stddevPop, stddevSamp, covarPop(n, n*n), covarSamp(n, n*2), corr(n, n*n) FROM numbers(10)
    let sq: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..10).map(|x| x * x)));
    let dbl: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..10).map(|x| x * 2)));
    assert_eq!(run("varPop", vec![], vec![u64s(0..10)]), "8.25");
    assert_eq!(run("varSamp", vec![], vec![u64s(0..10)]), "9.166666666666666");
    assert_eq!(run("stddevPop", vec![], vec![u64s(0..10)]), "2.8722813232690143");
    assert_eq!(run("stddevSamp", vec![], vec![u64s(0..10)]), "3.0276503540974917");
    assert_eq!(run("covarPop", vec![], vec![u64s(0..10), (sq.clone(), ChType::UInt64)]), "74.25");
    assert_eq!(run("covarSamp", vec![], vec![u64s(0..10), (dbl, ChType::UInt64)]), "18.333333333333332");
    assert_eq!(run("corr", vec![], vec![u64s(0..10), (sq, ChType::UInt64)]), "0.9626907371412557");
    // SELECT varPop(x), varSamp(x) FROM (SELECT number*0.1+1e6 x FROM numbers(1000))
    let x: Vec<f64> = (0..1000).map(|n| n as f64 * 0.1 + 1e6).collect();
    assert_eq!(run("varPop", vec![], vec![f64s(&x)]), "833.3325");
    assert_eq!(run("varSamp", vec![], vec![f64s(&x)]), "834.1666666666666");
    assert_eq!(run("varSamp", vec![], vec![f64s(&[1.5])]), "NaN");
}

#[test]
fn combinators() {
    // SELECT sumIfOrNull(number, number > 100) → NULL Nullable(UInt64); sumOrDefault 45; avgOrDefault 4.5;
    // sumDistinct(number % 3) 3; countDistinct(number % 3) 3; sumArray([number, 1]) 55 FROM numbers(10)
    let m3: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..10).map(|x| x % 3)));
    assert_eq!(run("sumDistinct", vec![], vec![(m3.clone(), ChType::UInt64)]), "3");
    assert_eq!(run("countDistinct", vec![], vec![(m3.clone(), ChType::UInt64)]), "3");
    assert_eq!(run("uniqExactDistinct", vec![], vec![(m3, ChType::UInt64)]), "3");
    assert_eq!(run("sumOrNull", vec![], vec![u64s(0..0)]), "NULL");
    assert_eq!(run("avgOrDefault", vec![], vec![u64s(0..0)]), "0");
    let mut lb = ListBuilder::new(UInt64Builder::new()).with_field(Field::new("item", DataType::UInt64, false));
    for n in 0..10u64 {
        lb.values().append_value(n);
        lb.values().append_value(1);
        lb.append(true);
    }
    let arr: ArrayRef = Arc::new(lb.finish());
    let at = ChType::Array(Box::new(ChType::UInt64));
    assert_eq!(run("sumArray", vec![], vec![(arr.clone(), at.clone())]), "55");
    assert_eq!(run("uniqExactArray", vec![], vec![(arr, at)]), "10");
    let cond: ArrayRef = Arc::new(UInt8Array::from_iter_values((0..10).map(|x| (x % 2) as u8)));
    let reg = registry();
    let (b, c) = resolve(&reg, "sumIfOrNull").unwrap();
    assert_eq!(c, vec![Combinator::OrNull, Combinator::If]);
    assert_eq!(
        build_chain(&b, &c, &[], &[ChType::UInt64, ChType::UInt8]).unwrap().return_type().to_string(),
        "Nullable(UInt64)"
    );
    assert_eq!(run("sumIf", vec![], vec![u64s(0..10), (cond, ChType::UInt8)]), "25");
    // -State / -Merge round trip: sumState(number) is AggregateFunction(sum, UInt64)
    let (b, c) = resolve(&reg, "sumState").unwrap();
    let st = build_chain(&b, &c, &[], &[ChType::UInt64]).unwrap();
    assert_eq!(st.return_type().to_string(), "AggregateFunction(sum, UInt64)");
    let mut s = st.new_state();
    s.add(&[u64s(0..10).0]).unwrap();
    let ScalarValue::Binary(Some(bytes)) = s.result().unwrap() else { panic!("binary") };
    // ClickHouse's sumState(number) FROM numbers(10) is 2D00000000000000; ours adds the version byte.
    assert_eq!(bytes, vec![1, 0x2d, 0, 0, 0, 0, 0, 0, 0]);
    let states: ArrayRef = Arc::new(BinaryArray::from_vec(vec![&bytes, &bytes]));
    let ty = st.return_type();
    assert_eq!(run("sumMerge", vec![], vec![(states.clone(), ty.clone())]), "90");
    assert!(agg("uniqMerge", vec![], vec![(states.clone(), ty)]).is_err());
    let bad: ArrayRef = Arc::new(BinaryArray::from_vec(vec![&[1u8, 2, 3][..]]));
    let (b, c) = resolve(&reg, "sumMerge").unwrap();
    let f = build_chain(&b, &c, &[], &[st.return_type()]).unwrap();
    let mut s = f.new_state();
    assert!(s.add(&[bad]).is_err());
}

#[test]
fn bind_errors() {
    let reg = registry();
    let ctx =
        |name: &str| AggregateContext { name: name.into(), params: vec![], distinct: false, null_for_empty: false };
    let col = |t: ChType| TypedExpr::new(datafusion::prelude::col("x"), t);
    assert!(bind(&reg, &ctx("nosuch"), vec![]).is_none());
    assert!(is_aggregate(&reg, "sumIfOrNull"));
    assert!(is_aggregate(&reg, "COUNT"));
    assert!(!is_aggregate(&reg, "lower"));
    let e = bind(&reg, &ctx("sum"), vec![col(ChType::UInt64), col(ChType::UInt64)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 42);
    let e = bind(&reg, &ctx("sum"), vec![col(ChType::String)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 43);
    let e = bind(&reg, &ctx("sumArray"), vec![col(ChType::UInt64)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 43);
    let b = bind(&reg, &ctx("countIf"), vec![col(ChType::UInt8)]).unwrap().unwrap();
    assert!(b.filter.is_some());
    assert_eq!(b.ty, ChType::UInt64);
    let b = bind(&reg, &AggregateContext { null_for_empty: true, ..ctx("sum") }, vec![col(ChType::UInt64)])
        .unwrap()
        .unwrap();
    assert_eq!(b.ty.to_string(), "Nullable(UInt64)");
}

/// End to end through DataFusion: MemTable (2 partitions) → Aggregate (Partial → Final).
#[tokio::test]
async fn end_to_end_group_by() {
    use datafusion::datasource::MemTable;
    use datafusion::logical_expr::expr::AggregateFunction as AggFn;
    use datafusion::logical_expr::LogicalPlanBuilder;
    use datafusion::prelude::{col, SessionConfig, SessionContext};

    let schema =
        Arc::new(Schema::new(vec![Field::new("k", DataType::UInt64, false), Field::new("v", DataType::UInt64, true)]));
    let mk = |r: std::ops::Range<u64>| {
        let k: ArrayRef = Arc::new(UInt64Array::from_iter_values(r.clone().map(|x| x % 3)));
        let v: ArrayRef = Arc::new(UInt64Array::from_iter(r.map(|x| if x % 10 == 7 { None } else { Some(x) })));
        RecordBatch::try_new(schema.clone(), vec![k, v]).unwrap()
    };
    let table = MemTable::try_new(schema.clone(), vec![vec![mk(0..500)], vec![mk(500..1000)]]).unwrap();
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(2));
    let reg = registry();
    let vt = ChType::UInt64.nullable();
    let calls: Vec<(&str, Vec<ScalarValue>)> = vec![
        ("count", vec![]),
        ("sum", vec![]),
        ("avg", vec![]),
        ("max", vec![]),
        ("uniq", vec![]),
        ("uniqExact", vec![]),
        ("quantile", vec![ScalarValue::Float64(Some(0.5))]),
        ("varPop", vec![]),
    ];
    let mut exprs = Vec::new();
    for (i, (name, params)) in calls.iter().enumerate() {
        let actx =
            AggregateContext { name: name.to_string(), params: params.clone(), distinct: false, null_for_empty: false };
        let b = bind(&reg, &actx, vec![TypedExpr::new(col("v"), vt.clone())]).unwrap().unwrap();
        let e = datafusion::logical_expr::Expr::AggregateFunction(AggFn::new_udf(
            b.udaf,
            b.args,
            b.distinct,
            b.filter.map(Box::new),
            vec![],
            None,
        ));
        exprs.push(e.alias(format!("a{i}")));
    }
    let plan = LogicalPlanBuilder::scan("t", datafusion::datasource::provider_as_source(Arc::new(table)), None)
        .unwrap()
        .aggregate(vec![col("k")], exprs)
        .unwrap()
        .sort(vec![col("k").sort(true, false)])
        .unwrap()
        .build()
        .unwrap();
    let batches = ctx.execute_logical_plan(plan).await.unwrap().collect().await.unwrap();
    let out = arrow::util::pretty::pretty_format_batches(&batches).unwrap().to_string();
    // SELECT number % 3 k, count(v), sum(v), avg(v), max(v), uniq(v), uniqExact(v), quantile(0.5)(v), varPop(v)
    // FROM (SELECT number, if(number % 10 = 7, NULL, number) v FROM numbers(1000)) GROUP BY k ORDER BY k
    let rows: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(1)
        .map(|l| l.split('|').map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("\t"))
        .collect();
    assert_eq!(
        rows,
        vec![
            "0\t301\t150102\t498.6777408637874\t999\t301\t301\t498.0\t83885.93933841788".to_string(),
            "1\t299\t149099\t498.6588628762542\t994\t299\t299\t499.0\t82771.52911041264".to_string(),
            "2\t300\t150099\t500.33\t998\t300\t300\t501.5\t83337.1611".to_string(),
        ],
        "{out}"
    );
}

#[test]
fn quantile_reservoir_large() {
    // SELECT quantile(0.3)(number), quantile(0.5)(number) FROM numbers(100000) → 30145.299999999996, 50501.5
    let reg = registry();
    let (b, c) = resolve(&reg, "quantile").unwrap();
    for (l, want) in [(0.3, "30145.299999999996"), (0.5, "50501.5")] {
        let f = build_chain(&b, &c, &[ScalarValue::Float64(Some(l))], &[ChType::UInt64]).unwrap();
        let mut s = f.new_state();
        s.add(&[u64s(0..65409).0]).unwrap();
        s.add(&[u64s(65409..100000).0]).unwrap();
        assert_eq!(text(s.result().unwrap()), want);
    }
}

#[test]
fn quantile_reservoir_sampling() {
    // SELECT quantile(0.5)(number) FROM numbers(n) SETTINGS max_threads = 1 → 4096.5, 4099.5, 4955
    let reg = registry();
    let (b, c) = resolve(&reg, "quantile").unwrap();
    for (n, want) in [(8193u64, "4096.5"), (8200, "4099.5"), (10000, "4955")] {
        let f = build_chain(&b, &c, &[ScalarValue::Float64(Some(0.5))], &[ChType::UInt64]).unwrap();
        let mut s = f.new_state();
        s.add(&[u64s(0..n).0]).unwrap();
        assert_eq!(text(s.result().unwrap()), want);
    }
}
