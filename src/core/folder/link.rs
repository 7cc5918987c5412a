//! Which maps of the library are files of the shared folder, kept beside the
//! library in the same store: the folder's name once connected, and for each
//! linked map its file's name and what was last seen of that file (so that
//! a change made while the map was closed is noticed when it opens).
//!
//! A link that cannot be read is treated as no link: the map stays in the
//! library, and linking it again is one click. Nothing of the map is lost.

use serde::{Deserialize, Serialize};

use crate::core::folder::watch::Seen;
use crate::core::storage::store::{KeyValueStore, StoreError};

/// The connected folder's name (the handle itself lives in IndexedDB).
pub const FOLDER_KEY: &str = "parcours.folder";
pub const LINK_PREFIX: &str = "parcours.folder.link.";

pub fn link_key(map_id: &str) -> String {
    format!("{LINK_PREFIX}{map_id}")
}

/// A map of the library that is a file of the folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub file: String,
    /// The file as last read or written by this browser; `None` until then.
    #[serde(default)]
    pub modified: Option<i64>,
    #[serde(default)]
    pub size: Option<u64>,
}

impl Link {
    pub fn new(file: &str) -> Self {
        Link {
            file: file.to_owned(),
            modified: None,
            size: None,
        }
    }

    pub fn seen(&self) -> Option<Seen> {
        Some(Seen {
            modified: self.modified?,
            size: self.size?,
        })
    }

    pub fn with_seen(&self, seen: Seen) -> Self {
        Link {
            file: self.file.clone(),
            modified: Some(seen.modified),
            size: Some(seen.size),
        }
    }
}

/// The name of the connected folder, if one is. Kept as the plain name,
/// not JSON: the library reads it at every visit (first load), and a JSON
/// reader there would weigh more than the whole folder door.
pub fn connected(store: &dyn KeyValueStore) -> Option<String> {
    store
        .get(FOLDER_KEY)
        .ok()
        .flatten()
        .filter(|name| !name.trim().is_empty())
}

pub fn set_connected(store: &dyn KeyValueStore, name: &str) -> Result<(), StoreError> {
    store.set(FOLDER_KEY, name)
}

/// Is this map a file of the folder? Only whether a link is kept (the
/// editor asks this on the map path; reading the link is the banner's).
pub fn is_linked(store: &dyn KeyValueStore, map_id: &str) -> bool {
    matches!(store.get(&link_key(map_id)), Ok(Some(_)))
}

/// Forget the folder and every link to it (the maps stay in the library).
pub fn disconnect(store: &dyn KeyValueStore) -> Result<(), StoreError> {
    for key in store.keys()? {
        if key.starts_with(LINK_PREFIX) {
            store.remove(&key)?;
        }
    }
    store.remove(FOLDER_KEY)
}

pub fn link(store: &dyn KeyValueStore, map_id: &str) -> Option<Link> {
    let raw = store.get(&link_key(map_id)).ok()??;
    serde_json::from_str(&raw).ok()
}

pub fn set_link(store: &dyn KeyValueStore, map_id: &str, link: &Link) -> Result<(), StoreError> {
    let text = serde_json::to_string(link).map_err(|e| StoreError::Failed(e.to_string()))?;
    store.set(&link_key(map_id), &text)
}

pub fn unlink(store: &dyn KeyValueStore, map_id: &str) -> Result<(), StoreError> {
    store.remove(&link_key(map_id))
}

/// Every linked map: (map id, link), by file name.
pub fn links(store: &dyn KeyValueStore) -> Vec<(String, Link)> {
    let mut found: Vec<(String, Link)> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| {
            let id = key.strip_prefix(LINK_PREFIX)?.to_owned();
            let link = link(store, &id)?;
            Some((id, link))
        })
        .collect();
    found.sort_by(|a, b| a.1.file.cmp(&b.1.file));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::store::MemoryStore;

    #[test]
    fn links_are_kept_beside_the_library_and_forgotten_with_the_folder() {
        let store = MemoryStore::new();
        assert_eq!(connected(&store), None);
        set_connected(&store, "Équipe CX").unwrap();
        assert_eq!(connected(&store).as_deref(), Some("Équipe CX"));
        let l = Link::new("onboarding.parcours.json");
        assert_eq!(l.seen(), None);
        let seen = l.with_seen(Seen {
            modified: 5,
            size: 9,
        });
        set_link(&store, "m1", &seen).unwrap();
        set_link(&store, "m2", &Link::new("a.parcours.json")).unwrap();
        store.set("parcours.map.m1", "{}").unwrap();
        assert_eq!(
            link(&store, "m1").unwrap().seen(),
            Some(Seen {
                modified: 5,
                size: 9
            })
        );
        assert_eq!(
            links(&store)
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>(),
            ["m2", "m1"]
        );
        unlink(&store, "m2").unwrap();
        assert_eq!(link(&store, "m2"), None);
        disconnect(&store).unwrap();
        assert_eq!(connected(&store), None);
        assert_eq!(link(&store, "m1"), None);
        // The map itself stays.
        assert_eq!(store.get("parcours.map.m1").unwrap().as_deref(), Some("{}"));
    }

    #[test]
    fn an_unreadable_link_is_no_link() {
        let store = MemoryStore::new();
        store.set(&link_key("m1"), "not json").unwrap();
        store.set(FOLDER_KEY, " ").unwrap();
        assert_eq!(link(&store, "m1"), None);
        assert!(is_linked(&store, "m1"));
        assert!(!is_linked(&store, "m2"));
        assert_eq!(connected(&store), None);
        assert!(links(&store).is_empty());
    }
}
