//! Comments (issue 15): a note someone signs on the map, a stage, a card or
//! a touchpoint, with replies, *Resolve* and *Reopen*.
//!
//! The map carries them as the JSON text of a list ([`text::CommentsText`]:
//! see there why); this module reads that list strictly ([`read`]), writes
//! it ([`write`]), changes it ([`add`], [`reply`], [`set_resolved`]: each
//! returns the new list, which the editor sets as one undoable edit), says
//! where each comment is and how many are open on an item, and merges two
//! copies' lists ([`merge`]) so that two people commenting at once both
//! keep theirs.
//!
//! A comment names its item by id and is never dropped with it: when the
//! stage, card or touchpoint is deleted (here, or in a copy merged in) the
//! comment stays, on a removed item. So its item is not a reference the
//! map's validation requires to resolve.

pub mod merge;
pub mod text;
pub mod words;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::core::document::model::{JourneyMap, Millis};
use crate::core::formats::json_path;
use crate::core::storage::profile;

pub use merge::merge;
pub use text::CommentsText;

/// The longest text of a comment or a reply, in characters: a long email's
/// worth (about 1,500 words). A file with more is refused, with the path.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The most replies a comment holds: far more than any discussion, few
/// enough that a crafted file cannot hold millions.
pub const MAX_REPLIES: usize = 500;
/// The most comments a map holds: 2,000 comments of 200 characters are
/// about 0.5 MB of a browser's 5 MB, which is all the maps' room.
pub const MAX_COMMENTS: usize = 2_000;

/// What a comment is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum On {
    Map,
    Stage,
    Card,
    Touchpoint,
}

/// Where a comment is: the map, or one of its items by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub on: On,
    /// The item's id; `None` on the map.
    pub item: Option<String>,
}

impl Target {
    pub fn map() -> Target {
        Target {
            on: On::Map,
            item: None,
        }
    }

    pub fn item(on: On, id: &str) -> Target {
        Target {
            on,
            item: (on != On::Map).then(|| id.to_owned()),
        }
    }
}

impl Target {
    /// What the item with this id is, in `map` (ids are unique across a
    /// map; the empty id is the map itself). An id the map no longer has is
    /// taken for a card: its comments say the item was removed.
    pub fn of_id(map: &JourneyMap, id: &str) -> Target {
        let on = if id.is_empty() {
            On::Map
        } else if map.stages.iter().any(|s| s.id == id) {
            On::Stage
        } else if map.touchpoints.iter().any(|t| t.id == id) {
            On::Touchpoint
        } else {
            On::Card
        };
        Target::item(on, id)
    }
}

/// Who settled a comment, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub by: String,
    pub at: Millis,
}

/// An answer to a comment. Its id is unique within its comment: replies
/// merge by id, so two people replying at once both keep theirs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: String,
    pub author: String,
    pub at: Millis,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: String,
    pub on: On,
    /// The stage, card or touchpoint's id (absent on the map).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub author: String,
    pub at: Millis,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// `None`: open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolution>,
    /// When it last changed (written, replied to, resolved or reopened):
    /// of two copies that both resolved or reopened it, the later wins.
    pub changed: Millis,
}

impl Comment {
    pub fn is_open(&self) -> bool {
        self.resolved.is_none()
    }

    pub fn target(&self) -> Target {
        Target {
            on: self.on,
            item: self.item.clone(),
        }
    }
}

/// What is wrong with a map's comments, and where (`map.comments[2].text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentProblem {
    pub path: String,
    pub flaw: CommentFlaw,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentFlaw {
    /// Not the shape of a comment list (serde_json's words).
    Shape(String),
    EmptyId,
    DuplicateId(String),
    /// An empty text, or more than [`MAX_TEXT_CHARS`] characters.
    TextLength,
    /// An author or resolver that is not a name (one line, 1 to 80 characters).
    NotAName,
    /// A stage, card or touchpoint comment without its item, or a map
    /// comment with one.
    Item,
    TooMany {
        max: usize,
    },
}

/// Why a change to the comments is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentError {
    /// The text is empty, or longer than [`MAX_TEXT_CHARS`].
    TextLength,
    /// No name is set yet, or it breaks the rules.
    NoName,
    /// The comment is not in the list (deleted in a merge meanwhile).
    NotFound,
    TooMany {
        max: usize,
    },
    /// The map's comments could not be read: they are kept as they are and
    /// not changed.
    Unreadable,
}

