use super::*;
use crate::core::document::demo::demo_map;
use crate::core::document::edit::Edit;
use crate::core::document::model::SequentialIds;
use crate::core::formats::envelope;
use crate::core::sync::{merge as merge_maps, record};
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;

fn map() -> JourneyMap {
    demo_map(Lang::Fr, &mut SequentialIds::new("d"), 1_700_000_000_000)
}

fn with(map: &JourneyMap, list: &[Comment]) -> JourneyMap {
    let mut m = map.clone();
    m.comments = write(list);
    m
}

#[test]
fn comments_travel_in_the_file_and_read_back_the_same() {
    let m = map();
    let card = m.cards[0].id.clone();
    let list = add(
        &[],
        "c1".into(),
        Target::map(),
        "Léa",
        "Vue d'ensemble ?",
        5,
    )
    .unwrap();
    let list = add(
        &list,
        "c2".into(),
        Target::item(On::Card, &card),
        "Sam",
        "<script>alert(1)</script>",
        6,
    )
    .unwrap();
    let list = reply(&list, "c2", "r1".into(), "Léa", "  D'accord  ", 7).unwrap();
    let list = set_resolved(&list, "c1", Some("Sam"), 8).unwrap();
    let m = with(&m, &list);
    for text in [envelope::to_json(&m, 2), envelope::to_json_pretty(&m, 2)] {
        let back = envelope::from_json(&text).unwrap().map;
        assert_eq!(back, m);
        assert_eq!(read(&back.comments).unwrap(), list);
    }
    assert_eq!(list[1].text, "<script>alert(1)</script>", "text stays text");
    assert_eq!(list[1].replies[0].text, "D'accord", "trimmed");
    assert_eq!(open_counts(&list), HashMap::from([(card, 1)]));
    // A map without comments writes no field at all (as version 4 did).
    assert!(!envelope::to_json(&map(), 1).contains("\"comments\""));
}

#[test]
fn a_bad_list_is_refused_whole_with_where() {
    let bad = |json: &str| read(&CommentsText::from_json(json).unwrap()).unwrap_err();
    let ok = r#"{"id":"c1","on":"map","author":"Léa","at":1,"text":"x","changed":1}"#;
    let p = bad(&format!(
        "[{ok},{{\"id\":\"c2\",\"on\":\"card\",\"author\":\"Léa\",\"at\":1,\"changed\":1}}]"
    ));
    assert_eq!(p[0].path, "map.comments[1]");
    assert!(
        p[0].said(Lang::En).contains("missing field `text`"),
        "{}",
        p[0].said(Lang::En)
    );
    assert!(
        p[0].said(Lang::Fr).contains("text"),
        "{}",
        p[0].said(Lang::Fr)
    );
    let p = bad(&format!("[{ok},{ok}]"));
    assert_eq!(p[0].path, "map.comments[1].id");
    assert_eq!(p[0].flaw, CommentFlaw::DuplicateId("c1".into()));
    let p = bad(r#"[{"id":"c1","on":"card","author":"a\nb","at":1,"text":" ","changed":1}]"#);
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "map.comments[0].item",
            "map.comments[0].author",
            "map.comments[0].text"
        ]
    );
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let p = bad(&format!(
        r#"[{{"id":"c1","on":"map","author":"Léa","at":1,"text":"x","changed":1,"replies":[{{"id":"r","author":"Léa","at":1,"text":"{long}"}}]}}]"#
    ));
    assert_eq!(p[0].path, "map.comments[0].replies[0].text");
    // The envelope keeps such a list as it is (never dropped, never rewritten).
    let mut m = map();
    m.comments = CommentsText::from_json(&format!("[{ok},{ok}]")).unwrap();
    let back = envelope::from_json(&envelope::to_json(&m, 1)).unwrap().map;
    assert_eq!(back.comments, m.comments);
}

#[test]
fn changes_check_the_text_and_the_name() {
    let none: &[Comment] = &[];
    assert_eq!(
        add(none, "c".into(), Target::map(), "Léa", "   ", 1),
        Err(CommentError::TextLength)
    );
    assert_eq!(
        add(none, "c".into(), Target::map(), "", "x", 1),
        Err(CommentError::NoName)
    );
    let long = "é".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        add(none, "c".into(), Target::map(), "Léa", &long, 1),
        Err(CommentError::TextLength)
    );
    assert!(add(
        none,
        "c".into(),
        Target::map(),
        "Léa",
        &long[..2 * MAX_TEXT_CHARS],
        1
    )
    .is_ok());
    let list = add(none, "c".into(), Target::map(), "Léa", "x", 1).unwrap();
    assert_eq!(
        reply(&list, "nope", "r".into(), "Léa", "x", 2),
        Err(CommentError::NotFound)
    );
    let resolved = set_resolved(&list, "c", Some("Sam"), 3).unwrap();
    assert_eq!(
        resolved[0].resolved,
        Some(Resolution {
            by: "Sam".into(),
            at: 3
        })
    );
    assert!(set_resolved(&resolved, "c", None, 4).unwrap()[0].is_open());
    assert_eq!(Target::item(On::Map, "x"), Target::map());
}

