//! Two copies' comments brought together: every comment and every reply
//! of either copy is kept (by id: two people commenting or replying at once
//! both keep theirs); a comment both hold is resolved or open as the copy
//! that changed it last has it. Comments are never deleted, so a union
//! loses nothing and needs no record of deletions.

use std::collections::HashMap;

use super::{read, write, Comment, CommentsText};

/// `ours` and `theirs` as one list: ours in their order, then those only
/// theirs holds, in theirs'. `None` when either list does not read (the
/// merge then leaves the comments to the field-by-field rule, which asks).
pub fn merge(ours: &CommentsText, theirs: &CommentsText) -> Option<CommentsText> {
    let (ours, theirs) = (read(ours).ok()?, read(theirs).ok()?);
    let mut by_id: HashMap<&str, &Comment> = theirs.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut merged: Vec<Comment> = ours
        .iter()
        .map(|c| match by_id.remove(c.id.as_str()) {
            Some(t) => both(c, t),
            None => c.clone(),
        })
        .collect();
    merged.extend(
        theirs
            .iter()
            .filter(|c| by_id.contains_key(c.id.as_str()))
            .cloned(),
    );
    Some(write(&merged))
}

/// One comment both copies hold.
fn both(ours: &Comment, theirs: &Comment) -> Comment {
    let mut c = ours.clone();
    for r in &theirs.replies {
        if !c.replies.iter().any(|o| o.id == r.id) {
            c.replies.push(r.clone());
        }
    }
    c.replies.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    // The later change decides open or resolved; on a tie, resolved wins
    // (someone settled it at that moment).
    if (theirs.changed, theirs.resolved.is_some()) > (ours.changed, ours.resolved.is_some()) {
        c.resolved = theirs.resolved.clone();
    }
    c.changed = ours.changed.max(theirs.changed);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::comment::{add, reply, set_resolved, Target};

    fn base() -> Vec<Comment> {
        add(&[], "c1".into(), Target::map(), "Léa", "Premier avis", 10).unwrap()
    }

    #[test]
    fn two_people_commenting_and_replying_at_once_both_keep_theirs() {
        let b = base();
        let ours = reply(&b, "c1", "r-a".into(), "Léa", "Oui", 20).unwrap();
        let ours = add(&ours, "c2".into(), Target::map(), "Léa", "Le mien", 21).unwrap();
        let theirs = reply(&b, "c1", "r-b".into(), "Sam", "Non", 19).unwrap();
        let theirs = add(&theirs, "c3".into(), Target::map(), "Sam", "Le sien", 22).unwrap();
        let m = read(&merge(&write(&ours), &write(&theirs)).unwrap()).unwrap();
        let ids: Vec<&str> = m.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c2", "c3"]);
        let replies: Vec<&str> = m[0].replies.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(replies, ["r-b", "r-a"], "both replies, in time order");
        // The same merge the other way round holds the same comments.
        let back = read(&merge(&write(&theirs), &write(&ours)).unwrap()).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back[0], m[0]);
    }

    #[test]
    fn the_later_resolve_or_reopen_wins() {
        let b = base();
        let resolved = set_resolved(&b, "c1", Some("Sam"), 30).unwrap();
        let reopened = set_resolved(&resolved, "c1", None, 40).unwrap();
        let m = read(&merge(&write(&resolved), &write(&b)).unwrap()).unwrap();
        assert!(
            !m[0].is_open(),
            "resolved later than the other copy's state"
        );
        let m = read(&merge(&write(&resolved), &write(&reopened)).unwrap()).unwrap();
        assert!(m[0].is_open(), "reopened after it was resolved");
        assert_eq!(m[0].changed, 40);
    }

    #[test]
    fn an_unreadable_list_is_not_merged() {
        let bad = CommentsText::from_json("[{\"id\":1}]").unwrap();
        assert_eq!(merge(&bad, &write(&base())), None);
        assert_eq!(merge(&write(&base()), &bad), None);
    }
}
