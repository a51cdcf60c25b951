//! Tests of the aggregates in `extra_basic.rs`, `extra_stats.rs`,
//! `group_array_more.rs`, `sum_map.rs` and `uniq_any.rs`. Expected values come
//! from chdb (ClickHouse 26.9).

use std::sync::Arc;

use arrow::array::*;
use arrow::datatypes::{DataType, Field, Fields};
use datafusion::scalar::ScalarValue;

use super::*;
use crate::functions::FunctionRegistry;

fn func(name: &str, params: &[ScalarValue], types: &[ChType]) -> Result<Arc<dyn AggregateFunction>> {
    let reg = FunctionRegistry::builtin();
    let (base, combs) = resolve(&reg, name).expect("aggregate");
    build_chain(&base, &combs, params, types)
}

/// Runs the aggregate over `cols`, optionally split in two states merged through their bytes.
fn run(name: &str, params: &[ScalarValue], cols: &[(ArrayRef, ChType)], split: bool) -> ScalarValue {
    let types: Vec<ChType> = cols.iter().map(|c| c.1.clone()).collect();
    let f = func(name, params, &types).unwrap();
    let n = cols[0].0.len();
    let half = if split { n / 2 } else { n };
    let part = |off: usize, len: usize| -> Vec<ArrayRef> { cols.iter().map(|c| c.0.slice(off, len)).collect() };
    let mut a = f.new_state();
    a.add(&part(0, half)).unwrap();
    if half < n {
        let mut b = f.new_state();
        b.add(&part(half, n - half)).unwrap();
        let bytes = udaf::versioned_bytes(b.as_ref());
        a.merge(&mut state::Reader::versioned(&bytes).unwrap()).unwrap();
    }
    let v = a.result().unwrap();
    assert_eq!(v.data_type(), f.return_type().to_arrow(), "{name}: Arrow type of result");
    v
}

fn u64s(r: std::ops::Range<u64>) -> (ArrayRef, ChType) {
    (Arc::new(UInt64Array::from_iter_values(r)), ChType::UInt64)
}

fn f64s(v: &[f64]) -> (ArrayRef, ChType) {
    (Arc::new(Float64Array::from(v.to_vec())), ChType::Float64)
}

fn f64_of(v: ScalarValue) -> f64 {
    match v {
        ScalarValue::Float64(Some(x)) => x,
        ScalarValue::Float32(Some(x)) => x as f64,
        other => panic!("not a float: {other:?}"),
    }
}

fn list_u64(v: &ScalarValue) -> Vec<u64> {
    let ScalarValue::List(l) = v else { panic!("not a list: {v:?}") };
    let vals = arrow::compute::cast(&l.value(0), &DataType::UInt64).unwrap();
    vals.as_any().downcast_ref::<UInt64Array>().unwrap().values().to_vec()
}

fn p(v: u64) -> ScalarValue {
    ScalarValue::UInt64(Some(v))
}

#[test]
fn sum_with_overflow_wraps_in_argument_type() {
    let a: ArrayRef = Arc::new(Int8Array::from(vec![100, 100]));
    assert_eq!(run("sumWithOverflow", &[], &[(a, ChType::Int8)], true), ScalarValue::Int8(Some(-56)));
    let a: ArrayRef = Arc::new(UInt8Array::from(vec![200, 200]));
    assert_eq!(run("sumWithOverflow", &[], &[(a, ChType::UInt8)], true), ScalarValue::UInt8(Some(144)));
    assert_eq!(func("sumWithOverflow", &[], &[ChType::Decimal(9, 2)]).unwrap().return_type(), ChType::Decimal(9, 2));
    assert!(func("sumWithOverflow", &[], &[ChType::String]).is_err());
    assert!(func("sumWithOverflow", &[], &[ChType::Date]).is_err());
}

