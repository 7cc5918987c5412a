//! Maps shown read-only: from a share link, or embedded in another page.

pub mod embedded_map;
pub mod map_view;
pub mod shared_map;
