use proptest::prelude::*;

use super::*;
use crate::core::analysis::metrics::change::{between, Verdict};
use crate::core::document::model::{
    Action, Card, Channel, Classification, Lane, Persona, Reading, Scale, SequentialIds,
};

/// NPS answers: `detractors` 0s, `passives` 8s and `promoters` 10s.
fn nps(at: Millis, detractors: u32, passives: u32, promoters: u32) -> Reading {
    let mut answers = vec![0; 11];
    answers[0] = detractors;
    answers[8] = passives;
    answers[10] = promoters;
    Reading {
        metric: Metric::Nps,
        at,
        source: Some("survey.csv".into()),
        scale: Some(Scale::NPS),
        answers,
        value: None,
        n: None,
        personas: Vec::new(),
    }
}

fn touchpoint(id: &str, stage: &str, department: &str, readings: Vec<Reading>) -> Touchpoint {
    Touchpoint {
        id: id.into(),
        stage: stage.into(),
        name: format!("Touchpoint {id}"),
        channel: Channel::Website,
        classification: Classification::Critical,
        department: department.into(),
        readings,
        legacy_metrics: None,
    }
}

fn lane(map: &mut JourneyMap, kind: LaneKind) -> String {
    if let Some(l) = map.lanes.iter().find(|l| l.kind == kind) {
        return l.id.clone();
    }
    let id = format!("lane-{kind:?}");
    map.lanes.push(Lane {
        id: id.clone(),
        kind,
        title: String::new(),
        hidden: false,
    });
    id
}

fn card(map: &mut JourneyMap, id: &str, kind: LaneKind, answers: Option<&str>) {
    let lane = lane(map, kind);
    let stage = map.stages[0].id.clone();
    map.cards.push(Card {
        id: id.into(),
        lane,
        stage,
        text: format!("card {id}"),
        answers: answers.map(str::to_owned),
        ..Default::default()
    });
}

fn action(map: &mut JourneyMap, id: &str, card: &str, status: ActionStatus) {
    map.actions.push(Action {
        id: id.into(),
        title: format!("action {id}"),
        card: Some(card.into()),
        status,
        ..Action::default()
    });
}

fn map(id: &str, title: &str) -> JourneyMap {
    let mut ids = SequentialIds::new(id);
    let mut m = JourneyMap::blank(&mut ids, title, ["Choose", "Buy", "Use"], 0);
    m.id = id.into();
    m
}

#[test]
fn the_journey_figure_pools_every_touchpoints_latest_answers() {
    let mut m = map("m", "Washing machine");
    let s = m.stages[0].id.clone();
    // t1: 10 detractors then 20 promoters; t2: 10 passives, 10 promoters.
    m.touchpoints.push(touchpoint(
        "t1",
        &s,
        "Web",
        vec![nps(1, 10, 0, 0), nps(2, 0, 0, 20)],
    ));
    m.touchpoints
        .push(touchpoint("t2", &s, "Shop", vec![nps(2, 0, 10, 10)]));
    let f = journey_figure(&m, Metric::Nps).expect("a journey NPS");
    // Pooled latest: 30 promoters, 10 passives, 0 detractors of 40: NPS 75.
    assert!((f.now.value - 75.0).abs() < 1e-9, "{}", f.now.value);
    assert_eq!(f.now.n, Some(40));
    let i = f.now.interval.expect("pooled answers have an interval");
    assert!(i.low < 75.0 && 75.0 < i.high, "{i:?}");
    assert!(
        journey_figure(&m, Metric::Csat).is_none(),
        "no CSAT reading"
    );
}

