//! Comments (issue 15): a note someone signs on the map, a stage, a card
//! or a touchpoint, with replies, resolved and reopened.
//!
//! A comment names its target by id and is never dropped with it: when the
//! stage, card or touchpoint is deleted (here, or in a copy merged in) the
//! comment stays, and [`comment_place`] says it is on a removed item. So a
//! comment's target is not a reference the validation requires to resolve.

use serde::{Deserialize, Serialize};

use crate::core::document::model::{JourneyMap, Millis};

/// The longest text of a comment or a reply, in characters: a long email's
/// worth (about 1,500 words). Hostile files with more are refused, with the
/// path of the text.
pub const MAX_COMMENT_CHARS: usize = 10_000;
/// The most replies a comment holds: far more than any discussion, few
/// enough that a crafted file cannot hold millions (500 × 10,000 chars is
/// at most 5 M characters per comment).
pub const MAX_REPLIES: usize = 500;
/// The longest author's name, in characters: the same limit as the name a
/// user sets ([`crate::core::storage::profile`]).
pub const MAX_AUTHOR_CHARS: usize = 80;

/// What a comment is on. In files: `{"on":"map"}`, `{"on":"card","id":"c1"}`.
///
/// Read and written through [`TargetInFile`], a plain struct, rather than as
/// a serde internally tagged enum: that one buffers values through serde's
/// `Content`, code the wasm has nowhere else (the editor's part would carry
/// it for every map it opens).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TargetInFile", into = "TargetInFile")]
pub enum CommentTarget {
    /// The whole map.
    Map,
    Stage {
        id: String,
    },
    Card {
        id: String,
    },
    Touchpoint {
        id: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum TargetKind {
    Map,
    Stage,
    Card,
    Touchpoint,
}

/// A [`CommentTarget`] as the file writes it.
#[derive(Serialize, Deserialize)]
struct TargetInFile {
    on: TargetKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
}

impl TryFrom<TargetInFile> for CommentTarget {
    type Error = &'static str;
    fn try_from(t: TargetInFile) -> Result<Self, Self::Error> {
        Ok(match (t.on, t.id) {
            (TargetKind::Map, None) => CommentTarget::Map,
            // In serde's words, so that `json_words` says them in French too.
            (TargetKind::Map, Some(_)) => return Err("unknown field `id`, expected `on`"),
            (_, None) => return Err("missing field `id`"),
            (TargetKind::Stage, Some(id)) => CommentTarget::Stage { id },
            (TargetKind::Card, Some(id)) => CommentTarget::Card { id },
            (TargetKind::Touchpoint, Some(id)) => CommentTarget::Touchpoint { id },
        })
    }
}

impl From<CommentTarget> for TargetInFile {
    fn from(t: CommentTarget) -> Self {
        let (on, id) = match t {
            CommentTarget::Map => (TargetKind::Map, None),
            CommentTarget::Stage { id } => (TargetKind::Stage, Some(id)),
            CommentTarget::Card { id } => (TargetKind::Card, Some(id)),
            CommentTarget::Touchpoint { id } => (TargetKind::Touchpoint, Some(id)),
        };
        TargetInFile { on, id }
    }
}

impl CommentTarget {
    /// The id of the item it is on (`None`: the map).
    pub fn id(&self) -> Option<&str> {
        match self {
            CommentTarget::Map => None,
            CommentTarget::Stage { id }
            | CommentTarget::Card { id }
            | CommentTarget::Touchpoint { id } => Some(id),
        }
    }

    /// The id, mutably (the duplicate renames it).
    pub fn id_mut(&mut self) -> Option<&mut String> {
        match self {
            CommentTarget::Map => None,
            CommentTarget::Stage { id }
            | CommentTarget::Card { id }
            | CommentTarget::Touchpoint { id } => Some(id),
        }
    }
}

/// Who settled a comment, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub by: String,
    pub at: Millis,
}

/// An answer to a comment. Its id is unique within its comment (replies
/// merge by id: two people replying at once both keep theirs).
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
    pub target: CommentTarget,
    pub author: String,
    pub at: Millis,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// `None`: open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolution>,
}

impl Comment {
    pub fn is_open(&self) -> bool {
        self.resolved.is_none()
    }
}

/// Where a comment is, as the map stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// On an item the map has (or on the map itself).
    Live(CommentTarget),
    /// On a stage, card or touchpoint since deleted: the comment is kept.
    Removed(CommentTarget),
}

/// Where `comment` is in `map`.
pub fn comment_place(map: &JourneyMap, comment: &Comment) -> Place {
    let target = comment.target.clone();
    let live = match &comment.target {
        CommentTarget::Map => true,
        CommentTarget::Stage { id } => map.stage_index(id).is_some(),
        CommentTarget::Card { id } => map.card_index(id).is_some(),
        CommentTarget::Touchpoint { id } => map.touchpoint_index(id).is_some(),
    };
    if live {
        Place::Live(target)
    } else {
        Place::Removed(target)
    }
}

