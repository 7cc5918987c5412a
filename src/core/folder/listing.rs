//! What a shared folder holds, as the library lists it: its maps, and the
//! files that look like maps but cannot be opened, each with the reason.
//! A file listed with a reason is never written over.

use crate::core::document::model::Millis;
use crate::core::folder::file_name;
use crate::core::formats::envelope::{self, FormatError, Stored};
use crate::core::formats::map_file::{self, OpenError};
use crate::core::storage::library::{MapEntry, QUOTA_HINT};

/// The largest file read: what one browser's localStorage can hold (the
/// working copy lives there). A larger file is listed, not read.
pub const MAX_FILE_BYTES: u64 = QUOTA_HINT as u64;

/// A file of the folder as the browser describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMeta {
    pub name: String,
    /// Its last modification, as the drive reports it.
    pub modified: Millis,
    pub size: u64,
}

/// Why a file of the folder is not opened.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { size: u64 },
    /// Not a map this Parcours can read: not text, not JSON, not a map, a
    /// newer version, or a map breaking its rules (with where).
    Unreadable(OpenError),
    /// The browser could not read it (its words, for the detail).
    ReadFailed(String),
    /// Another file of the folder holds the same map (someone copied the
    /// file): opening both would make two files of one map.
    SameMapAs { other: String },
}

/// A file of the folder, read.
#[derive(Clone, Debug, PartialEq)]
pub enum FolderEntry {
    Map {
        meta: FileMeta,
        entry: MapEntry,
        /// The browser may only read it (the share's permission).
        read_only: bool,
    },
    Unusable {
        meta: FileMeta,
        problem: FileProblem,
    },
}

impl FolderEntry {
    pub fn meta(&self) -> &FileMeta {
        match self {
            FolderEntry::Map { meta, .. } | FolderEntry::Unusable { meta, .. } => meta,
        }
    }
}

/// Should this file be read at all? Only map files, within the size limit.
pub fn worth_reading(meta: &FileMeta) -> Result<(), FileProblem> {
    if meta.size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge { size: meta.size });
    }
    Ok(())
}

/// A map file's bytes, read completely and checked as an import is.
pub fn read_file(bytes: &[u8]) -> Result<Stored, FileProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            size: bytes.len() as u64,
        });
    }
    let text = map_file::text_of(bytes).map_err(FileProblem::Unreadable)?;
    envelope::from_json(text)
        .map_err(|e: FormatError| FileProblem::Unreadable(OpenError::Format(e)))
}

/// One listed file, from what was read of it.
pub fn entry_of(meta: FileMeta, read: Result<Stored, FileProblem>, read_only: bool) -> FolderEntry {
    match read {
        Ok(stored) => {
            let size = envelope::to_json(&stored.map, stored.revision)
                .encode_utf16()
                .count();
            FolderEntry::Map {
                entry: MapEntry::of(&stored.map, size),
                meta,
                read_only,
            }
        }
        Err(problem) => FolderEntry::Unusable { meta, problem },
    }
}

/// The folder's listing, in the library's order: maps by title (then by
/// file name), then the files that cannot be opened, by name. Of two files
/// holding one map, the one modified first keeps it (it is most likely the
/// original; a copy is newer) and the other is listed with the reason.
/// Files that are not map files by name are not listed.
pub fn listing(mut entries: Vec<FolderEntry>) -> Vec<FolderEntry> {
    entries.retain(|e| file_name::is_map_file(&e.meta().name));
    entries.sort_by(|a, b| {
        (a.meta().modified, &a.meta().name).cmp(&(b.meta().modified, &b.meta().name))
    });
    let mut owners: Vec<(String, String)> = Vec::new();
    for entry in &mut entries {
        if let FolderEntry::Map {
            meta, entry: map, ..
        } = entry
        {
            match owners.iter().find(|(id, _)| *id == map.id) {
                Some((_, other)) => {
                    let problem = FileProblem::SameMapAs {
                        other: other.clone(),
                    };
                    *entry = FolderEntry::Unusable {
                        meta: meta.clone(),
                        problem,
                    };
                }
                None => owners.push((map.id.clone(), meta.name.clone())),
            }
        }
    }
    entries.sort_by(|a, b| match (a, b) {
        (
            FolderEntry::Map {
                entry: x, meta: m, ..
            },
            FolderEntry::Map {
                entry: y, meta: n, ..
            },
        ) => (x.title.to_lowercase(), &m.name).cmp(&(y.title.to_lowercase(), &n.name)),
        (FolderEntry::Map { .. }, FolderEntry::Unusable { .. }) => std::cmp::Ordering::Less,
        (FolderEntry::Unusable { .. }, FolderEntry::Map { .. }) => std::cmp::Ordering::Greater,
        (x, y) => x.meta().name.cmp(&y.meta().name),
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{sample_map, SequentialIds};
    use crate::core::formats::envelope::to_json_pretty;

    fn meta(name: &str, modified: Millis) -> FileMeta {
        FileMeta {
            name: name.into(),
            modified,
            size: 100,
        }
    }

    fn map_bytes(id: &str, title: &str) -> Vec<u8> {
        let mut map = sample_map(&mut SequentialIds::new("i"), title, 0);
        map.id = id.into();
        to_json_pretty(&map, 1).into_bytes()
    }

    #[test]
    fn maps_then_problems_and_a_copied_file_is_not_a_second_map() {
        let a = entry_of(
            meta("b.parcours.json", 10),
            read_file(&map_bytes("m1", "Zèbre")),
            false,
        );
        let copy = entry_of(
            meta("b-copy.parcours.json", 20),
            read_file(&map_bytes("m1", "Zèbre")),
            false,
        );
        let other = entry_of(
            meta("a.parcours.json", 30),
            read_file(&map_bytes("m2", "abeille")),
            true,
        );
        let broken = entry_of(
            meta("0.parcours.json", 5),
            read_file(b"{\"format\": "),
            false,
        );
        let notes = entry_of(meta("notes.json", 5), read_file(b"{}"), false);
        let listed = listing(vec![a, copy, other, broken, notes]);
        let names: Vec<&str> = listed.iter().map(|e| e.meta().name.as_str()).collect();
        assert_eq!(
            names,
            [
                "a.parcours.json",
                "b.parcours.json",
                "0.parcours.json",
                "b-copy.parcours.json"
            ]
        );
        assert!(
            matches!(&listed[0], FolderEntry::Map { read_only: true, entry, .. } if entry.title == "abeille")
        );
        assert!(matches!(
            &listed[2],
            FolderEntry::Unusable {
                problem: FileProblem::Unreadable(OpenError::Format(FormatError::Json {
                    line: 1,
                    ..
                })),
                ..
            }
        ));
        assert_eq!(
            listed[3],
            FolderEntry::Unusable {
                meta: meta("b-copy.parcours.json", 20),
                problem: FileProblem::SameMapAs {
                    other: "b.parcours.json".into()
                }
            }
        );
    }

    #[test]
    fn a_file_too_large_or_not_text_is_refused_before_reading_it_whole() {
        let big = FileMeta {
            name: "x.parcours.json".into(),
            modified: 0,
            size: MAX_FILE_BYTES + 1,
        };
        assert_eq!(
            worth_reading(&big),
            Err(FileProblem::TooLarge {
                size: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(worth_reading(&meta("x.parcours.json", 0)), Ok(()));
        assert_eq!(
            read_file(&[0xff, 0xfe, 0x00]),
            Err(FileProblem::Unreadable(OpenError::NotText))
        );
    }
}
