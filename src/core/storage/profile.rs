//! The user's name (issue 15), set once (asked when a shared folder is
//! connected, changeable in the folder's section) and kept in this browser:
//! it signs what this person writes to the folder and the versions taken
//! here. Kept in the store under [`PROFILE_KEY`] as `{"name":"…"}`, an
//! object so that later settings of the person fit in. Only lazy parts read
//! it (the folder's and the history's), so none of this is in the first load.

use serde::{Deserialize, Serialize};

use crate::core::storage::store::{KeyValueStore, StoreError};
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

/// Where the profile is kept.
pub const PROFILE_KEY: &str = "parcours.profile";
/// Where an unreadable profile is set aside before a new name is written:
/// nothing stored is ever overwritten unread.
pub const PROFILE_ASIDE_KEY: &str = "parcours.profile.unreadable";
/// The longest name, in characters: a full name with a team
/// ("Camille Durand-Lefèvre (Service client)" is 41) fits twice over, and a
/// banner line stays one line.
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Serialize, Deserialize)]
struct Stored {
    name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Nothing but spaces.
    Empty,
    /// More characters than this, once trimmed.
    TooLong(usize),
    /// A control character (a line break, a tab…): a name is one line.
    ControlCharacter,
    /// The stored profile is not one this Parcours reads (left untouched).
    Unreadable,
    Store(StoreError),
}

impl std::error::Error for ProfileError {}

crate::display_in_english!(ProfileError);

impl Said for ProfileError {
    fn said(&self, lang: Lang) -> String {
        match self {
            ProfileError::Empty => say!(
                lang,
                "your name cannot be empty",
                "votre nom ne peut pas être vide"
            ),
            ProfileError::TooLong(max) => say!(
                lang,
                "your name has at most {max} characters",
                "votre nom a au plus {max} caractères"
            ),
            ProfileError::ControlCharacter => say!(
                lang,
                "your name is one line, without tabs or line breaks",
                "votre nom tient sur une ligne, sans tabulation ni saut de ligne"
            ),
            ProfileError::Unreadable => say!(
                lang,
                "the stored name could not be read; it was left untouched",
                "le nom enregistré n'a pas pu être lu ; il a été laissé intact"
            ),
            ProfileError::Store(e) => e.said(lang),
        }
    }
}

/// `name` as it is kept: trimmed, one line, 1 to [`MAX_NAME_CHARS`] characters.
pub fn valid_name(name: &str) -> Result<String, ProfileError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ProfileError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ProfileError::TooLong(MAX_NAME_CHARS));
    }
    if name.chars().any(char::is_control) {
        return Err(ProfileError::ControlCharacter);
    }
    Ok(name.to_owned())
}

/// Whether `name` is a name as it is kept: it follows the rules and is
/// already trimmed. Names read back (the stored profile, a signed file, a
/// comment's author) must be, not merely become one once trimmed.
pub fn is_kept_name(name: &str) -> bool {
    valid_name(name).is_ok_and(|n| n == name)
}

/// The user's name; `None` when never set. A stored profile that does not
/// read as one (or whose name breaks the rules) is [`ProfileError::Unreadable`]
/// and stays as it is.
pub fn read_name(store: &dyn KeyValueStore) -> Result<Option<String>, ProfileError> {
    let Some(text) = store.get(PROFILE_KEY).map_err(ProfileError::Store)? else {
        return Ok(None);
    };
    let stored: Stored = serde_json::from_str(&text).map_err(|_| ProfileError::Unreadable)?;
    if is_kept_name(&stored.name) {
        Ok(Some(stored.name))
    } else {
        Err(ProfileError::Unreadable)
    }
}

