//! Current state and future state: a future-state map made as a copy of a
//! current-state map, and the two compared stage by stage.
//!
//! The copy keeps the ids of every item (stages, lanes, cards, touchpoints,
//! personas), so that the comparison matches what is the same by id; items
//! added on either side later are matched by name (ignoring case and
//! accents) when their ids differ.

use std::collections::{HashMap, HashSet};

use crate::core::analysis::metrics::current as current_figure;
use crate::core::document::model::{
    IdSource, JourneyMap, LaneKind, MapKind, Metric, Millis, Touchpoint,
};
use crate::core::sync::SyncState;
use crate::core::text::search::fold;

/// A future-state map from `current`: a new map id, kind future state,
/// `based_on` the current map's id, every item id kept; touchpoint readings
/// dropped (the targets are typed on the future map), actions dropped, no
/// change history. The feelings are copied as the future map's own curve:
/// today's, except where the current map set a future (target) feeling,
/// which wins.
pub fn future_from(
    current: &JourneyMap,
    ids: &mut dyn IdSource,
    now: Millis,
    title: String,
) -> JourneyMap {
    let mut future = current.clone();
    future.id = ids.next_id();
    future.title = title;
    future.kind = MapKind::FutureState;
    future.based_on = Some(current.id.clone());
    future.created = now;
    future.modified = now;
    future.actions.clear();
    future.sync = SyncState::default();
    // The discussion stays with the original: its comments are on the
    // original's items (and a copy's items have new ids).
    future.comments = Default::default();
    for t in &mut future.touchpoints {
        t.readings.clear();
    }
    // The maps detailing today's stages are today's journeys: the future
    // state is not part of them (it links its own when it has them).
    for s in &mut future.stages {
        s.journey.clear();
    }
    let targets: Vec<_> = current.emotions.iter().filter(|e| e.future).collect();
    future.emotions.retain(|e| {
        !e.future
            && !targets
                .iter()
                .any(|t| t.stage == e.stage && t.persona == e.persona)
    });
    for target in targets {
        let mut e = target.clone();
        e.future = false;
        future.emotions.push(e);
    }
    future
}

/// What happened to a stage between the current and the future state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    /// In both, same name, same place in the journey.
    Same,
    /// In both, in the same place, under another name.
    Renamed,
    /// In both, in another place relative to the other stages (maybe
    /// renamed too: see [`StageDiff::renamed`]).
    Moved,
    /// Only in the future state.
    Added,
    /// Only in the current state.
    Removed,
}

/// How the cards of one lane at one stage changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneChange {
    pub kind: LaneKind,
    /// The lane's title (the future map's when in both; empty: the kind's name).
    pub title: String,
    pub added: usize,
    pub removed: usize,
    /// Cards in both whose text, persona or severity changed.
    pub changed: usize,
}

/// One stage of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct StageDiff {
    pub status: StageStatus,
    /// Index into the current map's stages, when it is there.
    pub current: Option<usize>,
    /// Index into the future map's stages, when it is there.
    pub future: Option<usize>,
    /// The name to show: the future one, or the current one if removed.
    pub name: String,
    /// Renamed (also when it moved).
    pub renamed: bool,
    /// Ids of the future map's touchpoints new at this stage.
    pub touchpoints_added: Vec<String>,
    /// Ids of the current map's touchpoints gone from this stage.
    pub touchpoints_removed: Vec<String>,
    /// Lanes whose cards changed at this stage (lanes with no change are
    /// left out).
    pub lanes: Vec<LaneChange>,
    /// The mean feeling at this stage over every persona's (and the
    /// everyone) current-state value set, in each map; `None`: none set.
    pub emotion_current: Option<f64>,
    pub emotion_future: Option<f64>,
}

/// One metric of a touchpoint in both maps: today's against the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricGap {
    pub metric: Metric,
    /// The current map's latest value.
    pub current: Option<f64>,
    /// The future map's latest value: the target.
    pub target: Option<f64>,
    /// `target - current`, when both are set.
    pub gap: Option<f64>,
    /// Whether the target is better than today (lower effort is better);
    /// `None` for reach or when either is missing.
    pub target_better: Option<bool>,
}

