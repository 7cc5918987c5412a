//! Edits of comments (issue 15): add, change its text (its author only),
//! reply, resolve, reopen, delete a comment or a reply. Limits are checked
//! here as the validation checks files, so an edit never makes a map its
//! own reading would refuse.

use super::ensure_unique;
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::comment::{
    Comment, Resolution, MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_REPLIES,
};
use crate::core::document::model::JourneyMap;

fn ensure_length(text: &str, max: usize) -> Result<(), EditError> {
    if text.chars().count() > max {
        Err(EditError::TooLong(max))
    } else {
        Ok(())
    }
}

fn index_of(map: &JourneyMap, id: &str) -> Result<usize, EditError> {
    map.comments
        .iter()
        .position(|c| c.id == id)
        .ok_or_else(|| not_found("comment", id))
}

/// A new comment's limits: as [`crate::core::document::comment::comment_problems`] checks them.
fn ensure_comment(comment: &Comment) -> Result<(), EditError> {
    ensure_length(&comment.text, MAX_COMMENT_CHARS)?;
    ensure_length(&comment.author, MAX_AUTHOR_CHARS)?;
    if let Some(r) = &comment.resolved {
        ensure_length(&r.by, MAX_AUTHOR_CHARS)?;
    }
    if comment.replies.len() > MAX_REPLIES {
        return Err(EditError::TooManyReplies(MAX_REPLIES));
    }
    let mut seen = std::collections::HashSet::new();
    for r in &comment.replies {
        ensure_length(&r.text, MAX_COMMENT_CHARS)?;
        ensure_length(&r.author, MAX_AUTHOR_CHARS)?;
        if r.id.is_empty() || !seen.insert(r.id.as_str()) {
            return Err(EditError::DuplicateId(r.id.clone()));
        }
    }
    Ok(())
}

