//! The words of a text that cannot be read, told in the user's language
//! from their own wasm chunk, `words`: the JSON reader's messages said again
//! in French, every located problem of a map file, every reason a stored
//! text is set aside. They are told rarely (a broken file, a damaged
//! store) but weighed about 4 KB of the first load's gzipped wasm
//! (twiggy: `Flaw`, `FormatError` and `json_words`, 9 KB before
//! optimisation, and their strings), so they come when first needed.

use crate::core::formats::map_file::OpenError;
use crate::core::storage::library::{LoadError, SetAsideReason};
use crate::core::text::i18n::{Key, Lang};
use crate::core::text::said::Said;

/// An error whose words are in the `words` chunk.
pub enum Unreadable {
    /// Why a stored text was set aside.
    SetAside(SetAsideReason),
    /// Why a file could not be opened as a map.
    Open(OpenError),
    /// Why a stored map could not be read.
    Load(LoadError),
}

crate::lazy_fn!(
    /// The words of `what` in `lang`.
    words, fn said_in_part(what: Unreadable, lang: Lang) -> String {
        match what {
            Unreadable::SetAside(e) => e.said(lang),
            Unreadable::Open(e) => e.said(lang),
            Unreadable::Load(e) => e.said(lang),
        }
    }
);

/// Say `what` in `lang`, then `tell` it, once its words are fetched; if
/// they cannot be, what is told says so.
pub fn say_then(what: Unreadable, lang: Lang, tell: impl FnOnce(String) + 'static) {
    leptos::task::spawn_local(async move {
        let text = said_in_part(what, lang)
            .await
            .unwrap_or_else(|_| lang.t(Key::PartLoadFailed).to_owned());
        tell(text);
    });
}
