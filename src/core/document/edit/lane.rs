//! Edits of lanes: a removed lane takes its cards with it.

use super::{and_relink, answered, detach_actions, drain_where, ensure_unique, restore};
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertLane { index, lane, cards } => {
            ensure_unique(map, &lane.id)?;
            for (_, card) in &cards {
                ensure_unique(map, &card.id)?;
            }
            let id = lane.id.clone();
            let mut touched = vec![Scope::Lanes];
            touched.extend(answered(cards.iter().map(|(_, c)| c)));
            map.lanes.insert(index.min(map.lanes.len()), lane);
            restore(&mut map.cards, cards);
            applied(Edit::RemoveLane(id), touched)
        }
        Edit::RemoveLane(id) => {
            let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
            let lane = map.lanes.remove(index);
            let cards = drain_where(&mut map.cards, |c| c.lane == id);
            let relink = detach_actions(map);
            let mut touched = vec![Scope::Lanes];
            touched.extend(answered(cards.iter().map(|(_, c)| c)));
            and_relink(Edit::InsertLane { index, lane, cards }, touched, relink)
        }
        Edit::RenameLane { id, title } => {
            let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
            let old = std::mem::replace(&mut map.lanes[index].title, title);
            let mut touched = vec![Scope::Lane(id.clone())];
            // The list of hidden lanes (read under `Lanes`) shows their titles.
            if map.lanes[index].hidden {
                touched.push(Scope::Lanes);
            }
            applied(Edit::RenameLane { id, title: old }, touched)
        }
        Edit::SetLaneHidden { id, hidden } => {
            let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
            let old = std::mem::replace(&mut map.lanes[index].hidden, hidden);
            applied(
                Edit::SetLaneHidden {
                    id: id.clone(),
                    hidden: old,
                },
                vec![Scope::Lanes, Scope::Lane(id)],
            )
        }
        Edit::MoveLane { id, to } => {
            let from = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
            let lane = map.lanes.remove(from);
            map.lanes.insert(to.min(map.lanes.len()), lane);
            applied(Edit::MoveLane { id, to: from }, vec![Scope::Lanes])
        }

        other => misrouted(other),
    }
}