#[test]
fn the_trend_is_over_the_touchpoints_measured_twice_with_its_verdict() {
    let mut m = map("m", "Washing machine");
    let s = m.stages[0].id.clone();
    m.touchpoints.push(touchpoint(
        "t1",
        &s,
        "Web",
        vec![nps(1, 60, 20, 20), nps(2, 20, 20, 60)],
    ));
    // Measured once: in the journey figure, not in its trend.
    m.touchpoints
        .push(touchpoint("t2", &s, "Shop", vec![nps(2, 100, 0, 0)]));
    let t = trend(&m, Metric::Nps).expect("t1 was measured twice");
    assert_eq!(t.touchpoints, 1);
    assert!((t.before.value - -40.0).abs() < 1e-9, "{}", t.before.value);
    assert!((t.now.value - 40.0).abs() < 1e-9, "{}", t.now.value);
    // +80 points on 100 answers a side is far beyond noise.
    assert_eq!(between(&t.before, &t.now).verdict, Some(Verdict::Better));

    // The same shift on 5 answers a side is within noise.
    m.touchpoints[0].readings = vec![nps(1, 3, 1, 1), nps(2, 1, 1, 3)];
    let small = trend(&m, Metric::Nps).unwrap();
    assert_eq!(
        between(&small.before, &small.now).verdict,
        Some(Verdict::WithinNoise)
    );

    m.touchpoints.remove(0);
    assert!(trend(&m, Metric::Nps).is_none(), "nothing measured twice");
    let row = row(&m);
    assert!(row.figures[0].is_some_and(|f| f.trend.is_none()));
}

#[test]
fn a_pain_point_is_open_until_a_done_action_answers_it() {
    let mut m = map("m", "Map");
    for id in ["p1", "p2", "p3", "p4"] {
        card(&mut m, id, LaneKind::PainPoints, None);
    }
    card(&mut m, "o2", LaneKind::Opportunities, Some("p2"));
    card(&mut m, "o4", LaneKind::Opportunities, Some("p4"));
    action(&mut m, "a1", "p1", ActionStatus::Done);
    action(&mut m, "a2", "o2", ActionStatus::Done);
    action(&mut m, "a3", "p3", ActionStatus::InProgress);
    action(&mut m, "a4", "o4", ActionStatus::Planned);
    // p1 directly, p2 through its opportunity; p3 and p4 are still open.
    assert_eq!(pain_points(&m), (4, 2));
    let r = row(&m);
    assert_eq!((r.pain_points, r.open_pain_points), (4, 2));
    // Idea, Planned, InProgress, Done.
    assert_eq!(r.actions, [0, 1, 1, 2]);
}

#[test]
fn departments_come_from_touchpoints_and_actions_once_each() {
    let mut m = map("m", "Map");
    let s = m.stages[0].id.clone();
    m.touchpoints
        .push(touchpoint("t1", &s, "Logistique", vec![]));
    m.touchpoints
        .push(touchpoint("t2", &s, "logistique ", vec![]));
    card(&mut m, "p1", LaneKind::PainPoints, None);
    action(&mut m, "a1", "p1", ActionStatus::Idea);
    m.actions[0].department = "Service client".into();
    m.actions.push(Action {
        id: "a2".into(),
        department: "LOGISTIQUE".into(),
        ..Action::default()
    });
    assert_eq!(map_departments(&m), ["Logistique", "Service client"]);
}

fn three_rows() -> Vec<Row> {
    let mut a = map("a", "Émilie's delivery");
    let mut b = map("b", "buying");
    let c = map("c", "Claims");
    let (sa, sb) = (a.stages[0].id.clone(), b.stages[0].id.clone());
    a.touchpoints
        .push(touchpoint("t1", &sa, "Logistique", vec![nps(1, 30, 0, 10)]));
    b.touchpoints
        .push(touchpoint("t2", &sb, "Web", vec![nps(1, 0, 10, 30)]));
    b.personas.push(Persona {
        id: "p-ana".into(),
        name: "Ana".into(),
        ..Persona::default()
    });
    b.kind = MapKind::ServiceBlueprint;
    a.modified = 30;
    a.owner = "Zoé".into();
    b.owner = " équipe web ".into();
    b.modified = 10;
    let mut c = c;
    c.modified = 20;
    card(&mut c, "p1", LaneKind::PainPoints, None);
    [a, b, c].iter().map(row).collect()
}

fn ids(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.map_id.as_str()).collect()
}

#[test]
fn rows_sort_by_change_title_figure_and_open_pain_points() {
    let rows = three_rows();
    assert_eq!(ids(&sorted(rows.clone(), Sort::Modified)), ["a", "c", "b"]);
    // Accents and case ignored: buying, Claims, Émilie.
    assert_eq!(ids(&sorted(rows.clone(), Sort::Title)), ["b", "c", "a"]);
    // équipe web, Zoé, then c, which nobody owns.
    assert_eq!(ids(&sorted(rows.clone(), Sort::Owner)), ["b", "a", "c"]);
    // The weakest NPS first (a: −50, b: +75); c has none and comes last.
    assert_eq!(ids(&sorted(rows.clone(), Sort::Nps)), ["a", "b", "c"]);
    assert_eq!(ids(&sorted(rows.clone(), Sort::Csat)), ["b", "c", "a"]);
    assert_eq!(ids(&sorted(rows, Sort::OpenPainPoints)), ["c", "b", "a"]);
    for s in Sort::ALL {
        assert_eq!(Sort::from_code(s.code()), s);
    }
}

