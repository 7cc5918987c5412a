//! One report per department: the touchpoints a department owns, the actions
//! that answer them, and the figures computed from them alone.
//!
//! Departments are typed by hand on each touchpoint, so "Service client",
//! "service client " and "Service Client" are one department: names are
//! compared trimmed, ignoring case and accents, and shown as first written.

use crate::core::analysis::metrics::journey::in_journey_order;
use crate::core::document::model::JourneyMap;
use crate::core::text::search::fold;

/// A department's name as compared: trimmed, lower case, no accents.
fn key(name: &str) -> String {
    fold(name.trim())
}

/// True when `a` and `b` name the same department.
pub fn same_department(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// The departments that own touchpoints of the map, each once, as first
/// written in journey order, sorted by name (accents and case ignored).
pub fn departments(map: &JourneyMap) -> Vec<String> {
    let mut found: Vec<(String, String)> = Vec::new();
    for (_, t) in in_journey_order(map) {
        let name = map.touchpoints[t].department.trim();
        let k = key(name);
        if !name.is_empty() && !found.iter().any(|(seen, _)| *seen == k) {
            found.push((k, name.to_owned()));
        }
    }
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().map(|(_, name)| name).collect()
}

/// The map as one department's report shows it: only the touchpoints the
/// department owns and the actions linked to them. Stages, lanes, cards,
/// personas and feelings stay: they are the journey the department serves.
/// Charts and figures drawn from this map are the department's own.
pub fn department_view(map: &JourneyMap, department: &str) -> JourneyMap {
    let mut view = map.clone();
    view.touchpoints
        .retain(|t| same_department(&t.department, department));
    view.actions.retain(|a| {
        a.touchpoint
            .as_deref()
            .is_some_and(|t| view.touchpoints.iter().any(|kept| kept.id == t))
    });
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::chart::journey_charts;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{
        Action, Channel, Classification, SequentialIds, Touchpoint,
    };
    use crate::core::formats::envelope::validate;
    use crate::core::text::i18n::Lang;

    fn demo() -> JourneyMap {
        demo_map(Lang::En, &mut SequentialIds::new("d"), 1_700_000_000_000)
    }

    fn touchpoint(id: &str, stage: &str, department: &str) -> Touchpoint {
        Touchpoint {
            id: id.into(),
            stage: stage.into(),
            name: format!("Touchpoint {id}"),
            channel: Channel::Store,
            classification: Classification::Critical,
            department: department.into(),
            readings: Vec::new(),
            legacy_metrics: None,
        }
    }

    #[test]
    fn departments_are_listed_once_whatever_their_spelling() {
        let mut map = demo();
        let stage = map.stages[0].id.clone();
        map.touchpoints.clear();
        for (id, department) in [
            ("a", "Service client"),
            ("b", " service Client "),
            ("c", "Équipe Logistique"),
            ("d", ""),
            ("e", "   "),
            ("f", "equipe logistique"),
            ("g", "Achats"),
        ] {
            map.touchpoints.push(touchpoint(id, &stage, department));
        }
        assert_eq!(
            departments(&map),
            ["Achats", "Équipe Logistique", "Service client"]
        );
        assert!(same_department("Équipe Logistique", "  equipe LOGISTIQUE"));
        assert!(!same_department("Ventes", "Vente"));
    }

    #[test]
    fn the_demo_has_several_departments() {
        let names = departments(&demo());
        assert!(names.len() >= 3, "{names:?}");
        assert!(names.contains(&"Customer service".to_owned()));
    }

    #[test]
    fn a_department_keeps_its_touchpoints_and_the_actions_linked_to_them() {
        let map = demo();
        let view = department_view(&map, "customer service");
        assert!(!view.touchpoints.is_empty());
        assert!(view
            .touchpoints
            .iter()
            .all(|t| t.department == "Customer service"));
        let owned = map
            .touchpoints
            .iter()
            .filter(|t| t.department == "Customer service")
            .count();
        assert_eq!(view.touchpoints.len(), owned, "every one of them");
        for a in &view.actions {
            let t = a.touchpoint.as_deref().unwrap();
            assert!(view.touchpoints.iter().any(|kept| kept.id == t));
        }
        let linked = map
            .actions
            .iter()
            .filter(|a| {
                map.touchpoints.iter().any(|t| {
                    Some(t.id.as_str()) == a.touchpoint.as_deref()
                        && t.department == "Customer service"
                })
            })
            .count();
        assert_eq!(view.actions.len(), linked);
        // The journey itself stays whole, and the view is a valid map.
        assert_eq!(view.stages, map.stages);
        assert_eq!(view.cards, map.cards);
        assert_eq!(view.emotions, map.emotions);
        assert_eq!(view.personas, map.personas);
        assert_eq!(validate(&view), []);
    }

    #[test]
    fn actions_without_a_touchpoint_or_of_another_department_leave() {
        let mut map = demo();
        let stage = map.stages[0].id.clone();
        map.touchpoints = vec![
            touchpoint("ours", &stage, "Ventes"),
            touchpoint("theirs", &stage, "Achats"),
        ];
        let action = |id: &str, touchpoint: Option<&str>| Action {
            id: id.into(),
            title: id.into(),
            owner: "Ventes".into(),
            status: Default::default(),
            card: None,
            touchpoint: touchpoint.map(str::to_owned),
            department: String::new(),
            due: None,
            metric: None,
            done_at: None,
        };
        map.actions = vec![
            action("linked", Some("ours")),
            action("elsewhere", Some("theirs")),
            action("loose", None),
        ];
        let view = department_view(&map, "Ventes");
        let ids: Vec<&str> = view.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["linked"]);
        assert!(department_view(&map, "Nobody").touchpoints.is_empty());
    }

    #[test]
    fn the_charts_of_a_department_count_its_touchpoints_only() {
        let map = demo();
        let view = department_view(&map, "Marketing");
        let all = journey_charts::funnel(&map, Lang::En).unwrap();
        let ours = journey_charts::funnel(&view, Lang::En).unwrap();
        assert!(ours.rows.len() < all.rows.len());
        for row in &ours.rows {
            let t = map.touchpoints.iter().find(|t| t.name == row[1]).unwrap();
            assert_eq!(t.department, "Marketing");
        }
        let weakest = journey_charts::weakest(&view, Lang::En, 50).unwrap();
        assert!(!weakest.rows.is_empty());
        for row in &weakest.rows {
            let t = map.touchpoints.iter().find(|t| t.name == row[0]).unwrap();
            assert_eq!(t.department, "Marketing");
        }
    }
}