impl std::error::Error for CommentError {}

/// The map's comments, read strictly: any problem (with where it is) makes
/// the whole list unreadable, never partly read.
pub fn read(text: &CommentsText) -> Result<Vec<Comment>, Vec<CommentProblem>> {
    let json = text.json();
    let list: Vec<Comment> = serde_json::from_str(json).map_err(|e| {
        let path = json_path::path_at(json, e.line(), e.column()).unwrap_or_default();
        vec![CommentProblem {
            path: format!("map.comments{path}"),
            flaw: CommentFlaw::Shape(crate::core::formats::envelope::strip_position(
                &e.to_string(),
            )),
        }]
    })?;
    let problems = check(&list);
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(problems)
    }
}

/// The list as the map carries it.
pub fn write(list: &[Comment]) -> CommentsText {
    let json = serde_json::to_string(list).expect("comments always serialize");
    CommentsText::from_json(&json).expect("a list serializes to a JSON list")
}

fn text_ok(text: &str) -> bool {
    !text.trim().is_empty() && text.chars().count() <= MAX_TEXT_CHARS
}

/// Every rule a list breaks, with where.
fn check(list: &[Comment]) -> Vec<CommentProblem> {
    let mut problems = Vec::new();
    let mut flag = |path: String, flaw: CommentFlaw| problems.push(CommentProblem { path, flaw });
    if list.len() > MAX_COMMENTS {
        flag(
            "map.comments".into(),
            CommentFlaw::TooMany { max: MAX_COMMENTS },
        );
    }
    let mut ids = HashSet::new();
    for (i, c) in list.iter().enumerate() {
        let at = format!("map.comments[{i}]");
        if c.id.is_empty() {
            flag(format!("{at}.id"), CommentFlaw::EmptyId);
        } else if !ids.insert(c.id.as_str()) {
            flag(format!("{at}.id"), CommentFlaw::DuplicateId(c.id.clone()));
        }
        if (c.on == On::Map) != c.item.is_none() || c.item.as_deref() == Some("") {
            flag(format!("{at}.item"), CommentFlaw::Item);
        }
        if !profile::is_kept_name(&c.author) {
            flag(format!("{at}.author"), CommentFlaw::NotAName);
        }
        if !text_ok(&c.text) {
            flag(format!("{at}.text"), CommentFlaw::TextLength);
        }
        if let Some(r) = &c.resolved {
            if !profile::is_kept_name(&r.by) {
                flag(format!("{at}.resolved.by"), CommentFlaw::NotAName);
            }
        }
        if c.replies.len() > MAX_REPLIES {
            flag(
                format!("{at}.replies"),
                CommentFlaw::TooMany { max: MAX_REPLIES },
            );
        }
        let mut reply_ids = HashSet::new();
        for (j, r) in c.replies.iter().enumerate() {
            let at = format!("{at}.replies[{j}]");
            if r.id.is_empty() {
                flag(format!("{at}.id"), CommentFlaw::EmptyId);
            } else if !reply_ids.insert(r.id.as_str()) {
                flag(format!("{at}.id"), CommentFlaw::DuplicateId(r.id.clone()));
            }
            if !profile::is_kept_name(&r.author) {
                flag(format!("{at}.author"), CommentFlaw::NotAName);
            }
            if !text_ok(&r.text) {
                flag(format!("{at}.text"), CommentFlaw::TextLength);
            }
        }
    }
    problems
}

fn checked_text(text: &str) -> Result<String, CommentError> {
    let text = text.trim();
    if text_ok(text) {
        Ok(text.to_owned())
    } else {
        Err(CommentError::TextLength)
    }
}

fn checked_name(name: &str) -> Result<String, CommentError> {
    profile::valid_name(name).map_err(|_| CommentError::NoName)
}

