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
    // SELECT min(x), max(x), argMin(x, x), argMax(x, x) FROM (SELECT arrayJoin([nan, 1., 2.]) x) → 1 2 1 2
    let nan = f64s(&[f64::NAN, 1.0, 2.0]);
    assert_eq!(run("min", vec![], vec![nan.clone()]), "1");
    assert_eq!(run("max", vec![], vec![nan.clone()]), "2");
    assert_eq!(run("argMax", vec![], vec![nan.clone(), nan.clone()]), "2");
    assert_eq!(run("max", vec![], vec![f64s(&[f64::NAN, f64::NAN])]), "NaN");
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
    // SELECT count(NULL), sum(NULL), uniq(NULL), groupArray(NULL) → 0, NULL, 0, NULL (Nullable(Nothing))
    let nothing: ArrayRef = Arc::new(NullArray::new(3));
    let nt = ChType::Nothing.nullable();
    assert_eq!(run("count", vec![], vec![(nothing.clone(), nt.clone())]), "0");
    assert_eq!(run("uniq", vec![], vec![(nothing.clone(), nt.clone())]), "0");
    assert_eq!(run("sum", vec![], vec![(nothing.clone(), nt.clone())]), "NULL");
    assert_eq!(run("groupArray", vec![], vec![(nothing, nt.clone())]), "NULL");
    let (b, c) = resolve(&reg, "groupArray").unwrap();
    assert_eq!(build_chain(&b, &c, &[], &[nt]).unwrap().return_type().to_string(), "Nullable(Nothing)");
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
    // SELECT quantile(x) FROM (SELECT arrayJoin([1.25, 2.5, 3.75]::Array(Decimal(9, 2))) x) → 2.5 (Decimal(9, 2))
    let d: ArrayRef = Arc::new(Decimal128Array::from(vec![125, 250, 375]).with_precision_and_scale(9, 2).unwrap());
    assert_eq!(run("quantile", vec![], vec![(d, ChType::Decimal(9, 2))]), "2.50");
    // empty: nan
    assert_eq!(run("quantile", vec![], vec![u64s(0..0)]), "NaN");
    assert_eq!(run("quantileExact", vec![], vec![u64s(0..0)]), "0");
    // SELECT quantileExact(0.5)(x) FROM (SELECT arrayJoin([18446744073709551615, 18446744073709551614, 1]) x)
    let big: ArrayRef = Arc::new(UInt64Array::from(vec![u64::MAX, u64::MAX - 1, 1]));
    assert_eq!(run("quantileExact", p(0.5), vec![(big, ChType::UInt64)]), "18446744073709551614");
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
    // SELECT avgWeighted(x, w) FROM (SELECT number x, number % 3 w FROM numbers(10)) → 4.666666666666667
    let w: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..10).map(|x| x % 3)));
    assert_eq!(run("avgWeighted", vec![], vec![u64s(0..10), (w, ChType::UInt64)]), "4.666666666666667");
    let z: ArrayRef = Arc::new(UInt64Array::from(vec![0u64; 10]));
    assert_eq!(run("avgWeighted", vec![], vec![u64s(0..10), (z, ChType::UInt64)]), "NaN");
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
    assert!(is_aggregate(&reg, "var_pop"));
    assert!(!is_aggregate(&reg, "VARPOP"));
    let b = bind(&reg, &ctx("array_agg"), vec![col(ChType::UInt64.nullable())]).unwrap().unwrap();
    assert_eq!(b.ty.to_string(), "Array(UInt64)");
    assert!(!is_aggregate(&reg, "lower"));
    let e = bind(&reg, &ctx("sum"), vec![col(ChType::UInt64), col(ChType::UInt64)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 42);
    let e = bind(&reg, &ctx("sum"), vec![col(ChType::String)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 43);
    let e = bind(&reg, &ctx("sumArray"), vec![col(ChType::UInt64)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 43);
    let e = bind(&reg, &ctx("count"), vec![col(ChType::UInt64), col(ChType::UInt64)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 42);
    let b =
        bind(&reg, &AggregateContext { distinct: true, ..ctx("count") }, vec![col(ChType::UInt64), col(ChType::UInt8)]);
    assert_eq!(b.unwrap().unwrap().ty, ChType::UInt64);
    let e = bind(&reg, &ctx("sumIf"), vec![col(ChType::UInt64), col(ChType::String)]).unwrap().unwrap_err();
    assert_eq!(e.code(), 43);
    let e = bind(
        &reg,
        &AggregateContext { params: vec![ScalarValue::UInt64(Some(0))], ..ctx("groupArray") },
        vec![col(ChType::UInt64)],
    );
    assert_eq!(e.unwrap().unwrap_err().code(), 36);
    let e = bind(
        &reg,
        &AggregateContext { params: vec![ScalarValue::Utf8(Some("a".into()))], ..ctx("quantile") },
        vec![col(ChType::UInt64)],
    );
    assert_eq!(e.unwrap().unwrap_err().code(), 70);
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

/// Runs aggregates (name, params, args) grouped by `k` over two partitions; rows as tab-separated text.
async fn run_grouped(
    batches: Vec<Vec<RecordBatch>>,
    calls: Vec<(&str, Vec<ScalarValue>, Vec<TypedExpr>)>,
) -> Vec<String> {
    use datafusion::datasource::MemTable;
    use datafusion::logical_expr::expr::AggregateFunction as AggFn;
    use datafusion::logical_expr::LogicalPlanBuilder;
    use datafusion::prelude::{col, SessionConfig, SessionContext};

    let schema = batches[0][0].schema();
    let table = MemTable::try_new(schema, batches).unwrap();
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(2));
    let reg = registry();
    let mut exprs = Vec::new();
    for (i, (name, params, args)) in calls.into_iter().enumerate() {
        let actx = AggregateContext { name: name.to_string(), params, distinct: false, null_for_empty: false };
        let b = bind(&reg, &actx, args).unwrap().unwrap();
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
    let out = ctx.execute_logical_plan(plan).await.unwrap().collect().await.unwrap();
    let mut rows = Vec::new();
    for b in &out {
        for r in 0..b.num_rows() {
            let cells: Vec<String> =
                b.columns()
                    .iter()
                    .map(|c| {
                        if c.is_null(r) {
                            "\\N".to_string()
                        } else {
                            text(ScalarValue::try_from_array(c, r).unwrap())
                        }
                    })
                    .collect();
            rows.push(cells.join("\t"));
        }
    }
    rows
}

#[tokio::test]
async fn end_to_end_vectorized_paths() {
    use datafusion::prelude::{col, lit};
    let schema =
        Arc::new(Schema::new(vec![Field::new("k", DataType::UInt64, false), Field::new("v", DataType::UInt64, true)]));
    let mk = |r: std::ops::Range<u64>| {
        let k: ArrayRef = Arc::new(UInt64Array::from_iter_values(r.clone().map(|x| x % 4)));
        let v: ArrayRef = Arc::new(UInt64Array::from_iter(r.map(|x| if x % 4 == 3 { None } else { Some(x) })));
        RecordBatch::try_new(schema.clone(), vec![k, v]).unwrap()
    };
    let v = || TypedExpr::new(col("v"), ChType::UInt64.nullable());
    let cond = TypedExpr::new(
        datafusion::logical_expr::cast(col("v").gt(lit(500u64)), DataType::UInt8),
        ChType::UInt8.nullable(),
    );
    let calls = vec![
        ("count", vec![], vec![v()]),
        ("sum", vec![], vec![v()]),
        ("min", vec![], vec![v()]),
        ("max", vec![], vec![v()]),
        ("uniq", vec![], vec![v()]),
        ("uniqExact", vec![], vec![v()]),
        ("avg", vec![], vec![v()]),
        ("sumIf", vec![], vec![v(), cond]),
        ("anyLast", vec![], vec![TypedExpr::new(col("k"), ChType::UInt64)]),
        ("argMax", vec![], vec![TypedExpr::new(col("k"), ChType::UInt64), v()]),
        ("argMin", vec![], vec![v(), v()]),
    ];
    // SELECT number % 4 k, count(v), sum(v), min(v), max(v), uniq(v), uniqExact(v), avg(v), sumIf(v, v > 500), anyLast(k),
    // argMax(k, v), argMin(v, v)
    // FROM (SELECT number, if(number % 4 = 3, NULL, number) v FROM numbers(1000)) GROUP BY k ORDER BY k
    let rows = run_grouped(vec![vec![mk(0..600)], vec![mk(600..1000)]], calls).await;
    assert_eq!(
        rows,
        vec![
            "0\t250\t124500\t0\t996\t250\t250\t498\t93000\t0\t0\t0",
            "1\t250\t124750\t1\t997\t250\t250\t499\t93625\t1\t1\t1",
            "2\t250\t125000\t2\t998\t250\t250\t500\t93750\t2\t2\t2",
            "3\t0\t\\N\t\\N\t\\N\t0\t0\t\\N\t\\N\t3\t\\N\t\\N",
        ]
    );
}

#[test]
fn groups_accumulators_direct() {
    use datafusion::logical_expr::EmitTo;
    let reg = registry();
    let hot_of = |name: &str, t: ChType| {
        let (b, c) = resolve(&reg, name).unwrap();
        build_chain(&b, &c, &[], &[t]).unwrap().hot().unwrap()
    };
    // uniq over 0..100000 in one group, split across two partial accumulators → 100315 (chdb)
    let mk = || groups::create(hot_of("uniq", ChType::UInt64)).unwrap();
    let (mut a, mut b, mut f) = (mk(), mk(), mk());
    let left = u64s(0..50000).0;
    let right = u64s(50000..100000).0;
    a.update_batch(&[left], &vec![0; 50000], None, 1).unwrap();
    b.update_batch(&[right], &vec![0; 50000], None, 1).unwrap();
    let sa = a.state(EmitTo::All).unwrap();
    let sb = b.state(EmitTo::All).unwrap();
    f.merge_batch(&sa, &[0], 1).unwrap();
    f.merge_batch(&sb, &[0], 1).unwrap();
    let out = f.evaluate(EmitTo::All).unwrap();
    assert_eq!(out.as_primitive::<arrow::datatypes::UInt64Type>().value(0), 100315);
    // The row-wise state merges a vectorized state of the same function.
    let (bb, c) = resolve(&reg, "uniq").unwrap();
    let func = build_chain(&bb, &c, &[], &[ChType::UInt64]).unwrap();
    let mut st = func.new_state();
    udaf::merge_binary(st.as_mut(), &sa[0]).unwrap();
    udaf::merge_binary(st.as_mut(), &sb[0]).unwrap();
    assert_eq!(text(st.result().unwrap()), "100315");

    // max over Nullable(Float64) in 2 groups with NaN and NULL; group 1 sees only NULL → NULL
    let mk = || groups::create(hot_of("max", ChType::Float64.nullable())).unwrap();
    let (mut a, mut f) = (mk(), mk());
    let x: ArrayRef = Arc::new(Float64Array::from(vec![Some(f64::NAN), None, Some(3.0), Some(7.0)]));
    let filter = BooleanArray::from(vec![true, true, true, false]);
    a.update_batch(&[x], &[0, 1, 0, 0], Some(&filter), 2).unwrap();
    let s = a.state(EmitTo::All).unwrap();
    f.merge_batch(&s, &[0, 1], 2).unwrap();
    let out = f.evaluate(EmitTo::All).unwrap();
    let out = out.as_primitive::<arrow::datatypes::Float64Type>();
    assert_eq!(out.value(0), 3.0);
    assert!(out.is_null(1));

    // argMax(String, UInt64): vectorized state read by the row-wise state.
    let (bb, c) = resolve(&reg, "argMax").unwrap();
    let func = build_chain(&bb, &c, &[], &[ChType::String, ChType::UInt64]).unwrap();
    let mut g = groups::create(func.hot().unwrap()).unwrap();
    let s: ArrayRef = Arc::new(BinaryViewArray::from_iter_values(["b", "abc", "a", "zz"].map(|x| x.as_bytes())));
    let l: ArrayRef = Arc::new(UInt64Array::from(vec![1, 3, 3, 2]));
    g.update_batch(&[s, l], &[0, 0, 0, 0], None, 1).unwrap();
    let st = g.state(EmitTo::All).unwrap();
    let mut row = func.new_state();
    udaf::merge_binary(row.as_mut(), &st[0]).unwrap();
    assert_eq!(text(row.result().unwrap()), "abc");
}

#[test]
fn group_uniq_array_order() {
    // SELECT groupUniqArray(x) FROM (SELECT arrayJoin([5, 3, 100, 7, 42, 1000, 3, 5, 9999999, 12]) x)
    let x: ArrayRef = Arc::new(UInt32Array::from(vec![5, 3, 100, 7, 42, 1000, 3, 5, 9999999, 12]));
    assert_eq!(run("groupUniqArray", vec![], vec![(x, ChType::UInt32)]), "[9999999,7,12,100,42,1000,3,5]");
    // SELECT groupUniqArray(toUInt32(number * 7919 % 1000)) FROM numbers(40)
    let y: ArrayRef = Arc::new(UInt32Array::from_iter_values((0..40u32).map(|n| n * 7919 % 1000)));
    assert_eq!(
        run("groupUniqArray", vec![], vec![(y, ChType::UInt32)]),
        "[0,218,595,947,380,352,3,813,246,651,838,109,570,271,922,676,28,461,56,327,489,623,299,84,975,542,514,732,704,408,785,165,190,866,894,433,757,841,137,919]"
    );
}

#[test]
fn top_k_eviction() {
    let reg = registry();
    let (b, c) = resolve(&reg, "topK").unwrap();
    let one = |k: u64, t: ChType, a: ArrayRef| {
        let f = build_chain(&b, &c, &[ScalarValue::UInt64(Some(k))], &[t]).unwrap();
        let mut s = f.new_state();
        s.add(&[a]).unwrap();
        text(s.result().unwrap())
    };
    // SELECT topK(2)(x) FROM (SELECT arrayJoin([1,2,3,4,5,6,7,1,1,2,8,9,10,11,12,2,2,13,14,15,3,3,3,3]) x) → [3,2]
    let x: ArrayRef =
        Arc::new(UInt8Array::from(vec![1, 2, 3, 4, 5, 6, 7, 1, 1, 2, 8, 9, 10, 11, 12, 2, 2, 13, 14, 15, 3, 3, 3, 3]));
    assert_eq!(one(2, ChType::UInt8, x), "[3,2]");
}

#[tokio::test]
async fn end_to_end_state_then_merge() {
    use datafusion::prelude::col;
    let schema =
        Arc::new(Schema::new(vec![Field::new("k", DataType::UInt64, false), Field::new("v", DataType::UInt64, false)]));
    let mk = |r: std::ops::Range<u64>| {
        let k: ArrayRef = Arc::new(UInt64Array::from_iter_values(r.clone().map(|x| x % 6)));
        let v: ArrayRef = Arc::new(UInt64Array::from_iter_values(r));
        RecordBatch::try_new(schema.clone(), vec![k, v]).unwrap()
    };
    let v = || TypedExpr::new(col("v"), ChType::UInt64);
    let p = vec![ScalarValue::Float64(Some(0.5))];
    let calls = vec![("uniqState", vec![], vec![v()]), ("quantileState", p.clone(), vec![v()])];
    let rows = run_grouped(vec![vec![mk(0..30000)], vec![mk(30000..60000)]], calls.clone()).await;
    assert_eq!(rows.len(), 6);
    // Re-aggregate the states by k % 2 with -Merge.
    let states = {
        use datafusion::datasource::MemTable;
        use datafusion::logical_expr::expr::AggregateFunction as AggFn;
        use datafusion::logical_expr::LogicalPlanBuilder;
        use datafusion::prelude::{SessionConfig, SessionContext};
        let table = MemTable::try_new(schema.clone(), vec![vec![mk(0..30000)], vec![mk(30000..60000)]]).unwrap();
        let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(2));
        let reg = registry();
        let mut exprs = Vec::new();
        for (i, (name, params, args)) in calls.into_iter().enumerate() {
            let actx = AggregateContext { name: name.to_string(), params, distinct: false, null_for_empty: false };
            let b = bind(&reg, &actx, args).unwrap().unwrap();
            let e = datafusion::logical_expr::Expr::AggregateFunction(AggFn::new_udf(
                b.udaf,
                b.args,
                false,
                None,
                vec![],
                None,
            ));
            exprs.push(e.alias(format!("s{i}")));
        }
        let plan = LogicalPlanBuilder::scan("t", datafusion::datasource::provider_as_source(Arc::new(table)), None)
            .unwrap()
            .aggregate(vec![col("k")], exprs)
            .unwrap()
            .build()
            .unwrap();
        ctx.execute_logical_plan(plan).await.unwrap().collect().await.unwrap()
    };
    // k → k % 2 as the new key.
    let mut merged_batches = Vec::new();
    for b in &states {
        let k = b.column(0).as_primitive::<arrow::datatypes::UInt64Type>();
        let k2: ArrayRef = Arc::new(UInt64Array::from_iter_values(k.values().iter().map(|x| x % 2)));
        let sch = Arc::new(Schema::new(vec![
            Field::new("k", DataType::UInt64, false),
            Field::new("s0", DataType::Binary, true),
            Field::new("s1", DataType::Binary, true),
        ]));
        merged_batches.push(RecordBatch::try_new(sch, vec![k2, b.column(1).clone(), b.column(2).clone()]).unwrap());
    }
    let st = |name: &str, p: Vec<ScalarValue>| {
        let reg = registry();
        let (b, c) = resolve(&reg, name).unwrap();
        build_chain(&b, &c, &p, &[ChType::UInt64]).unwrap().return_type()
    };
    let uniq_ty = st("uniqState", vec![]);
    let q_ty = st("quantileState", p.clone());
    assert_eq!(q_ty.to_string(), "AggregateFunction(quantile(0.5), UInt64)");
    let calls = vec![
        ("uniqMerge", vec![], vec![TypedExpr::new(col("s0"), uniq_ty)]),
        ("quantileMerge", p, vec![TypedExpr::new(col("s1"), q_ty)]),
    ];
    let rows = run_grouped(vec![merged_batches], calls).await;
    // SELECT number % 6 % 2 k, uniq(number) FROM numbers(60000) GROUP BY k → 30000 each (exact below 65536)
    assert_eq!(rows.len(), 2);
    assert!(rows[0].starts_with("0\t30000\t"), "{rows:?}");
    assert!(rows[1].starts_with("1\t30000\t"), "{rows:?}");
}

#[test]
fn uniq_widening() {
    // SELECT uniq(toFloat32(number)), uniq(toInt32(number) - 50000), uniq(toDateTime(number * 1000)),
    // uniq(toInt64(number) - 50000) FROM numbers(100000)
    let f: ArrayRef = Arc::new(Float32Array::from_iter_values((0..100000).map(|x| x as f32)));
    let i: ArrayRef = Arc::new(Int32Array::from_iter_values((0..100000).map(|x| x - 50000)));
    let t: ArrayRef = Arc::new(TimestampSecondArray::from_iter_values((0..100000).map(|x| x * 1000)));
    let l: ArrayRef = Arc::new(Int64Array::from_iter_values((0..100000).map(|x| x - 50000)));
    assert_eq!(run("uniq", vec![], vec![(f, ChType::Float32)]), "100090");
    assert_eq!(run("uniq", vec![], vec![(i, ChType::Int32)]), "100523");
    assert_eq!(run("uniq", vec![], vec![(t, ChType::DateTime(None))]), "100422");
    assert_eq!(run("uniq", vec![], vec![(l, ChType::Int64)]), "100523");
}

#[test]
fn tdigest_matches_clickhouse() {
    let p = |x: f64| vec![ScalarValue::Float64(Some(x))];
    let one = |name: &str, params: Vec<ScalarValue>, a: (ArrayRef, ChType)| {
        let reg = registry();
        let (b, c) = resolve(&reg, name).unwrap();
        let f = build_chain(&b, &c, &params, std::slice::from_ref(&a.1)).unwrap();
        let mut s = f.new_state();
        s.add(&[a.0]).unwrap();
        text(s.result().unwrap())
    };
    // SELECT quantileTDigest(number), quantileTDigest(0.9)(number), quantileTDigest(0.01)(number) FROM numbers(100000)
    assert_eq!(one("quantileTDigest", vec![], u64s(0..100000)), "49999.5");
    assert_eq!(one("quantileTDigest", p(0.9), u64s(0..100000)), "89999.5");
    assert_eq!(one("quantileTDigest", p(0.01), u64s(0..100000)), "999.5");
    // SELECT quantileTDigest(0.3)(x), quantilesTDigest(0.1, 0.5, 0.99)(x)
    // FROM (SELECT number * 7919 % 10007 x FROM numbers(50000)) SETTINGS max_threads = 1
    let x = || {
        (Arc::new(UInt64Array::from_iter_values((0..50000u64).map(|n| n * 7919 % 10007))) as ArrayRef, ChType::UInt64)
    };
    assert_eq!(one("quantileTDigest", p(0.3), x()), "3002.0647");
    let ps = vec![ScalarValue::Float64(Some(0.1)), ScalarValue::Float64(Some(0.5)), ScalarValue::Float64(Some(0.99))];
    assert_eq!(one("quantilesTDigest", ps, x()), "[1000.71674,5003.473,9906.549]");
    let small: ArrayRef = Arc::new(UInt8Array::from(vec![1, 2, 3, 10]));
    assert_eq!(one("quantileTDigest", vec![], (small, ChType::UInt8)), "2");
    assert_eq!(one("quantileTDigest", vec![], u64s(0..0)), "NaN");
}

#[test]
fn sliding_window_retract() {
    // A frame of 2 rows over [10, -5, 7, 1, 2] (as ROWS BETWEEN 1 PRECEDING AND CURRENT ROW):
    // min [10,-5,-5,1,1], max [10,10,7,7,2], sum [10,5,2,8,3], avg [10,2.5,1,4,1.5], count 1,2,2,2,2.
    let vals = [10i32, -5, 7, 1, 2];
    let run = |name: &str, t: ChType| -> Vec<String> {
        let f = build_chain(name, &[], &[], std::slice::from_ref(&t)).unwrap();
        let mut s = f.new_state();
        assert!(s.can_retract(), "{name}");
        let mut out = Vec::new();
        for (i, v) in vals.iter().enumerate() {
            if i >= 2 {
                let old: ArrayRef = Arc::new(Int32Array::from(vec![vals[i - 2]]));
                assert!(s.retract(&[old]).unwrap());
            }
            let a: ArrayRef = Arc::new(Int32Array::from(vec![*v]));
            s.add(&[a]).unwrap();
            out.push(text(s.result().unwrap()));
        }
        out
    };
    assert_eq!(run("min", ChType::Int32), ["10", "-5", "-5", "1", "1"]);
    assert_eq!(run("max", ChType::Int32), ["10", "10", "7", "7", "2"]);
    assert_eq!(run("sum", ChType::Int32), ["10", "5", "2", "8", "3"]);
    assert_eq!(run("avg", ChType::Int32), ["10", "2.5", "1", "4", "1.5"]);
    assert_eq!(run("count", ChType::Int32), ["1", "2", "2", "2", "2"]);
    assert_eq!(run("min", ChType::Int32.nullable()), ["10", "-5", "-5", "1", "1"]);
}

#[test]
fn if_inside_state() {
    // sumIfState / countIfState keep -If in the state function (AggregateFunction(sumIf, UInt64, UInt8)).
    let reg = registry();
    let cond: ArrayRef = Arc::new(UInt8Array::from(vec![0, 1, 1, 0, 1]));
    let vals: ArrayRef = Arc::new(UInt64Array::from(vec![1, 2, 3, 4, 5]));
    for (name, args, types, want_ty, want) in [
        (
            "sumIfState",
            vec![vals.clone(), cond.clone()],
            vec![ChType::UInt64, ChType::UInt8],
            "AggregateFunction(sumIf, UInt64, UInt8)",
            "10",
        ),
        ("countIfState", vec![cond.clone()], vec![ChType::UInt8], "AggregateFunction(countIf, UInt8)", "3"),
    ] {
        let (b, c) = resolve(&reg, name).unwrap();
        let f = build_chain(&b, &c, &[], &types).unwrap();
        assert_eq!(f.return_type().to_string(), want_ty);
        let mut s = f.new_state();
        s.add(&args).unwrap();
        let ChType::AggregateFunction(sig, inner_types) = f.return_type() else { panic!() };
        let inner = finalize::function_of_state(&sig, &inner_types).unwrap();
        let mut st = inner.new_state();
        let ScalarValue::Binary(Some(bytes)) = s.result().unwrap() else { panic!() };
        st.merge(&mut state::Reader::versioned(&bytes).unwrap()).unwrap();
        assert_eq!(text(st.result().unwrap()), want, "{name}");
    }
}

#[test]
fn skewness_kurtosis() {
    // chdb: skewPop/kurtPop over [1,2,3,10] → 1.018234 / 2.2304 (rounded to 6);
    // skewSamp/kurtSamp over numbers(10) → 0 / 1.438364.
    let one = |name: &str, v: Vec<f64>| -> f64 {
        let f = build_chain(name, &[], &[], &[ChType::Float64]).unwrap();
        let mut s = f.new_state();
        s.add(&[Arc::new(Float64Array::from(v)) as ArrayRef]).unwrap();
        match s.result().unwrap() {
            ScalarValue::Float64(Some(x)) => (x * 1e6).round() / 1e6,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(one("skewPop", vec![1.0, 2.0, 3.0, 10.0]), 1.018234);
    assert_eq!(one("kurtPop", vec![1.0, 2.0, 3.0, 10.0]), 2.2304);
    let ten: Vec<f64> = (0..10).map(|x| x as f64).collect();
    assert_eq!(one("skewSamp", ten.clone()), 0.0);
    assert_eq!(one("kurtSamp", ten), 1.438364);
}
