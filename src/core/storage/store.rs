//! A string key–value store, the shape of the browser's localStorage.
//!
//! The library logic ([`crate::core::storage::library`]) is written against this trait, so it
//! is tested natively with [`MemoryStore`], quota and failures included; the
//! browser implementation lives in `platform::local_storage`.

use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota is full (`QuotaExceededError`, Firefox's `NS_ERROR_DOM_QUOTA_REACHED`).
    QuotaExceeded,
    /// Storage cannot be used at all (blocked, private mode, no window).
    Unavailable(String),
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl std::error::Error for StoreError {}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Size as the browser counts it against its quota: UTF-16 code units.
pub fn stored_len(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

/// An in-memory store, optionally with a quota counted like Chromium's
/// (characters of keys and values), and a switch to make every write fail.
#[derive(Debug, Default)]
pub struct MemoryStore {
    // A HashMap, not a BTreeMap: the app already compiles HashMap<String, String>,
    // and the BTree code would add kilobytes to the wasm for this fallback alone.
    data: RefCell<HashMap<String, String>>,
    quota: Option<usize>,
    failing: RefCell<Option<StoreError>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }

    /// Make every later write fail with `error` (`None`: writes work again).
    pub fn fail_writes(&self, error: Option<StoreError>) {
        *self.failing.borrow_mut() = error;
    }

    pub fn used(&self) -> usize {
        self.data
            .borrow()
            .iter()
            .map(|(k, v)| stored_len(k, v))
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.data.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(err) = self.failing.borrow().clone() {
            return Err(err);
        }
        if let Some(quota) = self.quota {
            let current = self
                .data
                .borrow()
                .get(key)
                .map_or(0, |old| stored_len(key, old));
            if self.used() - current + stored_len(key, value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.data
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.data.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.data.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_counts_utf16_units_and_refuses_overflow() {
        let s = MemoryStore::with_quota(10);
        s.set("ab", "cdéf").unwrap(); // 2 + 4
        assert_eq!(s.used(), 6);
        assert_eq!(s.set("x", "12345"), Err(StoreError::QuotaExceeded));
        s.set("ab", "12345678").unwrap(); // replacing counts only the new value
        assert_eq!(s.get("x").unwrap(), None);
    }

    #[test]
    fn failing_writes_can_be_switched_on_and_off() {
        let s = MemoryStore::new();
        s.fail_writes(Some(StoreError::Failed("disk".into())));
        assert!(s.set("k", "v").is_err());
        s.fail_writes(None);
        assert!(s.set("k", "v").is_ok());
    }
}