#[test]
fn any_heavy_and_bounding_ratio() {
    let a: ArrayRef = Arc::new(UInt8Array::from(vec![1, 1, 1, 2, 1]));
    assert_eq!(run("anyHeavy", &[], &[(a, ChType::UInt8)], true), ScalarValue::UInt8(Some(1)));
    let a: ArrayRef = Arc::new(UInt8Array::from(vec![1, 2, 3, 4]));
    assert_eq!(run("anyHeavy", &[], &[(a, ChType::UInt8)], false), ScalarValue::UInt8(Some(3)));
    let x = u64s(0..5);
    let y: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..5).map(|v| v * 2)));
    assert_eq!(f64_of(run("boundingRatio", &[], &[x, (y, ChType::UInt64)], true)), 2.0);
    let x = u64s(0..1);
    let y = u64s(0..1);
    assert!(f64_of(run("boundingRatio", &[], &[x, y], false)).is_nan());
}

#[test]
fn skewness_and_kurtosis() {
    let x = f64s(&[1.0, 2.0, 3.0, 10.0]);
    let close = |name: &str, want: f64| {
        let got = f64_of(run(name, &[], std::slice::from_ref(&x), true));
        assert!((got - want).abs() < 1e-12, "{name}: {got} vs {want}");
    };
    close("skewPop", 1.0182337649086284);
    close("kurtPop", 2.2304);
    close("skewSamp", 0.6613622305514579);
    close("kurtSamp", 1.2545999999999997);
    let one = f64s(&[1.0]);
    assert!(f64_of(run("skewPop", &[], &[one], false)).is_nan());
    let two = f64s(&[1.0, 2.0]);
    assert_eq!(f64_of(run("kurtSamp", &[], &[two], false)), 0.25);
}

#[test]
fn float32_variance_is_float32() {
    let v: Vec<f32> = (0..10).map(|n| (n as f64 / 3.0) as f32).collect();
    let x: ArrayRef = Arc::new(Float32Array::from(v));
    let col = [(x, ChType::Float32)];
    assert_eq!(run("varPop", &[], &col, false), ScalarValue::Float32(Some(0.9166668)));
    assert_eq!(run("varSamp", &[], &col, false), ScalarValue::Float32(Some(1.0185187)));
    assert_eq!(run("stddevPop", &[], &col, false), ScalarValue::Float32(Some(0.9574272)));
    assert_eq!(run("stddevSamp", &[], &col, false), ScalarValue::Float32(Some(1.0092169)));
    assert_eq!(func("varPop", &[], &[ChType::Int8]).unwrap().return_type(), ChType::Float64);
    assert_eq!(func("covarPop", &[], &[ChType::Float32, ChType::Float64]).unwrap().return_type(), ChType::Float64);
    assert_eq!(func("corr", &[], &[ChType::Float32, ChType::Float32]).unwrap().return_type(), ChType::Float32);
}

#[test]
fn group_array_sorted_last_sample() {
    let a: ArrayRef = Arc::new(UInt8Array::from(vec![5, 1, 4, 2]));
    assert_eq!(list_u64(&run("groupArraySorted", &[p(3)], &[(a, ChType::UInt8)], true)), vec![1, 2, 4]);
    assert_eq!(list_u64(&run("groupArrayLast", &[p(2)], &[u64s(0..5)], false)), vec![4, 3]);
    let mut s = list_u64(&run("groupArraySample", &[p(100)], &[u64s(0..5)], true));
    s.sort();
    assert_eq!(s, vec![0, 1, 2, 3, 4]);
    assert_eq!(list_u64(&run("groupArraySample", &[p(2)], &[u64s(0..50)], true)).len(), 2);
    assert!(func("groupArraySorted", &[], &[ChType::UInt8]).is_err());
    assert!(func("groupArrayLast", &[], &[ChType::UInt8]).is_err());
}