#[test]
fn each_change_is_one_edit_that_undoes() {
    let mut m = map();
    let list = add(&[], "c1".into(), Target::map(), "Léa", "x", 1).unwrap();
    let done = Edit::SetComments(write(&list)).apply(&mut m).unwrap();
    assert_eq!(read(&m.comments).unwrap(), list);
    assert_eq!(done.touched, [crate::core::document::edit::Scope::Comments]);
    done.inverse.apply(&mut m).unwrap();
    assert!(m.comments.is_empty());
}

#[test]
fn comments_stay_on_deleted_items_and_list_in_reading_order() {
    let m = map();
    let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
    let card = m.cards.iter().find(|c| c.stage == s0).unwrap().id.clone();
    let list = add(
        &[],
        "late".into(),
        Target::item(On::Stage, &s1),
        "Léa",
        "x",
        1,
    )
    .unwrap();
    let list = add(
        &list,
        "gone".into(),
        Target::item(On::Card, "deleted"),
        "Léa",
        "x",
        2,
    )
    .unwrap();
    let list = add(
        &list,
        "card".into(),
        Target::item(On::Card, &card),
        "Léa",
        "x",
        3,
    )
    .unwrap();
    let list = add(
        &list,
        "first".into(),
        Target::item(On::Stage, &s0),
        "Léa",
        "x",
        4,
    )
    .unwrap();
    let list = add(&list, "map".into(), Target::map(), "Léa", "x", 5).unwrap();
    let order: Vec<&str> = in_reading_order(&m, &list)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(order, ["map", "first", "card", "late", "gone"]);
    assert!(!is_live(&m, &list[1].target()));
    assert!(is_live(&m, &list[0].target()));
    // A map whose commented card is deleted stays valid.
    let mut m = with(&m, &list);
    m.cards.retain(|c| c.id != card);
    assert!(envelope::validate(&m).is_empty());
}

#[test]
fn two_copies_commenting_at_once_merge_with_every_comment() {
    let base = map();
    let mut ours = base.clone();
    let start = add(&[], "c0".into(), Target::map(), "Léa", "Base", 1).unwrap();
    ours.comments = write(&start);
    record(&base, &mut ours, "a");
    let shared = ours.clone();
    let mut theirs = shared.clone();
    ours.comments = write(&reply(&start, "c0", "ra".into(), "Léa", "Mine", 2).unwrap());
    record(&shared, &mut ours, "a");
    let t = add(&start, "cb".into(), Target::map(), "Sam", "Theirs", 3).unwrap();
    let t = set_resolved(&t, "c0", Some("Sam"), 4).unwrap();
    theirs.comments = write(&t);
    record(&shared, &mut theirs, "b");
    let merged = merge_maps(&ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let list = read(&merged.map.comments).unwrap();
    let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c0", "cb"]);
    assert_eq!(list[0].replies.len(), 1);
    assert!(!list[0].is_open(), "resolved by Sam after Léa's reply");
    // One side only commenting is taken as it is, both ways.
    let mut later = merged.map.clone();
    later.comments = write(&add(&list, "c9".into(), Target::map(), "Léa", "Encore", 9).unwrap());
    record(&merged.map, &mut later, "a");
    let again = merge_maps(&merged.map, &later).unwrap();
    assert_eq!(read(&again.map.comments).unwrap().len(), 3);
    assert!(again.conflicts.is_empty());
}

#[test]
fn a_copy_of_the_map_starts_without_the_discussion() {
    let m = with(
        &map(),
        &add(&[], "c".into(), Target::map(), "Léa", "x", 1).unwrap(),
    );
    let copy = crate::core::document::duplicate::duplicate(
        &m,
        &mut SequentialIds::new("n"),
        "Copie".into(),
        2,
    );
    assert!(copy.comments.is_empty());
}

#[test]
fn an_id_is_taken_for_what_it_is_in_the_map() {
    let m = map();
    let (stage, tp, card) = (&m.stages[1].id, &m.touchpoints[0].id, &m.cards[2].id);
    assert_eq!(Target::of_id(&m, ""), Target::map());
    assert_eq!(Target::of_id(&m, stage), Target::item(On::Stage, stage));
    assert_eq!(Target::of_id(&m, tp), Target::item(On::Touchpoint, tp));
    assert_eq!(Target::of_id(&m, card), Target::item(On::Card, card));
    // Gone meanwhile: its comment says so (place → OnRemoved).
    let gone = Target::of_id(&m, "no-such-id");
    assert_eq!(
        words::place(&m, &gone),
        words::CommentText::OnRemoved,
        "a removed item's comment says it was removed"
    );
}

#[test]
fn the_places_offered_are_every_item_stage_by_stage() {
    let m = map();
    let places = words::places(&m);
    assert_eq!(places.len(), m.stages.len());
    for (stage, (name, items)) in m.stages.iter().zip(&places) {
        assert_eq!(*name, stage.name);
        assert_eq!(items[0].0, stage.id, "the stage comes first");
        let expected = 1
            + m.touchpoints.iter().filter(|t| t.stage == stage.id).count()
            + m.cards.iter().filter(|c| c.stage == stage.id).count();
        assert_eq!(items.len(), expected);
    }
    let all: usize = places.iter().map(|(_, i)| i.len()).sum();
    assert_eq!(all, m.stages.len() + m.touchpoints.len() + m.cards.len());
}