/// The list with a new comment on `target` by `author`.
pub fn add(
    list: &[Comment],
    id: String,
    target: Target,
    author: &str,
    text: &str,
    now: Millis,
) -> Result<Vec<Comment>, CommentError> {
    if list.len() >= MAX_COMMENTS {
        return Err(CommentError::TooMany { max: MAX_COMMENTS });
    }
    let comment = Comment {
        id,
        on: target.on,
        item: target.item,
        author: checked_name(author)?,
        at: now,
        text: checked_text(text)?,
        replies: Vec::new(),
        resolved: None,
        changed: now,
    };
    let mut next = list.to_vec();
    next.push(comment);
    Ok(next)
}

fn change(
    list: &[Comment],
    comment: &str,
    f: impl FnOnce(&mut Comment) -> Result<(), CommentError>,
) -> Result<Vec<Comment>, CommentError> {
    let mut next = list.to_vec();
    let c = next
        .iter_mut()
        .find(|c| c.id == comment)
        .ok_or(CommentError::NotFound)?;
    f(c)?;
    Ok(next)
}

/// The list with a reply to `comment`.
pub fn reply(
    list: &[Comment],
    comment: &str,
    id: String,
    author: &str,
    text: &str,
    now: Millis,
) -> Result<Vec<Comment>, CommentError> {
    let author = checked_name(author)?;
    let text = checked_text(text)?;
    change(list, comment, |c| {
        if c.replies.len() >= MAX_REPLIES {
            return Err(CommentError::TooMany { max: MAX_REPLIES });
        }
        c.replies.push(Reply {
            id,
            author,
            at: now,
            text,
        });
        c.changed = c.changed.max(now);
        Ok(())
    })
}

/// The list with `comment` resolved by `by` (`Some`) or reopened (`None`).
pub fn set_resolved(
    list: &[Comment],
    comment: &str,
    by: Option<&str>,
    now: Millis,
) -> Result<Vec<Comment>, CommentError> {
    let resolution = match by {
        Some(name) => Some(Resolution {
            by: checked_name(name)?,
            at: now,
        }),
        None => None,
    };
    change(list, comment, |c| {
        c.resolved = resolution;
        c.changed = c.changed.max(now);
        Ok(())
    })
}

/// Whether the item a comment is on is still in the map.
pub fn is_live(map: &JourneyMap, target: &Target) -> bool {
    let Some(id) = target.item.as_deref() else {
        return true;
    };
    match target.on {
        On::Map => true,
        On::Stage => map.stages.iter().any(|s| s.id == id),
        On::Card => map.cards.iter().any(|c| c.id == id),
        On::Touchpoint => map.touchpoints.iter().any(|t| t.id == id),
    }
}

/// How many open comments each item carries, by item id (the map's own
/// under `""`): the counts the map shows.
pub fn open_counts(list: &[Comment]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for c in list.iter().filter(|c| c.is_open()) {
        *counts
            .entry(c.item.clone().unwrap_or_default())
            .or_insert(0) += 1;
    }
    counts
}

/// The comments in reading order: the map's first, then stage by stage (a
/// stage, its touchpoints, then its cards), then those on removed items;
/// within one place, oldest first.
pub fn in_reading_order<'a>(map: &JourneyMap, list: &'a [Comment]) -> Vec<&'a Comment> {
    const LAST: usize = usize::MAX;
    let stage_of = |c: &Comment| -> Option<(usize, usize, usize)> {
        let id = c.item.as_deref()?;
        let stage = |sid: &str| map.stages.iter().position(|s| s.id == sid);
        match c.on {
            On::Map => None,
            On::Stage => stage(id).map(|s| (s, 0, 0)),
            On::Touchpoint => {
                let i = map.touchpoints.iter().position(|t| t.id == id)?;
                stage(&map.touchpoints[i].stage).map(|s| (s, 1, i))
            }
            On::Card => {
                let i = map.cards.iter().position(|k| k.id == id)?;
                stage(&map.cards[i].stage).map(|s| (s, 2, i))
            }
        }
    };
    let mut sorted: Vec<&Comment> = list.iter().collect();
    sorted.sort_by_key(|c| {
        let place = match (c.on, stage_of(c)) {
            (On::Map, _) => (0, 0, 0, 0),
            (_, Some((s, k, i))) => (1, s, k, i),
            (_, None) => (2, LAST, LAST, LAST),
        };
        (place, c.at, c.id.clone())
    });
    sorted
}

#[cfg(test)]
mod tests;
