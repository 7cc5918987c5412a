//! Two copies of one map, edited apart, merged back together.
//!
//! Each copy records its changes ([`record`]): which browser made each
//! change to each field, which items it deleted, which groups it reordered,
//! and how many changes of every browser it has seen. [`merge`] uses that to
//! take, item by item, whatever one side changed that the other had not
//! seen, and to list as conflicts what both sides changed differently.

mod clock;
mod describe;
mod fields;
mod items;
mod merge;
pub mod merge_words;
mod stamp;

#[cfg(test)]
mod merge_tests;

pub use clock::{Dot, SyncState, CREATED};
pub use describe::{describe, ConflictText};
pub use items::{Collection, MAP_ITEM};
pub use merge::{merge, resolve, Conflict, ConflictKind, MergeError, Merged, Side};
pub use stamp::record;