/// Set the user's name (checked by [`valid_name`]); returns it as kept. An
/// unreadable stored profile is first set aside under
/// [`PROFILE_ASIDE_KEY`]; when that place is taken too, nothing is written.
pub fn write_name(store: &dyn KeyValueStore, name: &str) -> Result<String, ProfileError> {
    let name = valid_name(name)?;
    if let Some(old) = store.get(PROFILE_KEY).map_err(ProfileError::Store)? {
        if matches!(read_name(store), Err(ProfileError::Unreadable)) {
            if store
                .get(PROFILE_ASIDE_KEY)
                .map_err(ProfileError::Store)?
                .is_some()
            {
                return Err(ProfileError::Unreadable);
            }
            store
                .set(PROFILE_ASIDE_KEY, &old)
                .map_err(ProfileError::Store)?;
        }
    }
    let text =
        serde_json::to_string(&Stored { name: name.clone() }).expect("a profile always serializes");
    store.set(PROFILE_KEY, &text).map_err(ProfileError::Store)?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::store::MemoryStore;

    #[test]
    fn a_name_is_set_once_read_back_and_changed() {
        let store = MemoryStore::new();
        assert_eq!(read_name(&store), Ok(None));
        assert_eq!(
            write_name(&store, "  Léa Martin \u{a0}"),
            Ok("Léa Martin".into())
        );
        assert_eq!(read_name(&store), Ok(Some("Léa Martin".into())));
        assert_eq!(write_name(&store, "<b>Sam</b>"), Ok("<b>Sam</b>".into()));
        assert_eq!(
            read_name(&store),
            Ok(Some("<b>Sam</b>".into())),
            "text stays text"
        );
        assert_eq!(store.keys().unwrap(), [PROFILE_KEY]);
    }

    #[test]
    fn names_are_one_line_of_1_to_80_characters() {
        assert_eq!(valid_name(" \t "), Err(ProfileError::Empty));
        assert_eq!(
            valid_name(&"é".repeat(MAX_NAME_CHARS)).map(|n| n.chars().count()),
            Ok(80)
        );
        assert_eq!(
            valid_name(&"é".repeat(MAX_NAME_CHARS + 1)),
            Err(ProfileError::TooLong(MAX_NAME_CHARS))
        );
        for bad in ["Léa\nMartin", "a\u{7}b", "a\u{200b}\u{0}b"] {
            assert_eq!(
                valid_name(bad),
                Err(ProfileError::ControlCharacter),
                "{bad:?}"
            );
        }
        let store = MemoryStore::new();
        assert_eq!(write_name(&store, ""), Err(ProfileError::Empty));
        assert_eq!(store.get(PROFILE_KEY).unwrap(), None, "nothing written");
    }

    #[test]
    fn an_unreadable_profile_is_never_overwritten_unread() {
        let store = MemoryStore::new();
        for text in [
            "not json",
            "{\"name\":7}",
            "{\"name\":\"a\\nb\"}",
            "{\"name\":\" x\"}",
        ] {
            store.set(PROFILE_KEY, text).unwrap();
            assert_eq!(read_name(&store), Err(ProfileError::Unreadable), "{text}");
        }
        assert_eq!(write_name(&store, "Léa"), Ok("Léa".into()));
        assert_eq!(
            store.get(PROFILE_ASIDE_KEY).unwrap().as_deref(),
            Some("{\"name\":\" x\"}"),
            "set aside"
        );
        // Unreadable again, and the place aside is taken: nothing is written.
        store.set(PROFILE_KEY, "garbage").unwrap();
        assert_eq!(write_name(&store, "Sam"), Err(ProfileError::Unreadable));
        assert_eq!(store.get(PROFILE_KEY).unwrap().as_deref(), Some("garbage"));
    }

    #[test]
    fn a_full_store_says_so_and_keeps_the_old_name() {
        let store = MemoryStore::with_quota(40);
        write_name(&store, "Léa").unwrap();
        assert_eq!(
            write_name(&store, &"x".repeat(40)),
            Err(ProfileError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(read_name(&store), Ok(Some("Léa".into())));
    }

    #[test]
    fn every_profile_error_is_said_in_both_languages() {
        for e in [
            ProfileError::Empty,
            ProfileError::TooLong(80),
            ProfileError::ControlCharacter,
            ProfileError::Unreadable,
            ProfileError::Store(StoreError::QuotaExceeded),
        ] {
            let (en, fr) = (e.said(Lang::En), e.said(Lang::Fr));
            assert!(!en.is_empty() && en != fr, "{e:?}");
        }
        assert!(ProfileError::TooLong(80).to_string().contains("80"));
    }
}
