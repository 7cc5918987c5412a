//! Linked journeys (issue 16): a stage names the map that details it
//! ("Delivery" -> the delivery map), so that maps form a hierarchy of
//! journeys. Links are map ids in the stage (`Stage::journey`), so they
//! survive files, backups and merges; what they point at is read from the
//! library's entries, which carry each map's links (`MapEntry::links`).
//!
//! The rules: a stage never links to its own map (a file that does is
//! refused by `envelope::validate`), and a link that would close a cycle
//! (A details B, which details A) is refused here, with the path that
//! would loop. A cycle can still arrive by a merge of two copies that each
//! made half of it; the tree shows every map once all the same.

use super::model::{IdSource, JourneyMap, Millis};
use std::collections::{HashMap, HashSet};

/// One stage's link: the stage (id and name) and the linked map's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageLink {
    pub stage: String,
    pub stage_name: String,
    pub journey: String,
}

/// The links of a map's stages, in the stages' order.
pub fn links_of(map: &JourneyMap) -> Vec<StageLink> {
    map.stages
        .iter()
        .filter(|s| !s.journey.is_empty())
        .map(|s| StageLink {
            stage: s.id.clone(),
            stage_name: s.name.clone(),
            journey: s.journey.clone(),
        })
        .collect()
}

/// What the rules need of a map: its id, its title and its stages' links
/// (the library's entries; tests use their own).
pub trait Journey {
    fn id(&self) -> &str;
    fn title(&self) -> &str;
    fn links(&self) -> &[StageLink];
}

/// Why a stage may not link to a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    /// The map is the stage's own.
    Itself,
    /// The map already leads back to the stage's map: the ids from the
    /// linked map to the stage's own, through their links.
    Cycle(Vec<String>),
}

/// Whether a stage of map `from` may link to map `to`, given the links of
/// `maps` (`from`'s own links as they are now, whatever the list says of
/// them, are not needed: a cycle goes through `to`'s).
pub fn check_link<J: Journey>(maps: &[J], from: &str, to: &str) -> Result<(), LinkRefusal> {
    if from == to {
        return Err(LinkRefusal::Itself);
    }
    let by_id: HashMap<&str, &J> = maps.iter().map(|m| (m.id(), m)).collect();
    // Breadth first from `to`, remembering where each map was reached from,
    // so that the path back to `from` can be told.
    let mut came_from: HashMap<&str, &str> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([to]);
    let mut seen: HashSet<&str> = HashSet::from([to]);
    while let Some(at) = queue.pop_front() {
        let Some(map) = by_id.get(at) else { continue };
        for link in map.links() {
            let next = link.journey.as_str();
            if next == from {
                let mut path = vec![from.to_owned(), at.to_owned()];
                let mut step = at;
                while let Some(&before) = came_from.get(step) {
                    path.push(before.to_owned());
                    step = before;
                }
                path.reverse();
                return Err(LinkRefusal::Cycle(path));
            }
            if seen.insert(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    Ok(())
}

/// The maps a stage of map `from` may link to, in the list's order.
pub fn linkable<'a, J: Journey>(maps: &'a [J], from: &str) -> Vec<&'a J> {
    maps.iter()
        .filter(|m| check_link(maps, from, m.id()).is_ok())
        .collect()
}

/// The links of `map` to map `id`: none from `id` itself (a self-link is
/// refused, and shown nowhere if a file slipped one in).
fn links_to<'a, J: Journey>(map: &'a J, id: &'a str) -> impl Iterator<Item = &'a StageLink> {
    let other = map.id() != id;
    map.links().iter().filter(move |l| other && l.journey == id)
}

/// The maps with a stage that `id` details, with that stage's link: where
/// the map belongs (*part of: Buying a washing machine › Delivery*).
pub fn parents<'a, J: Journey>(maps: &'a [J], id: &'a str) -> Vec<(&'a J, &'a StageLink)> {
    maps.iter()
        .flat_map(|m| links_to(m, id).map(move |l| (m, l)))
        .collect()
}

