//! Granary's own plan pieces that DataFusion lacks, used by the binder.

pub mod fill_null;
pub mod in_set;
pub mod nan_order;