/// How many open comments are on `target` (the count an item shows).
pub fn open_count(map: &JourneyMap, target: &CommentTarget) -> usize {
    map.comments
        .iter()
        .filter(|c| c.is_open() && &c.target == target)
        .count()
}

/// The rank of a place in reading order: the map first, then stage by
/// stage (a stage, its touchpoints, then its cards lane by lane), removed
/// items last.
fn place_rank(map: &JourneyMap, place: &Place) -> (usize, usize, usize, usize) {
    const LAST: usize = usize::MAX;
    let Place::Live(target) = place else {
        return (LAST, LAST, LAST, LAST);
    };
    match target {
        CommentTarget::Map => (0, 0, 0, 0),
        CommentTarget::Stage { id } => (1, map.stage_index(id).unwrap_or(LAST), 0, 0),
        CommentTarget::Touchpoint { id } => {
            let stage = map
                .touchpoint(id)
                .and_then(|t| map.stage_index(&t.stage))
                .unwrap_or(LAST);
            (1, stage, 1, map.touchpoint_index(id).unwrap_or(LAST))
        }
        CommentTarget::Card { id } => {
            let card = map.card(id);
            let stage = card.and_then(|c| map.stage_index(&c.stage)).unwrap_or(LAST);
            let lane = card.and_then(|c| map.lane_index(&c.lane)).unwrap_or(LAST);
            let index = map.card_index(id).unwrap_or(LAST);
            (1, stage, 2 + lane.min(LAST - 2), index)
        }
    }
}

/// The open comments with their places, for the panel and the report:
/// in the map's reading order of their places (removed items last), then
/// oldest first.
pub fn open_comments(map: &JourneyMap) -> Vec<(&Comment, Place)> {
    let mut open: Vec<(&Comment, Place)> = map
        .comments
        .iter()
        .filter(|c| c.is_open())
        .map(|c| (c, comment_place(map, c)))
        .collect();
    open.sort_by_cached_key(|(c, place)| (place_rank(map, place), c.at, c.id.clone()));
    open
}

