//! Granary's own plan pieces that DataFusion lacks, used by the binder.

pub mod fill_null;
pub mod nan_order;
