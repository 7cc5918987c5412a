//! Comments in words (issue 15): counts, where a comment is, and what a
//! merge brought of them. The UI and the report call these; none is on the
//! editor's main path until the comments UI is built (as a lazy part).

use std::collections::{HashMap, HashSet};

use crate::core::document::comment::{Comment, CommentTarget, Place};
use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::{Key, Lang};

/// `n` and the word for one or many: French counts 0 and 1 as singular
/// ("0 commentaire", "1 commentaire"), English only 1 ("0 comments").
pub fn counted(lang: Lang, n: usize, one: Key, many: Key) -> String {
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    format!("{n} {}", lang.t(if singular { one } else { many }))
}

/// "1 comment", "3 comments"; "1 commentaire", "3 commentaires".
pub fn comment_count(lang: Lang, n: usize) -> String {
    counted(lang, n, Key::CommentOne, Key::CommentMany)
}

/// "2 replies", "1 réponse".
pub fn reply_count(lang: Lang, n: usize) -> String {
    counted(lang, n, Key::ReplyOne, Key::ReplyMany)
}

/// Where a comment is, for the panel and the report: the item's name (a
/// stage's name, a card's or touchpoint's text, as text), "on the map", or
/// "on a removed card".
pub fn place_text(map: &JourneyMap, place: &Place, lang: Lang) -> String {
    match place {
        Place::Live(CommentTarget::Map) => lang.t(Key::CommentOnMap).to_owned(),
        Place::Live(CommentTarget::Stage { id }) => map
            .stages
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        Place::Live(CommentTarget::Card { id }) => {
            map.card(id).map(|c| c.text.clone()).unwrap_or_default()
        }
        Place::Live(CommentTarget::Touchpoint { id }) => map
            .touchpoint(id)
            .map(|t| t.name.clone())
            .unwrap_or_default(),
        Place::Removed(target) => lang
            .t(match target {
                CommentTarget::Stage { .. } => Key::CommentOnRemovedStage,
                CommentTarget::Touchpoint { .. } => Key::CommentOnRemovedTouchpoint,
                // A map is never removed; a card is what is deleted most.
                CommentTarget::Card { .. } | CommentTarget::Map => Key::CommentOnRemovedCard,
            })
            .to_owned(),
    }
}

/// What a merge did to the comments, from `before` (our copy) to `merged`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommentChanges {
    pub added: usize,
    pub replies: usize,
    pub resolved: usize,
    pub reopened: usize,
    pub deleted: usize,
}

pub fn comment_changes(before: &JourneyMap, merged: &JourneyMap) -> CommentChanges {
    let old: HashMap<&str, &Comment> = before.comments.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut changes = CommentChanges::default();
    for c in &merged.comments {
        let Some(was) = old.get(c.id.as_str()) else {
            changes.added += 1;
            changes.replies += c.replies.len();
            continue;
        };
        let had: HashSet<&str> = was.replies.iter().map(|r| r.id.as_str()).collect();
        changes.replies += c
            .replies
            .iter()
            .filter(|r| !had.contains(r.id.as_str()))
            .count();
        match (was.is_open(), c.is_open()) {
            (true, false) => changes.resolved += 1,
            (false, true) => changes.reopened += 1,
            _ => {}
        }
    }
    let now: HashSet<&str> = merged.comments.iter().map(|c| c.id.as_str()).collect();
    changes.deleted = old.keys().filter(|id| !now.contains(*id)).count();
    changes
}

/// What a merge says of the comments it brought: "2 comments added",
/// "1 reply added"… (nothing when it brought none).
pub fn merge_summary(before: &JourneyMap, merged: &JourneyMap, lang: Lang) -> Vec<String> {
    let c = comment_changes(before, merged);
    [
        (c.added, Key::MergeCommentAdded, Key::MergeCommentsAdded),
        (c.replies, Key::MergeReplyAdded, Key::MergeRepliesAdded),
        (
            c.resolved,
            Key::MergeCommentResolved,
            Key::MergeCommentsResolved,
        ),
        (
            c.reopened,
            Key::MergeCommentReopened,
            Key::MergeCommentsReopened,
        ),
        (
            c.deleted,
            Key::MergeCommentDeleted,
            Key::MergeCommentsDeleted,
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| counted(lang, n, one, many))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::comment::tests::one_on_each;
    use crate::core::document::comment::{comment_place, Resolution};
    use crate::core::document::model::{sample_map, SequentialIds};

    #[test]
    fn counts_agree_with_their_number_in_each_language() {
        assert_eq!(comment_count(Lang::En, 1), "1 comment");
        assert_eq!(comment_count(Lang::En, 3), "3 comments");
        assert_eq!(comment_count(Lang::En, 0), "0 comments");
        assert_eq!(comment_count(Lang::Fr, 1), "1 commentaire");
        assert_eq!(comment_count(Lang::Fr, 3), "3 commentaires");
        assert_eq!(comment_count(Lang::Fr, 0), "0 commentaire");
        assert_eq!(reply_count(Lang::Fr, 2), "2 réponses");
    }

    #[test]
    fn a_place_is_its_item_s_name_or_a_removed_item() {
        let mut map = sample_map(&mut SequentialIds::new("m"), "M", 1);
        map.comments = one_on_each(&map);
        let places: Vec<String> = map
            .comments
            .iter()
            .map(|c| place_text(&map, &comment_place(&map, c), Lang::Fr))
            .collect();
        assert_eq!(places, ["sur la carte", "A", "Compare les prix"]);
        map.cards.clear();
        let card = &map.comments[2];
        assert_eq!(
            place_text(&map, &comment_place(&map, card), Lang::En),
            "on a removed card"
        );
    }

    #[test]
    fn a_merge_summary_counts_what_came_in() {
        let mut before = sample_map(&mut SequentialIds::new("m"), "M", 1);
        before.comments = one_on_each(&before);
        let mut after = before.clone();
        assert!(merge_summary(&before, &after, Lang::En).is_empty());
        after.comments[0].resolved = Some(Resolution {
            by: "Bo".into(),
            at: 9,
        });
        after.comments[1].resolved = None; // one_on_each resolves the second
        after.comments.remove(2);
        let mut new = before.comments[2].clone();
        new.id = "new".into();
        after.comments.push(new.clone());
        new.id = "new2".into();
        new.replies.clear();
        after.comments.push(new);
        assert_eq!(
            merge_summary(&before, &after, Lang::En),
            [
                "2 comments added",
                "1 reply added",
                "1 comment resolved",
                "1 comment reopened",
                "1 comment deleted"
            ]
        );
        assert_eq!(
            merge_summary(&before, &after, Lang::Fr)[0],
            "2 commentaires ajoutés"
        );
    }
}
