//! Bringing outside data into a map.

pub mod csv_import;
