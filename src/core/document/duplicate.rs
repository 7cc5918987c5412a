//! A copy of a map that lives beside its original: the library's *Duplicate*.

use std::collections::HashMap;

use crate::core::document::items::Collection;
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
    let mut copy = map.clone();
    copy.id = ids.next_id();
    copy.title = title;
    copy.created = now;
    copy.modified = now;
    // Every id and every reference, collection by collection: a reference
    // gets the new id of the item it names (the same old id, the same new).
    let mut fresh = |id: &mut String| {
        *id = renamed
            .entry(std::mem::take(id))
            .or_insert_with(|| ids.next_id())
            .clone();
    };
    for collection in Collection::ALL {
        collection.each_id_mut(&mut copy, &mut fresh);
    }
    // A new document has no change history: the original's stamps name
    // items by their old ids, and merging the copy with a copy of the
    // original must not pass for merging two copies of one map.
    copy.sync = SyncState::default();
    // The discussion stays with the original: its comments are on the
    // original's items (and a copy's items have new ids).
    copy.comments = Default::default();
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{Card, SequentialIds};
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

    /// Before the one walk over the collections, the copy kept the old ids
    /// in an opportunity's `answers` and in a reading's persona slices, so
    /// a duplicated map with either was refused by the validation.
    #[test]
    fn a_duplicate_renames_the_pain_point_answered_and_the_personas_of_readings() {
        use crate::core::document::model::{
            Channel, Classification, LaneKind, Metric, Persona, PersonaSlice, Reading, Touchpoint,
        };
        let mut ids = SequentialIds::new("m");
        let mut m = map(&mut ids, "Orig", 1);
        let lane =
            |m: &JourneyMap, kind| m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone();
        let (pains, opportunities) = (
            lane(&m, LaneKind::PainPoints),
            lane(&m, LaneKind::Opportunities),
        );
        let stage = m.stages[0].id.clone();
        for (id, lane, answers) in [
            ("pp", pains, None),
            ("o1", opportunities, Some("pp".to_owned())),
        ] {
            m.cards.push(Card {
                id: id.into(),
                lane,
                stage: stage.clone(),
                text: id.into(),
                answers,
                ..Card::default()
            });
        }
        m.personas.push(Persona {
            id: "p1".into(),
            name: "Ana".into(),
            ..Persona::default()
        });
        let mut reading = Reading::typed(Metric::Nps, 10.0, Some(5), 0);
        reading.personas.push(PersonaSlice {
            persona: "p1".into(),
            answers: Vec::new(),
            value: Some(10.0),
        });
        m.touchpoints.push(Touchpoint {
            id: "t1".into(),
            stage,
            name: "Site".into(),
            channel: Channel::Website,
            classification: Classification::Critical,
            department: String::new(),
            readings: vec![reading],
            legacy_metrics: None,
        });
        assert!(envelope::validate(&m).is_empty());
        let copy = duplicate(&m, &mut SequentialIds::new("d"), "Copy".into(), 9);
        assert_eq!(envelope::validate(&copy), Vec::new());
        let o1 = copy.cards.iter().find(|c| c.text == "o1").unwrap();
        let pp = copy.cards.iter().find(|c| c.text == "pp").unwrap();
        assert_eq!(o1.answers.as_deref(), Some(pp.id.as_str()));
        assert_eq!(
            copy.touchpoints[0].readings[0].personas[0].persona,
            copy.personas[0].id
        );
    }
}