#[test]
fn filters_keep_maps_by_kind_department_and_persona() {
    let rows = three_rows();
    let kept = |f: Filter| -> Vec<String> {
        rows.iter()
            .filter(|r| f.keeps(r))
            .map(|r| r.map_id.clone())
            .collect()
    };
    assert_eq!(kept(Filter::default()), ["a", "b", "c"]);
    let blueprint = Filter {
        kind: Some(MapKind::ServiceBlueprint),
        ..Filter::default()
    };
    assert_eq!(kept(blueprint), ["b"]);
    let logistics = Filter {
        department: Some("LOGISTIQUE".into()),
        ..Filter::default()
    };
    assert_eq!(kept(logistics), ["a"]);
    let ana = Filter {
        persona: Some("p-ana".into()),
        ..Filter::default()
    };
    assert_eq!(kept(ana), ["b"]);
    assert_eq!(department_choices(&rows), ["Logistique", "Web"]);
    let web_team = Filter {
        owner: Some("Équipe Web".into()),
        ..Filter::default()
    };
    assert_eq!(kept(web_team), ["b"]);
    assert_eq!(owner_choices(&rows), ["équipe web", "Zoé"]);
}

#[test]
fn the_weakest_touchpoints_across_maps_come_weakest_first_and_capped() {
    let rows = three_rows();
    let weak = weakest_across(&rows);
    assert_eq!(
        weak.iter()
            .map(|w| w.touchpoint_id.as_str())
            .collect::<Vec<_>>(),
        ["t1", "t2"]
    );
    assert_eq!(weak[0].map_title, "Émilie's delivery");
    assert_eq!(weak[0].stage, "Choose");

    let mut big = map("big", "Big");
    let s = big.stages[0].id.clone();
    for i in 0..25 {
        big.touchpoints
            .push(touchpoint(&format!("t{i}"), &s, "", vec![nps(1, i, 0, 10)]));
    }
    let r = row(&big);
    assert_eq!(r.weakest.len(), WEAKEST_KEPT);
    // More detractors is weaker: t24 first.
    assert_eq!(r.weakest[0].touchpoint_id, "t24");
    assert_eq!(weakest_across([&r, &r]).len(), WEAKEST_KEPT);
}

#[test]
fn hostile_text_is_kept_as_text() {
    let mut m = map("m", "<img src=x onerror=alert(1)>");
    let s = m.stages[0].id.clone();
    m.touchpoints
        .push(touchpoint("t\"1", &s, "<b>", vec![nps(1, 1, 0, 0)]));
    let r = row(&m);
    assert_eq!(r.title, "<img src=x onerror=alert(1)>");
    assert_eq!(r.departments, ["<b>"]);
    assert_eq!(r.weakest[0].touchpoint_id, "t\"1");
}

proptest! {
    /// Whatever order the maps are read in, every sort gives one order.
    #[test]
    fn sorting_does_not_depend_on_reading_order(
        seeds in proptest::collection::vec((0u32..5, 0u32..5, 0i64..3, 0usize..3), 1..8),
        rotate in 0usize..8,
    ) {
        let rows: Vec<Row> = seeds
            .iter()
            .enumerate()
            .map(|(i, &(d, p, modified, pains))| {
                let mut m = map(&format!("m{i}"), &format!("Map {}", i % 3));
                let s = m.stages[0].id.clone();
                if d + p > 0 {
                    m.touchpoints.push(touchpoint("t", &s, "", vec![nps(1, d, 0, p)]));
                }
                for k in 0..pains {
                    card(&mut m, &format!("p{k}"), LaneKind::PainPoints, None);
                }
                m.modified = modified;
                row(&m)
            })
            .collect();
        let mut other = rows.clone();
        let n = other.len();
        other.rotate_left(rotate % n);
        other.reverse();
        for s in Sort::ALL {
            let (a, b) = (sorted(rows.clone(), s), sorted(other.clone(), s));
            prop_assert_eq!(ids(&a), ids(&b));
        }
    }
}
