//! The JSON Schema of the map file, `docs/parcours-map.schema.json`, checked
//! against what the app writes: every map the app writes must be valid, and
//! documents the app refuses for their shape must be invalid, so that the
//! schema neither lags behind the format nor accepts anything.

use std::path::Path;

use boon::{Compiler, Schemas};
use parcours::core::document::branding::{logo_data_url, Branding};
use parcours::core::document::demo::demo_map;
use parcours::core::document::model::{Emotion, SequentialIds};
use parcours::core::formats::envelope::{from_json, to_json, to_json_pretty};
use parcours::core::text::i18n::Lang;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> (Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(root().join("docs/parcours-map.schema.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    compiler
        .add_resource("parcours-map.schema.json", json)
        .unwrap();
    let index = compiler
        .compile("parcours-map.schema.json", &mut schemas)
        .unwrap();
    (schemas, index)
}

fn check(schemas: &Schemas, index: boon::SchemaIndex, text: &str) -> Result<(), String> {
    let value: Value = serde_json::from_str(text).unwrap();
    schemas.validate(&value, index).map_err(|e| format!("{e}"))
}

#[test]
fn what_the_app_writes_is_valid() {
    let (schemas, index) = schema();
    let mut maps = Vec::new();
    for lang in Lang::ALL {
        maps.push(demo_map(
            lang,
            &mut SequentialIds::new("s"),
            1_763_856_000_000,
        ));
    }
    // The golden files, migrated and written back at the current version.
    for version in 1..=parcours::core::formats::envelope::VERSION {
        let text =
            std::fs::read_to_string(root().join(format!("tests/golden/map-v{version}.json")))
                .unwrap();
        maps.push(from_json(&text).unwrap().map);
    }
    // Optional parts present and absent: a future-state feeling, no readings.
    let mut sparse = maps[0].clone();
    sparse.emotions.push(Emotion {
        stage: sparse.stages[0].id.clone(),
        persona: None,
        value: -2,
        future: true,
    });
    for t in &mut sparse.touchpoints {
        t.readings.clear();
    }
    sparse.personas[0].share = None;
    maps.push(sparse);
    for map in &maps {
        for text in [to_json(map, 1), to_json_pretty(map, 12)] {
            check(&schemas, index, &text).unwrap_or_else(|e| panic!("{}: {e}", map.title));
            // A shared folder's file, signed by who saved it.
            let signed = parcours::core::folder::signature::sign(&text, Some("Camille"));
            check(&schemas, index, &signed).unwrap_or_else(|e| panic!("signed: {e}"));
        }
    }
    let bad = parcours::core::folder::signature::sign(&to_json(&maps[0], 1), Some(""));
    assert!(
        check(&schemas, index, &bad).is_err(),
        "an empty signature is not a name"
    );
}

/// The schema, the validator and the router agree on map ids: any non-empty
/// text is valid in the schema, passes the app's checks, and has an address
/// that reads back as the same map; an empty id is refused by both.
#[test]
fn every_map_id_the_schema_allows_opens_and_an_empty_one_is_refused_by_both() {
    use parcours::core::view::route::Route;
    let (schemas, index) = schema();
    let base = demo_map(Lang::En, &mut SequentialIds::new("s"), 1_763_856_000_000);
    for id in ["a b/c#d%e", "été ✓", "x?y&z=1", "..", "%ZZ", "<img src=x>"] {
        let mut map = base.clone();
        map.id = id.into();
        let text = to_json(&map, 1);
        check(&schemas, index, &text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(from_json(&text).unwrap().map.id, id, "the app reads it");
        let route = Route::Map(id.into());
        assert_eq!(Route::parse(&route.to_hash()), Some(route), "{id} opens");
    }
    let mut map = base.clone();
    map.id = String::new();
    let text = to_json(&map, 1);
    assert!(
        check(&schemas, index, &text).is_err(),
        "the schema refuses an empty id"
    );
    assert!(from_json(&text).is_err(), "so does the app");
}

#[test]
fn a_branded_map_is_valid_and_a_bad_branding_is_not() {
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("b"), 1);
    map.branding = Branding {
        organisation: "Maison & Co".into(),
        logo: logo_data_url(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap(),
        primary: "#1A2B3C".into(),
        accent: "#e8590c".into(),
    };
    let good: Value = serde_json::from_str(&to_json(&map, 1)).unwrap();
    check(&schemas, index, &good.to_string()).unwrap();
    for (field, bad) in [
        ("primary", "red"),
        ("accent", "#12345"),
        ("logo", "https://example.com/logo.png"),
        ("logo", "data:text/html;base64,PGh0bWw+"),
        ("colour", "#000000"),
    ] {
        let mut v = good.clone();
        v["map"]["branding"][field] = bad.into();
        let text = v.to_string();
        assert!(
            check(&schemas, index, &text).is_err(),
            "the schema accepts {field}: {bad}"
        );
        // The app refuses the same, except a field it does not know (ignored).
        if field != "colour" {
            assert!(from_json(&text).is_err(), "the app accepts {field}: {bad}");
        }
    }
}

#[test]
fn what_the_app_refuses_for_its_shape_is_invalid() {
    let (schemas, index) = schema();
    let good: Value = serde_json::from_str(&to_json(
        &demo_map(Lang::En, &mut SequentialIds::new("s"), 1),
        1,
    ))
    .unwrap();
    type Breaking = (&'static str, fn(&mut Value));
    let broken: [Breaking; 10] = [
        ("another kind of file", |v| {
            v["format"] = "parcours.library".into()
        }),
        ("a newer version", |v| v["version"] = 9.into()),
        ("no map", |v| {
            v.as_object_mut().unwrap().remove("map");
        }),
        ("a number for a title", |v| v["map"]["title"] = 7.into()),
        ("an unknown channel", |v| {
            v["map"]["touchpoints"][0]["channel"] = "fax".into()
        }),
        ("a feeling out of the scale", |v| {
            v["map"]["emotions"][0]["value"] = 3.into()
        }),
        ("a negative answer count", |v| {
            v["map"]["touchpoints"][0]["readings"][0]["answers"] = serde_json::json!([-1])
        }),
        ("a stage without a name", |v| {
            v["map"]["stages"][0]
                .as_object_mut()
                .unwrap()
                .remove("name");
        }),
        ("a change numbered 0 in the sync section", |v| {
            v["map"]["sync"] =
                serde_json::json!({ "clock": { "r": 1 }, "removed": { "card/x": ["r", 0] } })
        }),
        ("a field the format does not have", |v| {
            v["map"]["cards"][0]["colour"] = "red".into()
        }),
    ];
    for (what, breaking) in broken {
        let mut v = good.clone();
        breaking(&mut v);
        let text = v.to_string();
        assert!(
            check(&schemas, index, &text).is_err(),
            "the schema accepts {what}"
        );
        // The app refuses the same documents, except a field it does not know,
        // which it ignores on reading (and never writes).
        if what != "a field the format does not have" {
            assert!(from_json(&text).is_err(), "the app accepts {what}");
        }
    }
}

#[test]
fn avatars_and_severities_of_version_4_are_checked_by_both() {
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::En, &mut SequentialIds::new("v"), 1);
    map.personas[0].avatar = Some(
        parcours::core::document::persona::avatar_data_url(b"\xFF\xD8\xFF\xE0\0\x10JFIF").unwrap(),
    );
    let good: Value = serde_json::from_str(&to_json(&map, 1)).unwrap();
    check(&schemas, index, &good.to_string()).unwrap();
    from_json(&good.to_string()).unwrap();
    let pain = map.cards.iter().position(|c| c.severity.is_some()).unwrap();
    let bad_avatars = [
        "javascript:alert(1)".to_owned(),
        "https://example.com/me.png".to_owned(),
        "data:image/svg+xml;base64,PHN2Zy8+".to_owned(),
        format!("data:image/png;base64,{}", "A".repeat(30_000)),
    ];
    for bad in bad_avatars {
        let mut v = good.clone();
        v["map"]["personas"][0]["avatar"] = bad.as_str().into();
        let text = v.to_string();
        assert!(
            check(&schemas, index, &text).is_err(),
            "schema accepts {bad:.40}"
        );
        let err = from_json(&text).unwrap_err().to_string();
        assert!(err.contains("map.personas[0].avatar"), "{err}");
    }
    for bad in [0, 4] {
        let mut v = good.clone();
        v["map"]["cards"][pain]["severity"] = bad.into();
        let text = v.to_string();
        assert!(
            check(&schemas, index, &text).is_err(),
            "schema accepts {bad}"
        );
        let err = from_json(&text).unwrap_err().to_string();
        assert!(
            err.contains(&format!("map.cards[{pain}].severity")),
            "{err}"
        );
    }
}

#[test]
fn scores_of_version_6_are_checked_by_both() {
    use parcours::core::document::model::LaneKind;
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::En, &mut SequentialIds::new("v"), 1);
    let opportunity = (0..map.cards.len())
        .find(|&i| map.lane(&map.cards[i].lane).map(|l| l.kind) == Some(LaneKind::Opportunities))
        .unwrap();
    map.cards[opportunity].customer_value = Some(5);
    map.cards[opportunity].effort = Some(1);
    let good: Value = serde_json::from_str(&to_json(&map, 1)).unwrap();
    check(&schemas, index, &good.to_string()).unwrap();
    assert_eq!(from_json(&good.to_string()).unwrap().map, map);
    for field in ["customer_value", "business_value", "effort"] {
        for bad in [0, 6] {
            let mut v = good.clone();
            v["map"]["cards"][opportunity][field] = bad.into();
            let text = v.to_string();
            assert!(
                check(&schemas, index, &text).is_err(),
                "schema accepts {field} {bad}"
            );
            let err = from_json(&text).unwrap_err().to_string();
            assert!(
                err.contains(&format!("map.cards[{opportunity}].{field}")),
                "{err}"
            );
        }
    }
}

#[test]
fn a_stage_link_of_version_8_is_valid_absent_when_empty_and_never_to_itself() {
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::En, &mut SequentialIds::new("j"), 1);
    map.stages[1].journey = "delivery-map".into();
    let text = to_json(&map, 1);
    check(&schemas, index, &text).unwrap();
    assert_eq!(from_json(&text).unwrap().map, map);
    let mut v: Value = serde_json::from_str(&text).unwrap();
    assert!(
        v["map"]["stages"][0].get("journey").is_none(),
        "a stage without a link writes none"
    );
    v["map"]["stages"][1]["journey"] = "".into();
    assert!(
        check(&schemas, index, &v.to_string()).is_err(),
        "an empty id"
    );
    v["map"]["stages"][1]["journey"] = 3.into();
    assert!(check(&schemas, index, &v.to_string()).is_err());
    assert!(
        from_json(&v.to_string()).is_err(),
        "a link that is not text"
    );
    // Its own map: the app refuses it with its path (the schema cannot say it).
    map.stages[1].journey = map.id.clone();
    let Err(parcours::core::formats::envelope::FormatError::Invalid(problems)) =
        from_json(&to_json(&map, 1))
    else {
        panic!("a stage detailed by its own map is refused")
    };
    assert_eq!(problems[0].path, "map.stages[1].journey");
}

#[test]
fn the_owner_of_version_7_is_valid_and_absent_when_empty() {
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("o"), 1);
    map.owner = "Équipe « livraison » <b>".into();
    let text = to_json(&map, 1);
    check(&schemas, index, &text).unwrap();
    assert_eq!(from_json(&text).unwrap().map, map);
    map.owner.clear();
    let text = to_json(&map, 1);
    let mut v: Value = serde_json::from_str(&text).unwrap();
    assert!(
        v["map"].get("owner").is_none(),
        "an empty owner is not written"
    );
    check(&schemas, index, &text).unwrap();
    v["map"]["owner"] = 3.into();
    assert!(check(&schemas, index, &v.to_string()).is_err());
    assert!(
        from_json(&v.to_string()).is_err(),
        "an owner that is not text"
    );
}