/// What an edit of comment `id` touches: the comment, and the list when
/// what the counts and the panel show (which comments are open) changes.
fn touched(id: &str, list_too: bool) -> Vec<Scope> {
    let mut scopes = vec![Scope::Comment(id.to_owned())];
    if list_too {
        scopes.push(Scope::Comments);
    }
    scopes
}

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::AddComment { index, comment } => {
            ensure_unique(map, &comment.id)?;
            ensure_comment(&comment)?;
            let id = comment.id.clone();
            map.comments.insert(index.min(map.comments.len()), comment);
            applied(Edit::DeleteComment(id), vec![Scope::Comments])
        }
        Edit::DeleteComment(id) => {
            let index = index_of(map, &id)?;
            let comment = map.comments.remove(index);
            applied(Edit::AddComment { index, comment }, vec![Scope::Comments])
        }
        Edit::EditCommentText { id, by, text } => {
            let index = index_of(map, &id)?;
            if map.comments[index].author != by {
                return Err(EditError::NotAuthor);
            }
            ensure_length(&text, MAX_COMMENT_CHARS)?;
            let old = std::mem::replace(&mut map.comments[index].text, text);
            applied(
                Edit::EditCommentText {
                    id: id.clone(),
                    by,
                    text: old,
                },
                touched(&id, false),
            )
        }
        Edit::AddReply {
            comment,
            index,
            reply,
        } => {
            let at = index_of(map, &comment)?;
            let c = &map.comments[at];
            if c.replies.len() >= MAX_REPLIES {
                return Err(EditError::TooManyReplies(MAX_REPLIES));
            }
            if reply.id.is_empty() || c.replies.iter().any(|r| r.id == reply.id) {
                return Err(EditError::DuplicateId(reply.id));
            }
            ensure_length(&reply.text, MAX_COMMENT_CHARS)?;
            ensure_length(&reply.author, MAX_AUTHOR_CHARS)?;
            let reply_id = reply.id.clone();
            let replies = &mut map.comments[at].replies;
            replies.insert(index.min(replies.len()), reply);
            applied(
                Edit::DeleteReply {
                    comment: comment.clone(),
                    reply: reply_id,
                },
                touched(&comment, false),
            )
        }
        Edit::DeleteReply { comment, reply } => {
            let at = index_of(map, &comment)?;
            let replies = &mut map.comments[at].replies;
            let index = replies
                .iter()
                .position(|r| r.id == reply)
                .ok_or_else(|| not_found("reply", &reply))?;
            let reply = replies.remove(index);
            applied(
                Edit::AddReply {
                    comment: comment.clone(),
                    index,
                    reply,
                },
                touched(&comment, false),
            )
        }
        Edit::ResolveComment { id, by, at } => {
            let index = index_of(map, &id)?;
            if map.comments[index].resolved.is_some() {
                return Err(EditError::AlreadyResolved);
            }
            ensure_length(&by, MAX_AUTHOR_CHARS)?;
            map.comments[index].resolved = Some(Resolution { by, at });
            applied(Edit::ReopenComment(id.clone()), touched(&id, true))
        }
        Edit::ReopenComment(id) => {
            let index = index_of(map, &id)?;
            let Some(Resolution { by, at }) = map.comments[index].resolved.take() else {
                return Err(EditError::NotResolved);
            };
            applied(
                Edit::ResolveComment {
                    id: id.clone(),
                    by,
                    at,
                },
                touched(&id, true),
            )
        }
        other => misrouted(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::comment::{CommentTarget, Reply};
    use crate::core::document::edit::fixtures::*;
    use crate::core::formats::envelope::validate;

    fn commented() -> JourneyMap {
        let mut m = map();
        m.comments.push(Comment {
            id: "k1".into(),
            target: CommentTarget::Card { id: "c1".into() },
            author: "Ana".into(),
            at: 10,
            text: "Is this <b>right</b>?".into(),
            replies: vec![Reply {
                id: "r1".into(),
                author: "Bo".into(),
                at: 11,
                text: "Yes".into(),
            }],
            resolved: None,
        });
        m
    }

    fn reply(id: &str) -> Reply {
        Reply {
            id: id.into(),
            author: "Cy".into(),
            at: 12,
            text: "also".into(),
        }
    }

    #[test]
    fn every_comment_edit_is_undone_by_its_inverse() {
        let m = commented();
        roundtrip_on(
            m.clone(),
            Edit::AddComment {
                index: 0,
                comment: Comment {
                    id: "k2".into(),
                    target: CommentTarget::Map,
                    ..m.comments[0].clone()
                },
            },
        );
        roundtrip_on(m.clone(), Edit::DeleteComment("k1".into()));
        roundtrip_on(
            m.clone(),
            Edit::EditCommentText {
                id: "k1".into(),
                by: "Ana".into(),
                text: "Fixed".into(),
            },
        );
        roundtrip_on(
            m.clone(),
            Edit::AddReply {
                comment: "k1".into(),
                index: 0,
                reply: reply("r2"),
            },
        );
        roundtrip_on(
            m.clone(),
            Edit::DeleteReply {
                comment: "k1".into(),
                reply: "r1".into(),
            },
        );
        let resolve = Edit::ResolveComment {
            id: "k1".into(),
            by: "Bo".into(),
            at: 20,
        };
        roundtrip_on(m.clone(), resolve.clone());
        let mut resolved = m.clone();
        resolve.apply(&mut resolved).unwrap();
        assert!(validate(&resolved).is_empty());
        roundtrip_on(resolved, Edit::ReopenComment("k1".into()));
    }

    #[test]
    fn comment_edits_keep_their_rules_and_leave_the_map_alone_when_refused() {
        let original = commented();
        let mut resolved = original.clone();
        resolved.comments[0].resolved = Some(Resolution {
            by: "Bo".into(),
            at: 1,
        });
        let long = "é".repeat(MAX_COMMENT_CHARS + 1);
        let cases: Vec<(JourneyMap, Edit, EditError)> = vec![
            (
                original.clone(),
                Edit::EditCommentText {
                    id: "k1".into(),
                    by: "Bo".into(),
                    text: "mine now".into(),
                },
                EditError::NotAuthor,
            ),
            (
                original.clone(),
                Edit::EditCommentText {
                    id: "k1".into(),
                    by: "Ana".into(),
                    text: long.clone(),
                },
                EditError::TooLong(MAX_COMMENT_CHARS),
            ),
            (
                original.clone(),
                Edit::AddReply {
                    comment: "k1".into(),
                    index: 9,
                    reply: reply("r1"),
                },
                EditError::DuplicateId("r1".into()),
            ),
            (
                original.clone(),
                Edit::AddReply {
                    comment: "k1".into(),
                    index: 9,
                    reply: Reply {
                        text: long.clone(),
                        ..reply("r9")
                    },
                },
                EditError::TooLong(MAX_COMMENT_CHARS),
            ),
            (
                original.clone(),
                Edit::AddComment {
                    index: 0,
                    comment: Comment {
                        id: "c1".into(),
                        ..original.comments[0].clone()
                    },
                },
                EditError::DuplicateId("c1".into()),
            ),
            (
                original.clone(),
                Edit::ReopenComment("k1".into()),
                EditError::NotResolved,
            ),
            (
                resolved.clone(),
                Edit::ResolveComment {
                    id: "k1".into(),
                    by: "Cy".into(),
                    at: 2,
                },
                EditError::AlreadyResolved,
            ),
            (
                original.clone(),
                Edit::DeleteReply {
                    comment: "k1".into(),
                    reply: "nope".into(),
                },
                not_found("reply", "nope"),
            ),
        ];
        for (map, edit, error) in cases {
            let mut m = map.clone();
            assert_eq!(edit.clone().apply(&mut m), Err(error), "{edit:?}");
            assert_eq!(m, map, "{edit:?} must leave the map unchanged");
        }
        let mut full = original.clone();
        full.comments[0].replies = (0..MAX_REPLIES).map(|i| reply(&format!("x{i}"))).collect();
        let before = full.clone();
        let more = Edit::AddReply {
            comment: "k1".into(),
            index: 0,
            reply: reply("one-too-many"),
        };
        assert_eq!(
            more.apply(&mut full),
            Err(EditError::TooManyReplies(MAX_REPLIES))
        );
        assert_eq!(full, before);
    }

    #[test]
    fn deleting_a_commented_card_keeps_its_comment() {
        let mut m = commented();
        Edit::RemoveCard("c1".into()).apply(&mut m).unwrap();
        assert_eq!(m.comments.len(), 1);
        assert!(validate(&m).is_empty(), "{:?}", validate(&m));
    }
}
