//! The map's comments as the map carries them: the JSON text of the list,
//! kept as it was read (minified), not as typed values.
//!
//! Why raw: every map is read on the first load (the library, the preview)
//! and by the editor, but comments are read only by their lazy part (the
//! panel, the counts, the merge, the report). Typed comments in the model
//! would put their readers and checks on the map path: about 10 KB of
//! gzipped wasm measured on an earlier build (the derived readers, the
//! checks, the edits), against a 416,000-byte ceiling with 3 KB to spare.
//! Kept raw, the map path holds this wrapper and one edit; the lazy part
//! reads the list with [`super::read`] (strictly, saying where a problem
//! is) and writes it back with [`super::write`]. A list that does not read
//! is kept as it is, untouched, and the panel says why.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// The `comments` field of a map: a JSON list, or nothing.
#[derive(Clone, Debug, Default)]
pub struct CommentsText(Option<Box<RawValue>>);

impl CommentsText {
    /// No comments (the field is left out of the file).
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The list's JSON text (`[]` when empty).
    pub fn json(&self) -> &str {
        self.0.as_deref().map_or("[]", RawValue::get)
    }

    /// From a list's JSON text, as [`super::write`] makes it. `None` when
    /// the text is not a JSON list.
    pub fn from_json(text: &str) -> Option<CommentsText> {
        let min = minify(text);
        if !min.starts_with('[') {
            return None;
        }
        if min == "[]" {
            return Some(CommentsText(None));
        }
        RawValue::from_string(min)
            .ok()
            .map(|raw| CommentsText(Some(raw)))
    }
}

impl PartialEq for CommentsText {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

impl Serialize for CommentsText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(raw) => raw.serialize(s),
            // The model leaves an empty list out of the file; written
            // anyway (by a caller of our own), it is `[]`.
            None => s.collect_seq(std::iter::empty::<u8>()),
        }
    }
}

impl<'de> Deserialize<'de> for CommentsText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(d)?;
        CommentsText::from_json(raw.get())
            .ok_or_else(|| serde::de::Error::custom("comments must be a list"))
    }
}

/// JSON text without the spaces between its tokens, so that a list read
/// from an indented file compares equal to the same list written compactly
/// (and re-indents once when the file is written indented again).
fn minify(text: &str) -> String {
    let mut strings = crate::core::formats::envelope::Strings::default();
    text.chars()
        .filter(|&c| strings.inside(c) || !c.is_ascii_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_kept_minified_and_compares_by_its_text() {
        let a = CommentsText::from_json("[ {\"text\": \"deux  mots\\\" \" } ]").unwrap();
        assert_eq!(a.json(), "[{\"text\":\"deux  mots\\\" \"}]");
        assert_eq!(a, CommentsText::from_json(a.json()).unwrap());
        assert!(CommentsText::from_json(" [ ] ").unwrap().is_empty());
        assert_eq!(CommentsText::default().json(), "[]");
        for not_a_list in ["{}", "7", "\"[]\"", "null", ""] {
            assert_eq!(CommentsText::from_json(not_a_list), None, "{not_a_list}");
        }
    }

    #[test]
    fn it_reads_from_a_document_and_refuses_what_is_not_a_list() {
        #[derive(Deserialize)]
        struct Doc {
            comments: CommentsText,
        }
        let doc: Doc = serde_json::from_str("{\"comments\": [1, {\"a\": [ ]}]}").unwrap();
        assert_eq!(doc.comments.json(), "[1,{\"a\":[]}]");
        let err = serde_json::from_str::<Doc>("{\"comments\": {\"a\": 1}}")
            .err()
            .unwrap();
        assert!(err.to_string().contains("comments must be a list"), "{err}");
        // And through a `Value` (the merge composes maps that way).
        let v = serde_json::json!({ "comments": [{ "id": "c1" }] });
        let doc: Doc = serde_json::from_value(v).unwrap();
        assert_eq!(doc.comments.json(), "[{\"id\":\"c1\"}]");
    }
}
