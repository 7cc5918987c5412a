//! A copy of a map that lives beside its original: the library's *Duplicate*.

use std::collections::HashMap;

use crate::core::document::model::{IdSource, JourneyMap, Millis};
use crate::core::sync::SyncState;

/// A copy of `map` with new ids for the map and every item in it (references
/// follow), so that it lives beside the original.
pub fn duplicate(
    map: &JourneyMap,
    ids: &mut dyn IdSource,
    title: String,
    now: Millis,
) -> JourneyMap {
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut fresh = |old: &str, ids: &mut dyn IdSource| -> String {
        renamed
            .entry(old.to_owned())
            .or_insert_with(|| ids.next_id())
            .clone()
    };
    let mut copy = map.clone();
    copy.id = ids.next_id();
    copy.title = title;
    copy.created = now;
    copy.modified = now;
    for p in &mut copy.personas {
        p.id = fresh(&p.id, ids);
    }
    for s in &mut copy.stages {
        s.id = fresh(&s.id, ids);
    }
    for l in &mut copy.lanes {
        l.id = fresh(&l.id, ids);
    }
    for c in &mut copy.cards {
        c.id = fresh(&c.id, ids);
        c.lane = fresh(&c.lane, ids);
        c.stage = fresh(&c.stage, ids);
        c.persona = c.persona.as_deref().map(|p| fresh(p, ids));
    }
    for t in &mut copy.touchpoints {
        t.id = fresh(&t.id, ids);
        t.stage = fresh(&t.stage, ids);
    }
    for e in &mut copy.emotions {
        e.stage = fresh(&e.stage, ids);
        e.persona = e.persona.as_deref().map(|p| fresh(p, ids));
    }
    for a in &mut copy.actions {
        a.id = fresh(&a.id, ids);
        a.card = a.card.as_deref().map(|c| fresh(c, ids));
        a.touchpoint = a.touchpoint.as_deref().map(|t| fresh(t, ids));
    }
    // A new document has no change history: the original's stamps name
    // items by their old ids, and merging the copy with a copy of the
    // original must not pass for merging two copies of one map.
    copy.sync = SyncState::default();
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope;

    use crate::core::document::model::sample_map as map;

    #[test]
    fn a_duplicate_shares_no_id_with_its_original_and_stays_valid() {
        let mut ids = SequentialIds::new("m");
        let m = map(&mut ids, "Orig", 1);
        let copy = duplicate(&m, &mut SequentialIds::new("d"), "Copy".into(), 9);
        assert!(envelope::validate(&copy).is_empty());
        assert_ne!(copy.id, m.id);
        assert!(copy
            .stages
            .iter()
            .all(|s| !m.stages.iter().any(|o| o.id == s.id)));
        assert_eq!(copy.cards[0].text, m.cards[0].text);
        assert_eq!(copy.title, "Copy");
    }

    #[test]
    fn a_duplicate_starts_with_no_change_history() {
        let mut ids = SequentialIds::new("m");
        let before = map(&mut ids, "Orig", 1);
        let mut m = before.clone();
        m.title = "Edited".into();
        crate::core::sync::record(&before, &mut m, "r1");
        assert!(!m.sync.is_empty());
        let copy = duplicate(&m, &mut SequentialIds::new("d"), "Copy".into(), 9);
        assert!(copy.sync.is_empty());
        assert!(envelope::validate(&copy).is_empty());
    }
}
