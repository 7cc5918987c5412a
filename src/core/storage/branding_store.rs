//! The library's default branding, kept in the store under
//! [`LIBRARY_BRANDING_KEY`]: what a map's report shows where the map sets
//! no branding of its own (`Branding::over`).

use crate::core::document::branding::Branding;
use crate::core::formats::envelope::Flaw;
use crate::core::storage::store::{KeyValueStore, StoreError};

/// Where the library's default branding is kept.
pub const LIBRARY_BRANDING_KEY: &str = "parcours.branding";

/// The library's default branding; none when it was never set, or when the
/// stored text is not a valid branding (it is then left as it is).
pub fn library_branding(store: &dyn KeyValueStore) -> Result<Branding, StoreError> {
    Ok(store
        .get(LIBRARY_BRANDING_KEY)?
        .and_then(|text| serde_json::from_str::<Branding>(&text).ok())
        .filter(|b| b.problems().is_empty())
        .unwrap_or_default())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryBrandingError {
    /// The branding breaks its rules: (field, message).
    Invalid(Vec<(&'static str, Flaw)>),
    Store(StoreError),
}

/// Make `branding` the library's default (an empty one removes the default).
pub fn set_library_branding(
    store: &dyn KeyValueStore,
    branding: &Branding,
) -> Result<(), LibraryBrandingError> {
    let problems = branding.problems();
    if !problems.is_empty() {
        return Err(LibraryBrandingError::Invalid(problems));
    }
    let result = if branding.is_empty() {
        store.remove(LIBRARY_BRANDING_KEY)
    } else {
        let text = serde_json::to_string(branding).expect("a branding always serializes");
        store.set(LIBRARY_BRANDING_KEY, &text)
    };
    result.map_err(LibraryBrandingError::Store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::branding::tests::branded;
    use crate::core::storage::store::MemoryStore;

    #[test]
    fn the_library_default_is_kept_under_its_own_key() {
        let store = MemoryStore::new();
        assert_eq!(library_branding(&store).unwrap(), Branding::default());
        set_library_branding(&store, &branded()).unwrap();
        assert!(store.get(LIBRARY_BRANDING_KEY).unwrap().is_some());
        assert_eq!(library_branding(&store).unwrap(), branded());
        // Emptied: the key goes.
        set_library_branding(&store, &Branding::default()).unwrap();
        assert_eq!(store.get(LIBRARY_BRANDING_KEY).unwrap(), None);
        assert_eq!(store.keys().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn an_invalid_library_default_is_neither_written_nor_used() {
        let store = MemoryStore::new();
        let bad = Branding {
            primary: "blue".into(),
            ..Branding::default()
        };
        assert!(matches!(
            set_library_branding(&store, &bad),
            Err(LibraryBrandingError::Invalid(p)) if p[0].0 == "primary"
        ));
        assert_eq!(store.get(LIBRARY_BRANDING_KEY).unwrap(), None);
        // Written by hand (or by a newer Parcours): ignored, left in place.
        for text in ["{\"primary\":\"blue\"}", "not json", "[1]"] {
            store.set(LIBRARY_BRANDING_KEY, text).unwrap();
            assert_eq!(library_branding(&store).unwrap(), Branding::default());
            assert_eq!(
                store.get(LIBRARY_BRANDING_KEY).unwrap().as_deref(),
                Some(text)
            );
        }
    }

    #[test]
    fn a_full_store_refuses_the_default_and_says_so() {
        let store = MemoryStore::with_quota(40);
        assert_eq!(
            set_library_branding(&store, &branded()),
            Err(LibraryBrandingError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(library_branding(&store).unwrap(), Branding::default());
    }
}