/// A touchpoint present in both maps, with its metrics.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointGap {
    /// Its id in the current map.
    pub current: String,
    /// Its id in the future map (the same unless matched by name).
    pub future: String,
    /// Its name in the future map.
    pub name: String,
    /// The metrics measured or targeted on either side, in `Metric::ALL` order.
    pub metrics: Vec<MetricGap>,
}

/// The current and future states compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Every stage of either map, in the future journey's order, removed
    /// stages right after the stage that preceded them today.
    pub stages: Vec<StageDiff>,
    /// Touchpoints in both maps, in the future journey's order.
    pub touchpoints: Vec<TouchpointGap>,
}

/// Pairs `(index in a, index in b)` of items matched by key, then by name
/// among those left.
fn pair<A, B>(
    a: &[A],
    b: &[B],
    key_a: impl Fn(&A) -> &str,
    key_b: impl Fn(&B) -> &str,
    name_a: impl Fn(&A) -> String,
    name_b: impl Fn(&B) -> String,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used_b: HashSet<usize> = HashSet::new();
    let by_id: HashMap<&str, usize> = b.iter().enumerate().map(|(j, x)| (key_b(x), j)).collect();
    let mut left = Vec::new();
    for (i, x) in a.iter().enumerate() {
        match by_id.get(key_a(x)) {
            Some(&j) if used_b.insert(j) => pairs.push((i, j)),
            _ => left.push(i),
        }
    }
    for i in left {
        let name = name_a(&a[i]);
        let found = (0..b.len()).find(|j| !used_b.contains(j) && name_b(&b[*j]) == name);
        if let Some(j) = found {
            used_b.insert(j);
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The positions (in `order`) of a longest increasing subsequence: the
/// stages that kept their relative order.
fn longest_increasing(order: &[usize]) -> HashSet<usize> {
    let n = order.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if order[j] < order[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut kept = HashSet::new();
    let mut at = (0..n).max_by_key(|&i| (len[i], usize::MAX - i));
    while let Some(i) = at {
        kept.insert(i);
        at = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    kept
}

fn mean_emotion(map: &JourneyMap, stage: &str) -> Option<f64> {
    let values: Vec<f64> = map
        .emotions
        .iter()
        .filter(|e| e.stage == stage && !e.future)
        .map(|e| f64::from(e.value))
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn stage_touchpoints<'a>(map: &'a JourneyMap, stage: &str) -> Vec<&'a Touchpoint> {
    map.touchpoints
        .iter()
        .filter(|t| t.stage == stage)
        .collect()
}

/// Compare `current` with `future` stage by stage (see [`Comparison`]).
pub fn compare(current: &JourneyMap, future: &JourneyMap) -> Comparison {
    let stage_pairs = pair(
        &current.stages,
        &future.stages,
        |s| &s.id,
        |s| &s.id,
        |s| fold(s.name.trim()),
        |s| fold(s.name.trim()),
    );
    // Moved: not among the longest run of matched stages in the same order.
    let future_order: Vec<usize> = stage_pairs.iter().map(|&(_, j)| j).collect();
    let kept = longest_increasing(&future_order);
    let of_future: HashMap<usize, (usize, bool)> = stage_pairs
        .iter()
        .enumerate()
        .map(|(k, &(i, j))| (j, (i, !kept.contains(&k))))
        .collect();
    let matched_current: HashSet<usize> = stage_pairs.iter().map(|&(i, _)| i).collect();

    let lane_pairs = pair(
        &current.lanes,
        &future.lanes,
        |l| &l.id,
        |l| &l.id,
        |l| format!("{:?}/{}", l.kind, fold(l.title.trim())),
        |l| format!("{:?}/{}", l.kind, fold(l.title.trim())),
    );

    let mut stages: Vec<StageDiff> = Vec::new();
    let mut touchpoints: Vec<TouchpointGap> = Vec::new();
    let removed_after = |i: usize| -> Vec<usize> {
        // Removed current stages that follow current stage `i` (up to the
        // next matched one).
        (i + 1..current.stages.len())
            .take_while(|k| !matched_current.contains(k))
            .collect()
    };
    // Removed stages before any matched one come first.
    let mut order: Vec<(Option<usize>, Option<usize>)> = (0..current.stages.len())
        .take_while(|k| !matched_current.contains(k))
        .map(|k| (Some(k), None))
        .collect();
    for j in 0..future.stages.len() {
        match of_future.get(&j) {
            Some(&(i, _)) => {
                order.push((Some(i), Some(j)));
                order.extend(removed_after(i).into_iter().map(|k| (Some(k), None)));
            }
            None => order.push((None, Some(j))),
        }
    }
    for (ci, fi) in order {
        let cs = ci.map(|i| &current.stages[i]);
        let fs = fi.map(|j| &future.stages[j]);
        let renamed = matches!((cs, fs), (Some(c), Some(f)) if c.name != f.name);
        let moved = fi.is_some_and(|j| of_future.get(&j).is_some_and(|&(_, m)| m));
        let status = match (cs, fs) {
            (Some(_), None) => StageStatus::Removed,
            (None, _) => StageStatus::Added,
            _ if moved => StageStatus::Moved,
            _ if renamed => StageStatus::Renamed,
            _ => StageStatus::Same,
        };
        let name = fs.or(cs).map(|s| s.name.clone()).unwrap_or_default();
        let ct = cs.map_or_else(Vec::new, |s| stage_touchpoints(current, &s.id));
        let ft = fs.map_or_else(Vec::new, |s| stage_touchpoints(future, &s.id));
        let tp_pairs = pair(
            &ct,
            &ft,
            |t| &t.id,
            |t| &t.id,
            |t| fold(t.name.trim()),
            |t| fold(t.name.trim()),
        );
        let paired_c: HashSet<usize> = tp_pairs.iter().map(|p| p.0).collect();
        let paired_f: HashSet<usize> = tp_pairs.iter().map(|p| p.1).collect();
        let touchpoints_added = (0..ft.len())
            .filter(|j| !paired_f.contains(j))
            .map(|j| ft[j].id.clone())
            .collect();
        let touchpoints_removed = (0..ct.len())
            .filter(|i| !paired_c.contains(i))
            .map(|i| ct[i].id.clone())
            .collect();
        let mut in_future_order = tp_pairs.clone();
        in_future_order.sort_by_key(|p| p.1);
        for (i, j) in in_future_order {
            touchpoints.push(gap(current, future, ct[i], ft[j]));
        }
        let lanes = lane_changes(
            current,
            future,
            &lane_pairs,
            cs.map(|s| &*s.id),
            fs.map(|s| &*s.id),
        );
        stages.push(StageDiff {
            status,
            current: ci,
            future: fi,
            name,
            renamed,
            touchpoints_added,
            touchpoints_removed,
            lanes,
            emotion_current: cs.and_then(|s| mean_emotion(current, &s.id)),
            emotion_future: fs.and_then(|s| mean_emotion(future, &s.id)),
        });
    }
    Comparison {
        stages,
        touchpoints,
    }
}

/// The card changes at one stage (either side may be absent), per lane:
/// lanes matched by id, then by kind and title; a lane of only one map
/// counts all its cards there as added or removed.
fn lane_changes(
    current: &JourneyMap,
    future: &JourneyMap,
    lane_pairs: &[(usize, usize)],
    cs: Option<&str>,
    fs: Option<&str>,
) -> Vec<LaneChange> {
    let cards = |map: &'_ JourneyMap, lane: Option<&str>, stage: Option<&str>| {
        map.cards
            .iter()
            .filter(|c| Some(c.lane.as_str()) == lane && Some(c.stage.as_str()) == stage)
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut lanes: Vec<(Option<usize>, Option<usize>)> = lane_pairs
        .iter()
        .map(|&(i, j)| (Some(i), Some(j)))
        .collect();
    let paired_c: HashSet<usize> = lane_pairs.iter().map(|p| p.0).collect();
    let paired_f: HashSet<usize> = lane_pairs.iter().map(|p| p.1).collect();
    lanes.extend(
        (0..current.lanes.len())
            .filter(|i| !paired_c.contains(i))
            .map(|i| (Some(i), None)),
    );
    lanes.extend(
        (0..future.lanes.len())
            .filter(|j| !paired_f.contains(j))
            .map(|j| (None, Some(j))),
    );
    let mut changes = Vec::new();
    for (li, lj) in lanes {
        let cl = li.map(|i| &current.lanes[i]);
        let fl = lj.map(|j| &future.lanes[j]);
        let Some(lane) = fl.or(cl) else { continue };
        if !lane.kind.holds_cards() {
            continue;
        }
        let a = cards(current, cl.map(|l| &*l.id), cs);
        let b = cards(future, fl.map(|l| &*l.id), fs);
        let pairs = pair(
            &a,
            &b,
            |c| &c.id,
            |c| &c.id,
            |c| fold(c.text.trim()),
            |c| fold(c.text.trim()),
        );
        let changed = pairs
            .iter()
            .filter(|&&(i, j)| {
                let (x, y) = (&a[i], &b[j]);
                x.text != y.text || x.persona != y.persona || x.severity != y.severity
            })
            .count();
        let change = LaneChange {
            kind: lane.kind,
            title: lane.title.clone(),
            added: b.len() - pairs.len(),
            removed: a.len() - pairs.len(),
            changed,
        };
        if change.added + change.removed + change.changed > 0 {
            changes.push(change);
        }
    }
    changes
}

fn gap(current: &JourneyMap, future: &JourneyMap, c: &Touchpoint, f: &Touchpoint) -> TouchpointGap {
    let metrics = Metric::ALL
        .into_iter()
        .filter_map(|metric| {
            let now = current_figure(c, metric, &current.scales).map(|(fig, _)| fig);
            let target = current_figure(f, metric, &future.scales).map(|(fig, _)| fig);
            if now.is_none() && target.is_none() {
                return None;
            }
            let target_better = match (
                now.and_then(|x| x.goodness()),
                target.and_then(|x| x.goodness()),
            ) {
                (Some(n), Some(t)) => Some(t > n),
                _ => None,
            };
            Some(MetricGap {
                metric,
                current: now.map(|x| x.value),
                target: target.map(|x| x.value),
                gap: now.zip(target).map(|(n, t)| t.value - n.value),
                target_better,
            })
        })
        .collect();
    TouchpointGap {
        current: c.id.clone(),
        future: f.id.clone(),
        name: f.name.clone(),
        metrics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::priority::tests::{touchpoint, typed};
    use crate::core::document::demo::demo_map;
    use crate::core::document::edit::Edit;
    use crate::core::document::model::{Card, Emotion, SequentialIds, Stage};
    use crate::core::formats::envelope::validate;
    use crate::core::text::i18n::Lang;
    use proptest::prelude::*;

    fn current() -> JourneyMap {
        let mut m = demo_map(Lang::En, &mut SequentialIds::new("d"), 1_700_000_000_000);
        // A target feeling on the current map becomes the future's own.
        m.emotions.push(Emotion {
            stage: m.stages[4].id.clone(),
            persona: None,
            value: 1,
            future: true,
        });
        m
    }

    fn future(m: &JourneyMap) -> JourneyMap {
        future_from(m, &mut SequentialIds::new("f"), 5, "To be".into())
    }

    #[test]
    fn a_future_state_copies_the_journey_without_figures_actions_or_history() {
        let mut m = current();
        m.sync.clock.insert("r".into(), 3);
        m.stages[1].journey = "delivery-map".into();
        let f = future(&m);
        assert!(validate(&f).is_empty(), "{:?}", validate(&f));
        assert!(
            f.stages.iter().all(|s| s.journey.is_empty()),
            "today's sub-journeys are not the future's"
        );
        m.stages[1].journey.clear();
        assert_eq!((f.id.as_str(), f.title.as_str()), ("f1", "To be"));
        assert_eq!(f.kind, MapKind::FutureState);
        assert_eq!(f.based_on.as_deref(), Some(m.id.as_str()));
        assert_eq!((f.created, f.modified), (5, 5));
        assert_eq!(f.stages, m.stages);
        assert_eq!(f.cards, m.cards);
        assert_eq!(f.personas, m.personas);
        assert!(f.touchpoints.iter().all(|t| t.readings.is_empty()));
        assert!(f.actions.is_empty() && f.sync.is_empty());
        assert!(f.emotions.iter().all(|e| !e.future));
        assert_eq!(f.emotion(&m.stages[4].id, None, false), Some(1));
        let persona = Some(m.personas[0].id.as_str());
        assert_eq!(
            f.emotion(&m.stages[0].id, persona, false),
            m.emotion(&m.stages[0].id, persona, false)
        );
    }

    #[test]
    fn a_copy_compares_the_same_everywhere() {
        let m = current();
        let c = compare(&m, &future(&m));
        assert_eq!(c.stages.len(), m.stages.len());
        for s in &c.stages {
            assert_eq!(s.status, StageStatus::Same, "{}", s.name);
            assert!(s.touchpoints_added.is_empty() && s.touchpoints_removed.is_empty());
            assert!(s.lanes.is_empty(), "{:?}", s.lanes);
        }
        assert_eq!(c.touchpoints.len(), m.touchpoints.len());
        // Today's figures against no target yet.
        let site = &c.touchpoints[0];
        assert!(site
            .metrics
            .iter()
            .all(|g| g.current.is_some() && g.target.is_none()));
    }

    /// A hand-made pair: stages A B C D today; in the future B renamed,
    /// C removed, D moved first, E added; touchpoints added, removed and
    /// targeted; cards changed.
    fn pair_of_maps() -> (JourneyMap, JourneyMap) {
        let mut ids = SequentialIds::new("x");
        let mut m = JourneyMap::blank(&mut ids, "Today", ["A", "B", "C"], 0);
        m.stages.push(Stage {
            id: "sd".into(),
            name: "D".into(),
            journey: String::new(),
        });
        let (a, b, c) = (
            m.stages[0].id.clone(),
            m.stages[1].id.clone(),
            m.stages[2].id.clone(),
        );
        m.touchpoints = vec![
            touchpoint(
                "site",
                &a,
                Default::default(),
                vec![typed(Metric::Nps, -20.0, 1), typed(Metric::Ces, 5.0, 1)],
            ),
            touchpoint("call", &a, Default::default(), vec![]),
            touchpoint("shop", &c, Default::default(), vec![]),
        ];
        let doing = m.lanes[1].id.clone();
        let card = |id: &str, stage: &str, text: &str| Card {
            id: id.into(),
            lane: doing.clone(),
            stage: stage.into(),
            persona: None,
            text: text.into(),
            severity: None,
            answers: None,
            ..Default::default()
        };
        m.cards = vec![
            card("k1", &a, "Searches"),
            card("k2", &a, "Phones"),
            card("k3", &b, "Compares"),
        ];
        for (stage, value) in [(&a, -2), (&b, 0)] {
            m.emotions.push(Emotion {
                stage: stage.clone(),
                persona: None,
                value,
                future: false,
            });
        }
        let mut f = future_from(&m, &mut ids, 9, "Tomorrow".into());
        let edits = vec![
            Edit::RenameStage {
                id: b.clone(),
                name: "B, simpler".into(),
            },
            Edit::RemoveStage(c.clone()),
            Edit::MoveStage {
                id: "sd".into(),
                to: 0,
            },
            Edit::InsertStage {
                index: 3,
                stage: Stage {
                    id: "se".into(),
                    name: "E".into(),
                    journey: String::new(),
                },
                cards: Vec::new(),
                touchpoints: Vec::new(),
                emotions: Vec::new(),
            },
            Edit::RemoveTouchpoint("call".into()),
            Edit::InsertTouchpoint {
                index: 0,
                touchpoint: touchpoint("chat", &a, Default::default(), vec![]),
            },
            Edit::SetCardText {
                id: "k1".into(),
                text: "Finds at once".into(),
            },
            Edit::RemoveCard("k2".into()),
            Edit::SetEmotion {
                stage: a.clone(),
                persona: None,
                future: false,
                value: Some(1),
            },
        ];
        for e in edits {
            e.apply(&mut f).unwrap();
        }
        let site = f.touchpoints.iter_mut().find(|t| t.id == "site").unwrap();
        site.readings = vec![typed(Metric::Nps, 30.0, 9), typed(Metric::Ces, 2.0, 9)];
        (m, f)
    }

    #[test]
    fn every_status_of_a_stage_is_recognised() {
        let (m, f) = pair_of_maps();
        let c = compare(&m, &f);
        let seen: Vec<(&str, StageStatus)> = c
            .stages
            .iter()
            .map(|s| (s.name.as_str(), s.status))
            .collect();
        assert_eq!(
            seen,
            [
                ("D", StageStatus::Moved),
                ("A", StageStatus::Same),
                ("B, simpler", StageStatus::Renamed),
                ("C", StageStatus::Removed),
                ("E", StageStatus::Added),
            ]
        );
        let a = &c.stages[1];
        assert_eq!(a.touchpoints_added, ["chat"]);
        assert_eq!(a.touchpoints_removed, ["call"]);
        assert_eq!(
            (a.emotion_current, a.emotion_future),
            (Some(-2.0), Some(1.0))
        );
        assert_eq!(
            a.lanes,
            [LaneChange {
                kind: LaneKind::Doing,
                title: String::new(),
                added: 0,
                removed: 1,
                changed: 1,
            }]
        );
        assert_eq!(c.stages[3].touchpoints_removed, ["shop"]);
        assert_eq!(c.stages[3].lanes, []);
        assert_eq!((c.stages[4].current, c.stages[4].future), (None, Some(3)));
    }

    #[test]
    fn targets_are_compared_with_today_and_lower_effort_is_better() {
        let (m, f) = pair_of_maps();
        let c = compare(&m, &f);
        let site = c.touchpoints.iter().find(|t| t.current == "site").unwrap();
        assert_eq!(
            site.metrics,
            [
                MetricGap {
                    metric: Metric::Nps,
                    current: Some(-20.0),
                    target: Some(30.0),
                    gap: Some(50.0),
                    target_better: Some(true),
                },
                MetricGap {
                    metric: Metric::Ces,
                    current: Some(5.0),
                    target: Some(2.0),
                    gap: Some(-3.0),
                    target_better: Some(true),
                },
            ]
        );
    }

    #[test]
    fn stages_and_touchpoints_added_apart_match_by_name() {
        let (m, mut f) = pair_of_maps();
        let mut m2 = m.clone();
        m2.stages.push(Stage {
            id: "today-only".into(),
            name: "Après-vente".into(),
            journey: String::new(),
        });
        f.stages.push(Stage {
            id: "future-only".into(),
            name: "apres-vente ".into(),
            journey: String::new(),
        });
        let c = compare(&m2, &f);
        let last = c.stages.last().unwrap();
        assert_eq!(last.status, StageStatus::Renamed);
        assert!(c
            .stages
            .iter()
            .all(|s| s.name != "Après-vente" || s.future.is_some()));
    }

    proptest! {
        #[test]
        fn any_map_compared_with_its_future_copy_is_the_same(
            names in prop::collection::vec("[a-zA-Zé ]{0,8}", 1..6),
            order in prop::collection::vec(0usize..6, 0..4),
        ) {
            let mut m = JourneyMap::blank(&mut SequentialIds::new("m"), "M", ["a", "b", "c"], 0);
            m.stages = names.iter().enumerate().map(|(i, n)| Stage { id: format!("s{i}"), name: n.clone(), journey: String::new() }).collect();
            for (k, i) in order.iter().enumerate() {
                let stage = m.stages[i % m.stages.len()].id.clone();
                m.touchpoints.push(touchpoint(&format!("t{k}"), &stage, Default::default(), vec![]));
            }
            let c = compare(&m, &future_from(&m, &mut SequentialIds::new("f"), 1, "F".into()));
            prop_assert_eq!(c.stages.len(), m.stages.len());
            for s in &c.stages {
                prop_assert_eq!(s.status, StageStatus::Same);
                prop_assert!(s.touchpoints_added.is_empty() && s.touchpoints_removed.is_empty());
            }
            prop_assert_eq!(c.touchpoints.len(), m.touchpoints.len());
        }
    }
}