#[test]
fn group_concat_with_separator_and_limit() {
    let sep = ScalarValue::Utf8(Some(",".into()));
    assert_eq!(run("groupConcat", &[], &[u64s(0..5)], true), ScalarValue::BinaryView(Some(b"01234".to_vec())));
    assert_eq!(
        run("groupConcat", std::slice::from_ref(&sep), &[u64s(0..5)], true),
        ScalarValue::BinaryView(Some(b"0,1,2,3,4".to_vec()))
    );
    assert_eq!(run("groupConcat", &[sep, p(2)], &[u64s(0..5)], true), ScalarValue::BinaryView(Some(b"0,1".to_vec())));
    assert!(func("groupConcat", &[p(1)], &[ChType::UInt64]).is_err());
    let sep: ArrayRef = Arc::new(BinaryViewArray::from_iter_values(std::iter::repeat_n(b"-".as_slice(), 3)));
    assert_eq!(
        run("groupConcat", &[], &[u64s(0..3), (sep, ChType::String)], true),
        ScalarValue::BinaryView(Some(b"0-1-2".to_vec()))
    );
    assert!(func("groupConcat", &[], &[ChType::UInt64, ChType::UInt8]).is_err());
}

fn list_array(rows: Vec<Vec<u64>>) -> ArrayRef {
    Arc::new(ListArray::from_iter_primitive::<arrow::datatypes::UInt64Type, _, _>(
        rows.into_iter().map(|r| Some(r.into_iter().map(Some))),
    ))
}

fn tuple_lists(v: &ScalarValue) -> Vec<Vec<u64>> {
    let ScalarValue::Struct(s) = v else { panic!("not a tuple: {v:?}") };
    s.columns().iter().map(|c| list_u64(&ScalarValue::try_from_array(c.as_ref(), 0).unwrap())).collect()
}

#[test]
fn sum_min_max_map() {
    let arr = ChType::Array(Box::new(ChType::UInt64));
    let k = (list_array(vec![vec![1, 2], vec![2, 3]]), arr.clone());
    let v = (list_array(vec![vec![10, 20], vec![5, 5]]), arr.clone());
    let both = [k, v];
    assert_eq!(tuple_lists(&run("sumMap", &[], &both, true)), vec![vec![1, 2, 3], vec![10, 25, 5]]);
    assert_eq!(tuple_lists(&run("minMap", &[], &both, true)), vec![vec![1, 2, 3], vec![10, 5, 5]]);
    assert_eq!(tuple_lists(&run("maxMap", &[], &both, true)), vec![vec![1, 2, 3], vec![10, 20, 5]]);
    // Zero sums disappear.
    let k = (list_array(vec![vec![3, 1, 2]]), arr.clone());
    let v = (list_array(vec![vec![1, 1, 0]]), arr.clone());
    assert_eq!(tuple_lists(&run("sumMap", &[], &[k, v], false)), vec![vec![1, 3], vec![1, 1]]);
    // Mismatched sizes.
    let k = (list_array(vec![vec![1, 2]]), arr.clone());
    let v = (list_array(vec![vec![1]]), arr.clone());
    let f = func("sumMap", &[], &[arr.clone(), arr.clone()]).unwrap();
    assert!(f.new_state().add(&[k.0, v.0]).is_err());
    let t = func("sumMap", &[], &[ChType::Array(Box::new(ChType::UInt8)), ChType::Array(Box::new(ChType::Int8))]);
    assert_eq!(t.unwrap().return_type().to_string(), "Tuple(Array(UInt8), Array(Int64))",);
    assert!(func("sumMap", &[], &[arr]).is_err());
}

#[test]
fn uniq_exact_of_tuples() {
    let a: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..100).map(|n| n % 2)));
    let b: ArrayRef = Arc::new(UInt64Array::from_iter_values((0..100).map(|n| n % 3)));
    let fields = Fields::from(vec![Field::new("1", DataType::UInt64, false), Field::new("2", DataType::UInt64, false)]);
    let s: ArrayRef = Arc::new(StructArray::new(fields, vec![a, b], None));
    let ty = ChType::Tuple(vec![ChType::UInt64, ChType::UInt64], None);
    assert_eq!(run("uniqExact", &[], &[(s, ty)], true), ScalarValue::UInt64(Some(6)));
    let l = list_array((0..100).map(|n| vec![n % 2]).collect());
    let ty = ChType::Array(Box::new(ChType::UInt64));
    assert_eq!(run("uniqExact", &[], &[(l, ty)], true), ScalarValue::UInt64(Some(2)));
}
