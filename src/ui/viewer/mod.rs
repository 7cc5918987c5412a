//! Maps shown read-only: a map opened from a share link.

pub mod map_view;
pub mod shared_map;