#[test]
fn an_opportunity_answering_a_pain_point_is_valid_and_a_bad_link_is_refused() {
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::En, &mut SequentialIds::new("v"), 1);
    let lane_of = |map: &parcours::core::document::model::JourneyMap, i: usize| {
        map.lane(&map.cards[i].lane).map(|l| l.kind)
    };
    use parcours::core::document::model::LaneKind;
    let pain = (0..map.cards.len())
        .find(|&i| lane_of(&map, i) == Some(LaneKind::PainPoints))
        .unwrap();
    let opportunity = (0..map.cards.len())
        .find(|&i| lane_of(&map, i) == Some(LaneKind::Opportunities))
        .unwrap();
    map.cards[opportunity].answers = Some(map.cards[pain].id.clone());
    let good: Value = serde_json::from_str(&to_json(&map, 1)).unwrap();
    check(&schemas, index, &good.to_string()).unwrap();
    assert_eq!(from_json(&good.to_string()).unwrap().map, map);
    for bad in [Value::from(""), Value::from(3), Value::Null] {
        let mut v = good.clone();
        v["map"]["cards"][opportunity]["answers"] = bad.clone();
        let text = v.to_string();
        assert!(
            check(&schemas, index, &text).is_err(),
            "schema accepts {bad}"
        );
        // `null` reads as "answers none" in the app, as for other optional fields.
        if !bad.is_null() {
            let err = from_json(&text).unwrap_err().to_string();
            assert!(
                err.contains(&format!("map.cards[{opportunity}].answers")),
                "{err}"
            );
        }
    }
}

