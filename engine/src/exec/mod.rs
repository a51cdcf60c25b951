//! Query execution on DataFusion: one `SessionState` per query carrying the
//! query's settings (`max_threads` → target partitions, `max_block_size` →
//! batch size, `max_memory_usage` → memory pool), then optimize, plan
//! physically and collect. Limits that ClickHouse checks while running
//! (`max_execution_time`, `max_result_rows`) are applied here.

pub mod asof_join;
pub mod with_fill;

use std::sync::Arc;
use std::time::Duration;

use arrow::record_batch::RecordBatch;
use datafusion::execution::runtime_env::RuntimeEnvBuilder;
use datafusion::execution::session_state::SessionStateBuilder;
use datafusion::logical_expr::LogicalPlan;
use datafusion::prelude::SessionConfig;
use futures::StreamExt;

use crate::error::{Error, ErrorCode, Result};
use crate::settings::Settings;

/// Number of threads a query may use (`max_threads`, 0 = all cores).
pub fn max_threads(settings: &Settings) -> usize {
    match settings.get_u64("max_threads") {
        0 => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
        n => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
    }
}

/// A DataFusion session state configured from the query's settings.
pub fn session_state(settings: &Settings) -> Result<datafusion::execution::SessionState> {
    let block = settings.get_u64("max_block_size").clamp(1, 1 << 20) as usize;
    let mut config = SessionConfig::new().with_target_partitions(max_threads(settings)).with_batch_size(block);
    config.options_mut().execution.coalesce_batches = true;
    config.options_mut().optimizer.prefer_hash_join = true;
    // Parallelism comes from the sources' partitions; a round-robin split of an
    // ordered single-partition source (system.numbers, a small Memory table)
    // would let `LIMIT` take rows out of order.
    config.options_mut().optimizer.enable_round_robin_repartition = false;
    let mut rt = RuntimeEnvBuilder::new();
    // Spilling only when the query allows it (ClickHouse's external GROUP BY /
    // sort settings); otherwise a query over the memory limit fails with 241.
    let spill = settings.get_u64("max_bytes_before_external_group_by") > 0
        || settings.get_u64("max_bytes_before_external_sort") > 0;
    if !spill {
        use datafusion::execution::disk_manager::{DiskManagerBuilder, DiskManagerMode};
        rt = rt.with_disk_manager_builder(DiskManagerBuilder::default().with_mode(DiskManagerMode::Disabled));
    }
    let limit = settings.get_u64("max_memory_usage");
    if limit > 0 {
        rt = rt.with_memory_limit(usize::try_from(limit).unwrap_or(usize::MAX), 1.0);
    }
    let runtime = rt.build_arc()?;
    Ok(SessionStateBuilder::new()
        .with_config(config)
        .with_runtime_env(runtime)
        .with_query_planner(Arc::new(GranaryQueryPlanner))
        .build())
}

/// DataFusion's physical planner plus Granary's operators for
/// `LogicalPlan::Extension` nodes.
#[derive(Debug)]
struct GranaryQueryPlanner;

#[async_trait::async_trait]
impl datafusion::execution::context::QueryPlanner for GranaryQueryPlanner {
    async fn create_physical_plan(
        &self,
        plan: &LogicalPlan,
        session: &dyn datafusion::catalog::Session,
    ) -> datafusion::common::Result<Arc<dyn datafusion::physical_plan::ExecutionPlan>> {
        use datafusion::physical_planner::{DefaultPhysicalPlanner, PhysicalPlanner};
        DefaultPhysicalPlanner::with_extension_planners(vec![Arc::new(GranaryExtensionPlanner)])
            .create_physical_plan(plan, session)
            .await
    }
}

/// Plans Granary's logical extension nodes.
struct GranaryExtensionPlanner;

#[async_trait::async_trait]
impl datafusion::physical_planner::ExtensionPlanner for GranaryExtensionPlanner {
    async fn plan_extension(
        &self,
        _planner: &dyn datafusion::physical_planner::PhysicalPlanner,
        node: &dyn datafusion::logical_expr::UserDefinedLogicalNode,
        _logical_inputs: &[&LogicalPlan],
        physical_inputs: &[Arc<dyn datafusion::physical_plan::ExecutionPlan>],
        _session: &dyn datafusion::catalog::Session,
        _ctx: &datafusion::logical_expr::physical_planning_context::PhysicalPlanningContext,
    ) -> datafusion::common::Result<Option<Arc<dyn datafusion::physical_plan::ExecutionPlan>>> {
        if let Some(fill) = node.as_any().downcast_ref::<with_fill::WithFillNode>() {
            let input = physical_inputs
                .first()
                .cloned()
                .ok_or_else(|| datafusion::common::DataFusionError::Internal("WithFill needs one input".into()))?;
            return Ok(Some(Arc::new(with_fill::WithFillExec::new(input, fill.spec.clone()))));
        }
        if let Some(asof) = node.as_any().downcast_ref::<asof_join::AsofJoinNode>() {
            let [left, right] = physical_inputs else {
                return Err(datafusion::common::DataFusionError::Internal("AsofJoin needs two inputs".into()));
            };
            return Ok(Some(Arc::new(asof_join::AsofJoinExec::new(left.clone(), right.clone(), asof.spec.clone()))));
        }
        Ok(None)
    }
}

/// Runs a logical plan to completion under the query's limits.
pub async fn collect(plan: LogicalPlan, settings: &Settings) -> Result<Vec<RecordBatch>> {
    let state = session_state(settings)?;
    let max_rows = settings.get_u64("max_result_rows");
    let overflow_break = settings.get_string("result_overflow_mode") == "break";
    let run = async {
        let physical = state.create_physical_plan(&plan).await?;
        let mut stream = datafusion::physical_plan::execute_stream(physical, state.task_ctx())?;
        let mut out = Vec::new();
        let mut rows = 0u64;
        while let Some(batch) = stream.next().await {
            let batch = batch?;
            rows += batch.num_rows() as u64;
            out.push(batch);
            if max_rows > 0 && rows > max_rows {
                if overflow_break {
                    break;
                }
                return Err(Error::new(
                    ErrorCode::TOO_MANY_ROWS_OR_BYTES,
                    format!("Limit for result exceeded, max rows: {max_rows}, current rows: {rows}"),
                ));
            }
        }
        Ok::<_, Error>(out)
    };
    let secs = settings.get_f64("max_execution_time");
    if secs > 0.0 && secs.is_finite() {
        match tokio::time::timeout(Duration::from_secs_f64(secs), run).await {
            Ok(r) => r,
            Err(_) => Err(Error::new(
                ErrorCode::TIMEOUT_EXCEEDED,
                format!("Timeout exceeded: elapsed {secs} seconds, maximum: {secs}"),
            )),
        }
    } else {
        run.await
    }
}

/// Text of a plan for EXPLAIN: the optimized logical plan, or the physical plan
/// (`pipeline`) — Granary's own text, not ClickHouse's.
pub async fn explain_text(plan: &LogicalPlan, settings: &Settings, pipeline: bool) -> Result<String> {
    let state = session_state(settings)?;
    if pipeline {
        let physical = state.create_physical_plan(plan).await?;
        return Ok(datafusion::physical_plan::displayable(physical.as_ref()).indent(true).to_string());
    }
    Ok(state.optimize(plan)?.display_indent().to_string())
}
