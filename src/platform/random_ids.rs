//! Random ids for new maps and items: 16 base-36 characters (about 82 bits).

use crate::core::document::model::IdSource;

#[derive(Debug, Default, Clone, Copy)]
pub struct RandomIds;

impl IdSource for RandomIds {
    fn next_id(&mut self) -> String {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        (0..16)
            .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
            .collect()
    }
}