/// Comments (version 5): what the app writes is valid; a list the comments'
/// reader refuses is invalid in the schema too. The envelope keeps such a
/// list as it is (the map still opens, the comments' panel says why).
#[test]
fn comments_are_checked_by_both() {
    use parcours::core::document::comment::{self, CommentsText, On, Target};
    let (schemas, index) = schema();
    let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("s"), 1);
    let card = map.cards[0].id.clone();
    let list = comment::add(&[], "c1".into(), Target::map(), "Léa", "Première\nligne", 2).unwrap();
    let list = comment::add(
        &list,
        "c2".into(),
        Target::item(On::Card, &card),
        "Sam",
        "<i>x</i>",
        3,
    )
    .unwrap();
    let list = comment::reply(&list, "c2", "r1".into(), "Léa", "Oui", 4).unwrap();
    let list = comment::set_resolved(&list, "c2", Some("Léa"), 5).unwrap();
    map.comments = comment::write(&list);
    for text in [to_json(&map, 1), to_json_pretty(&map, 1)] {
        check(&schemas, index, &text).unwrap();
    }
    let good = r#"{"id":"c0","on":"map","author":"Léa","at":1,"text":"x","changed":1}"#;
    for bad in [
        r#"{"id":"c1","on":"card","author":"Léa","at":1,"text":"x","changed":1}"#,
        r#"{"id":"c1","on":"map","item":"x","author":"Léa","at":1,"text":"x","changed":1}"#,
        r#"{"id":"c1","on":"map","author":" Léa","at":1,"text":"x","changed":1}"#,
        r#"{"id":"c1","on":"map","author":"Léa","at":1,"text":"  ","changed":1}"#,
        r#"{"id":"c1","on":"map","author":"Léa","at":1,"text":"x"}"#,
        r#"{"id":"c1","on":"wall","author":"Léa","at":1,"text":"x","changed":1}"#,
    ] {
        let mut m = map.clone();
        m.comments = CommentsText::from_json(&format!("[{good},{bad}]")).unwrap();
        let text = to_json(&m, 1);
        assert!(
            check(&schemas, index, &text).is_err(),
            "the schema accepts {bad}"
        );
        assert!(
            comment::read(&m.comments).is_err(),
            "the reader accepts {bad}"
        );
        assert_eq!(
            from_json(&text).unwrap().map.comments,
            m.comments,
            "kept as it is"
        );
    }
}