/// Whether `id` details a stage of another map (the editor shows *part
/// of* then), without collecting [`parents`].
pub fn details_a_stage<J: Journey>(maps: &[J], id: &str) -> bool {
    maps.iter().any(|m| links_to(m, id).next().is_some())
}

/// A line of the tree of journeys.
#[derive(Debug, PartialEq)]
pub struct TreeRow<'a, J> {
    pub map: &'a J,
    /// 0 for a top-level journey.
    pub depth: usize,
    /// The stage of the map above that this one details (none at the top).
    pub stage: Option<&'a str>,
}

/// Every map once, as a tree: the top-level journeys (no other map links
/// to them) in the list's order, each followed by its sub-journeys in its
/// stages' order, deeper ones indented. A map that two journeys detail is
/// shown under the first; maps only reachable through a cycle (merged in)
/// are shown at the top after the others. Links to maps the list lacks
/// are left out (the stage says so).
pub fn tree<J: Journey>(maps: &[J]) -> Vec<TreeRow<'_, J>> {
    let by_id: HashMap<&str, &J> = maps.iter().map(|m| (m.id(), m)).collect();
    let linked: HashSet<&str> = maps
        .iter()
        .flat_map(|m| {
            m.links()
                .iter()
                .map(|l| l.journey.as_str())
                .filter(move |&j| j != m.id())
        })
        .collect();
    let mut rows = Vec::with_capacity(maps.len());
    let mut shown: HashSet<&str> = HashSet::new();
    let roots = maps
        .iter()
        .filter(|m| !linked.contains(m.id()))
        .chain(maps.iter());
    for root in roots {
        if shown.contains(root.id()) {
            continue;
        }
        // Depth first with a stack of its own: a deep hierarchy never
        // overflows the wasm stack.
        let mut stack: Vec<(&J, usize, Option<&str>)> = vec![(root, 0, None)];
        while let Some((map, depth, stage)) = stack.pop() {
            if !shown.insert(map.id()) {
                continue;
            }
            rows.push(TreeRow { map, depth, stage });
            for link in map.links().iter().rev() {
                if let Some(&child) = by_id.get(link.journey.as_str()) {
                    if !shown.contains(child.id()) {
                        stack.push((child, depth + 1, Some(link.stage_name.as_str())));
                    }
                }
            }
        }
    }
    rows
}