/// What is wrong with one comment beyond its shape, as (path from the
/// comment, what): texts and names too long, too many replies, reply ids
/// empty or repeated within the comment.
pub fn comment_problems(c: &Comment) -> Vec<(String, CommentFlaw)> {
    let mut out = Vec::new();
    let long = |text: &str, max: usize| text.chars().count() > max;
    if long(&c.text, MAX_COMMENT_CHARS) {
        out.push(("text".to_owned(), CommentFlaw::TooLong(MAX_COMMENT_CHARS)));
    }
    if long(&c.author, MAX_AUTHOR_CHARS) {
        out.push(("author".to_owned(), CommentFlaw::TooLong(MAX_AUTHOR_CHARS)));
    }
    if let Some(r) = &c.resolved {
        if long(&r.by, MAX_AUTHOR_CHARS) {
            out.push((
                "resolved.by".to_owned(),
                CommentFlaw::TooLong(MAX_AUTHOR_CHARS),
            ));
        }
    }
    if c.replies.len() > MAX_REPLIES {
        out.push((
            "replies".to_owned(),
            CommentFlaw::TooManyReplies(MAX_REPLIES),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, r) in c.replies.iter().enumerate() {
        if r.id.is_empty() || !seen.insert(r.id.as_str()) {
            out.push((format!("replies[{i}].id"), CommentFlaw::ReplyId));
        }
        if long(&r.text, MAX_COMMENT_CHARS) {
            out.push((
                format!("replies[{i}].text"),
                CommentFlaw::TooLong(MAX_COMMENT_CHARS),
            ));
        }
        if long(&r.author, MAX_AUTHOR_CHARS) {
            out.push((
                format!("replies[{i}].author"),
                CommentFlaw::TooLong(MAX_AUTHOR_CHARS),
            ));
        }
    }
    out
}

/// What is wrong in a comment (see [`comment_problems`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentFlaw {
    /// More characters than this.
    TooLong(usize),
    /// More replies than this.
    TooManyReplies(usize),
    /// A reply's id empty or used by another reply of the comment.
    ReplyId,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::document::model::{sample_map, SequentialIds};

    /// A comment on the map and on its first stage, card and touchpoint
    /// (those it has), with a reply and one resolved: for tests elsewhere.
    pub(crate) fn one_on_each(map: &JourneyMap) -> Vec<Comment> {
        let mut targets = vec![CommentTarget::Map];
        targets.extend(
            map.stages
                .first()
                .map(|s| CommentTarget::Stage { id: s.id.clone() }),
        );
        targets.extend(
            map.cards
                .first()
                .map(|c| CommentTarget::Card { id: c.id.clone() }),
        );
        targets.extend(
            map.touchpoints
                .first()
                .map(|t| CommentTarget::Touchpoint { id: t.id.clone() }),
        );
        targets
            .into_iter()
            .enumerate()
            .map(|(i, target)| Comment {
                replies: vec![Reply {
                    id: format!("r{i}"),
                    author: "Bo".into(),
                    at: 2,
                    text: "<b>agreed</b>".into(),
                }],
                resolved: (i == 1).then(|| Resolution {
                    by: "Bo".into(),
                    at: 3,
                }),
                ..comment(&format!("k{i}"), target, i as Millis)
            })
            .collect()
    }

    fn comment(id: &str, target: CommentTarget, at: Millis) -> Comment {
        Comment {
            id: id.into(),
            target,
            author: "Ana".into(),
            at,
            text: format!("about {id}"),
            replies: Vec::new(),
            resolved: None,
        }
    }

    #[test]
    fn a_target_has_a_stable_tagged_form() {
        let json = |t: &CommentTarget| serde_json::to_string(t).unwrap();
        assert_eq!(json(&CommentTarget::Map), r#"{"on":"map"}"#);
        assert_eq!(
            json(&CommentTarget::Card { id: "c1".into() }),
            r#"{"on":"card","id":"c1"}"#
        );
        assert_eq!(
            json(&CommentTarget::Touchpoint { id: "t".into() }),
            r#"{"on":"touchpoint","id":"t"}"#
        );
        assert!(serde_json::from_str::<CommentTarget>(r#"{"on":"lane","id":"l"}"#).is_err());
        assert!(serde_json::from_str::<CommentTarget>(r#"{"on":"card"}"#).is_err());
        assert!(serde_json::from_str::<CommentTarget>(r#"{"on":"map","id":"x"}"#).is_err());
        for t in one_on_each(&sample_map(&mut SequentialIds::new("m"), "M", 1))
            .into_iter()
            .map(|c| c.target)
        {
            let back: CommentTarget = serde_json::from_str(&json(&t)).unwrap();
            assert_eq!(back, t);
        }
    }

    #[test]
    fn a_comment_on_a_deleted_item_is_kept_and_placed_on_a_removed_item() {
        let mut map = sample_map(&mut SequentialIds::new("m"), "M", 1);
        let card = map.cards[0].id.clone();
        let on_card = CommentTarget::Card { id: card.clone() };
        map.comments.push(comment("k1", on_card.clone(), 5));
        assert_eq!(
            comment_place(&map, &map.comments[0]),
            Place::Live(on_card.clone())
        );
        assert_eq!(open_count(&map, &on_card), 1);
        map.cards.clear();
        assert_eq!(
            comment_place(&map, &map.comments[0]),
            Place::Removed(on_card)
        );
        assert_eq!(
            comment_place(&map, &comment("k2", CommentTarget::Map, 1)),
            Place::Live(CommentTarget::Map)
        );
    }

    #[test]
    fn open_comments_come_in_reading_order_then_oldest_first() {
        let mut map = sample_map(&mut SequentialIds::new("m"), "M", 1);
        let (s0, s1) = (map.stages[0].id.clone(), map.stages[1].id.clone());
        let card = map.cards[0].id.clone(); // in stage 0
        map.comments = vec![
            comment("gone", CommentTarget::Card { id: "ghost".into() }, 1),
            comment("late", CommentTarget::Stage { id: s1 }, 2),
            comment("card", CommentTarget::Card { id: card }, 3),
            comment("s0b", CommentTarget::Stage { id: s0.clone() }, 9),
            comment("s0a", CommentTarget::Stage { id: s0 }, 4),
            comment("map", CommentTarget::Map, 100),
            Comment {
                resolved: Some(Resolution {
                    by: "Bo".into(),
                    at: 7,
                }),
                ..comment("done", CommentTarget::Map, 0)
            },
        ];
        let order: Vec<&str> = open_comments(&map)
            .iter()
            .map(|(c, _)| c.id.as_str())
            .collect();
        assert_eq!(order, ["map", "s0a", "s0b", "card", "late", "gone"]);
        assert!(matches!(
            open_comments(&map).last().unwrap().1,
            Place::Removed(_)
        ));
    }

    #[test]
    fn hostile_comments_are_located() {
        let mut c = comment("k", CommentTarget::Map, 0);
        assert!(comment_problems(&c).is_empty());
        c.text = "x".repeat(MAX_COMMENT_CHARS);
        assert!(comment_problems(&c).is_empty(), "the limit itself is fine");
        c.text.push('é');
        let reply = |id: &str| Reply {
            id: id.into(),
            author: "Bo".into(),
            at: 1,
            text: "ok".into(),
        };
        c.replies = vec![reply("r1"), reply("r1"), reply("")];
        c.replies[0].author = "a".repeat(MAX_AUTHOR_CHARS + 1);
        let paths: Vec<String> = comment_problems(&c).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "text",
                "replies[0].author",
                "replies[1].id",
                "replies[2].id"
            ]
        );
        c.text.clear();
        c.replies = (0..=MAX_REPLIES).map(|i| reply(&format!("r{i}"))).collect();
        assert_eq!(
            comment_problems(&c),
            [(
                "replies".to_owned(),
                CommentFlaw::TooManyReplies(MAX_REPLIES)
            )]
        );
    }
}
