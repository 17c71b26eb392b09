//! Typed claim values. A value is a set of possibilities, not a string:
//! a date knows its granularity and which fields are unknown, a number its
//! bounds. [`crate::compare`] decides agreement by intersecting these sets.

pub mod date;
pub mod number;

pub use date::{DateSet, DateValue};
pub use number::NumberValue;
pub mod named;
