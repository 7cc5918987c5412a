//! Maps shown read-only: from a share link, or embedded in another page.

pub mod embed_frame;
pub mod embedded_map;
pub mod embedded_source;
pub mod map_preview;
pub mod map_view;
pub mod shared_map;
