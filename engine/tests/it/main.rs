//! The one integration-test binary: each module is a test area.

mod api;
mod fuzz;
mod sql_tests;