/// A new map detailing `stage` of `parent`: titled with the stage's name,
/// of the parent's kind, with its lanes (their kinds, titles and hidden
/// state, under new ids), its personas (the same ids, so that the two maps
/// compare), its answer scales and its owner, and three blank stages named
/// `stage_names`. `None` if the parent has no such stage.
pub fn sub_journey(
    parent: &JourneyMap,
    stage: &str,
    ids: &mut dyn IdSource,
    stage_names: [&str; 3],
    now: Millis,
) -> Option<JourneyMap> {
    let name = &parent.stages.iter().find(|s| s.id == stage)?.name;
    let mut map = JourneyMap::blank(ids, name, stage_names, now);
    map.kind = parent.kind;
    map.lanes = parent
        .lanes
        .iter()
        .map(|l| super::model::Lane {
            id: ids.next_id(),
            ..l.clone()
        })
        .collect();
    map.personas = parent.personas.clone();
    map.scales = parent.scales;
    map.owner = parent.owner.clone();
    Some(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::SequentialIds;
    use proptest::prelude::*;

    #[derive(Debug, PartialEq)]
    struct M {
        id: String,
        links: Vec<StageLink>,
    }
    impl Journey for M {
        fn id(&self) -> &str {
            &self.id
        }
        fn title(&self) -> &str {
            &self.id
        }
        fn links(&self) -> &[StageLink] {
            &self.links
        }
    }
    fn m(id: &str, to: &[&str]) -> M {
        M {
            id: id.into(),
            links: to
                .iter()
                .enumerate()
                .map(|(i, j)| StageLink {
                    stage: format!("{id}-s{i}"),
                    stage_name: format!("{id} {i}"),
                    journey: (*j).into(),
                })
                .collect(),
        }
    }
    fn ids<J: Journey>(rows: &[TreeRow<'_, J>]) -> Vec<(String, usize)> {
        rows.iter()
            .map(|r| (r.map.id().to_owned(), r.depth))
            .collect()
    }

    #[test]
    fn a_map_never_links_to_itself_nor_closes_a_cycle() {
        let maps = [m("a", &["b"]), m("b", &["c"]), m("c", &[]), m("d", &[])];
        assert_eq!(check_link(&maps, "a", "a"), Err(LinkRefusal::Itself));
        // c -> a would loop a -> b -> c -> a: the path from c's link back.
        assert_eq!(
            check_link(&maps, "c", "a"),
            Err(LinkRefusal::Cycle(vec!["a".into(), "b".into(), "c".into()]))
        );
        assert_eq!(
            check_link(&maps, "b", "a"),
            Err(LinkRefusal::Cycle(vec!["a".into(), "b".into()]))
        );
        assert_eq!(check_link(&maps, "a", "c"), Ok(()), "a second way down");
        assert_eq!(check_link(&maps, "d", "a"), Ok(()));
        // A link to a map the list lacks leads nowhere.
        assert_eq!(check_link(&maps, "a", "zz"), Ok(()));
        let ok: Vec<&str> = linkable(&maps, "c").iter().map(|m| m.id()).collect();
        assert_eq!(ok, ["d"]);
    }

    #[test]
    fn parents_name_each_stage_that_a_map_details() {
        let maps = [m("a", &["c", "x"]), m("b", &["c"]), m("c", &[])];
        let p: Vec<(&str, &str)> = parents(&maps, "c")
            .iter()
            .map(|(m, l)| (m.id(), l.stage_name.as_str()))
            .collect();
        assert_eq!(p, [("a", "a 0"), ("b", "b 0")]);
        assert!(parents(&maps, "a").is_empty());
        assert!(details_a_stage(&maps, "c") && !details_a_stage(&maps, "a"));
        // A map linking to itself is not its own parent.
        let own = [m("a", &["a"])];
        assert!(parents(&own, "a").is_empty() && !details_a_stage(&own, "a"));
    }

    #[test]
    fn the_tree_shows_journeys_then_their_sub_journeys_each_once() {
        let maps = [
            m("c", &[]),
            m("a", &["b", "c"]),
            m("b", &["d"]),
            m("d", &[]),
            m("e", &["missing"]),
            m("f", &["c"]),
        ];
        let rows = tree(&maps);
        assert_eq!(
            ids(&rows),
            [
                ("a".into(), 0),
                ("b".into(), 1),
                ("d".into(), 2),
                ("c".into(), 1),
                ("e".into(), 0),
                ("f".into(), 0),
            ]
        );
        assert_eq!(rows[1].stage, Some("a 0"));
        assert_eq!(rows[3].stage, Some("a 1"));
        assert_eq!(rows[0].stage, None);
    }

    #[test]
    fn a_merged_cycle_still_shows_every_map_once() {
        // Each copy made half of the loop; merged, nothing is on top.
        let maps = [m("a", &["b"]), m("b", &["a"]), m("c", &["c"])];
        assert_eq!(
            ids(&tree(&maps)),
            [("c".into(), 0), ("a".into(), 0), ("b".into(), 1)]
        );
    }

    #[test]
    fn a_sub_journey_takes_the_stage_name_lanes_personas_scales_and_owner() {
        let mut ids = SequentialIds::new("p");
        let mut parent = JourneyMap::blank(&mut ids, "Achat", ["A", "Livraison", "C"], 5);
        parent.owner = "Équipe".into();
        parent.lanes[2].title = "Doutes".into();
        parent.lanes[3].hidden = true;
        parent.personas.push(Default::default());
        parent.personas[0].id = "persona".into();
        let stage = parent.stages[1].id.clone();
        let sub = sub_journey(&parent, &stage, &mut ids, ["1", "2", "3"], 9).unwrap();
        assert_eq!(sub.title, "Livraison");
        assert_eq!(sub.owner, "Équipe");
        assert_eq!(sub.kind, parent.kind);
        assert_eq!(sub.personas, parent.personas);
        assert_eq!(sub.stages.len(), 3);
        assert!(sub.stages.iter().all(|s| s.journey.is_empty()));
        assert_eq!(sub.lanes.len(), parent.lanes.len());
        for (a, b) in sub.lanes.iter().zip(&parent.lanes) {
            assert_ne!(a.id, b.id, "new ids: the two maps merge as two");
            assert_eq!((a.kind, &a.title, a.hidden), (b.kind, &b.title, b.hidden));
        }
        assert_ne!(sub.id, parent.id);
        assert!(crate::core::formats::envelope::validate(&sub).is_empty());
        assert!(sub_journey(&parent, "nope", &mut ids, ["1", "2", "3"], 9).is_none());
    }

    #[test]
    fn a_map_linking_to_itself_is_refused_where_the_link_is() {
        use crate::core::formats::envelope::{validate, Flaw};
        let mut ids = SequentialIds::new("v");
        let mut map = JourneyMap::blank(&mut ids, "A", ["1", "2", "3"], 1);
        map.stages[2].journey = map.id.clone();
        let problems = validate(&map);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "map.stages[2].journey");
        assert_eq!(problems[0].message, Flaw::LinksToItself);
        map.stages[2].journey = "another".into();
        assert!(validate(&map).is_empty(), "another map's id is kept");
    }

    proptest! {
        /// Links added one by one, each only if `check_link` allows it,
        /// never form a cycle; and the tree shows every map exactly once.
        #[test]
        fn allowed_links_never_loop_and_the_tree_shows_every_map_once(
            tries in proptest::collection::vec((0usize..6, 0usize..7), 0..40)
        ) {
            let mut maps: Vec<M> = (0..6).map(|i| m(&format!("m{i}"), &[])).collect();
            for (from, to) in tries {
                let (f, t) = (format!("m{from}"), format!("m{to}"));
                if check_link(&maps, &f, &t).is_ok() {
                    let n = maps[from].links.len();
                    maps[from].links.push(StageLink {
                        stage: format!("{f}-{n}"),
                        stage_name: n.to_string(),
                        journey: t,
                    });
                }
            }
            // No map reaches itself by following links.
            for start in &maps {
                let mut seen = HashSet::new();
                let mut stack: Vec<&str> = start.links.iter().map(|l| l.journey.as_str()).collect();
                while let Some(at) = stack.pop() {
                    prop_assert_ne!(at, start.id.as_str());
                    if seen.insert(at) {
                        if let Some(next) = maps.iter().find(|m| m.id == at) {
                            stack.extend(next.links.iter().map(|l| l.journey.as_str()));
                        }
                    }
                }
            }
            let rows = tree(&maps);
            prop_assert_eq!(rows.len(), maps.len());
            let once: HashSet<&str> = rows.iter().map(|r| r.map.id()).collect();
            prop_assert_eq!(once.len(), maps.len());
        }

        /// Any links at all (to itself, in loops, to maps the list lacks,
        /// as merged copies can bring): the tree still shows every map
        /// exactly once, a sub-journey right under a map linking to it.
        #[test]
        fn the_tree_shows_every_map_once_whatever_the_links(
            links in proptest::collection::vec((0usize..6, 0usize..8), 0..30)
        ) {
            let mut maps: Vec<M> = (0..6).map(|i| m(&format!("m{i}"), &[])).collect();
            for (k, (from, to)) in links.into_iter().enumerate() {
                maps[from].links.push(StageLink {
                    stage: format!("s{k}"),
                    stage_name: k.to_string(),
                    journey: format!("m{to}"),
                });
            }
            let rows = tree(&maps);
            prop_assert_eq!(rows.len(), maps.len());
            let once: HashSet<&str> = rows.iter().map(|r| r.map.id()).collect();
            prop_assert_eq!(once.len(), maps.len());
            for (i, row) in rows.iter().enumerate() {
                if row.depth > 0 {
                    // The nearest row above with one level less links to it.
                    let above = rows[..i].iter().rev().find(|r| r.depth == row.depth - 1).unwrap();
                    prop_assert!(above.map.links.iter().any(|l| l.journey == row.map.id));
                }
            }
        }
    }
}
