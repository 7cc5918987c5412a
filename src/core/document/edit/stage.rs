//! Edits of stages: a removed stage takes its cards, touchpoints and
//! emotions with it, and its undo puts them back where they were.

use super::{and_relink, answered, detach_actions, drain_where, ensure_unique, labelled, restore};
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertStage {
            index,
            stage,
            cards,
            touchpoints,
            emotions,
        } => {
            ensure_unique(map, &stage.id)?;
            for (_, card) in &cards {
                ensure_unique(map, &card.id)?;
            }
            for (_, tp) in &touchpoints {
                ensure_unique(map, &tp.id)?;
            }
            let id = stage.id.clone();
            let mut touched = vec![Scope::Stages, Scope::Emotions];
            touched.extend(answered(cards.iter().map(|(_, c)| c)));
            map.stages.insert(index.min(map.stages.len()), stage);
            restore(&mut map.cards, cards);
            restore(&mut map.touchpoints, touchpoints);
            restore(&mut map.emotions, emotions);
            applied(Edit::RemoveStage(id), touched)
        }
        Edit::RemoveStage(id) => {
            let index = map
                .stage_index(&id)
                .ok_or_else(|| not_found("stage", &id))?;
            let stage = map.stages.remove(index);
            let cards = drain_where(&mut map.cards, |c| c.stage == id);
            let touchpoints = drain_where(&mut map.touchpoints, |t| t.stage == id);
            let emotions = drain_where(&mut map.emotions, |e| e.stage == id);
            let relink = detach_actions(map);
            let mut touched = vec![Scope::Stages, Scope::Emotions];
            touched.extend(answered(cards.iter().map(|(_, c)| c)));
            and_relink(
                Edit::InsertStage {
                    index,
                    stage,
                    cards,
                    touchpoints,
                    emotions,
                },
                touched,
                relink,
            )
        }
        Edit::RenameStage { id, name } => {
            let index = map
                .stage_index(&id)
                .ok_or_else(|| not_found("stage", &id))?;
            let old = std::mem::replace(&mut map.stages[index].name, name);
            let mut touched = vec![Scope::Stage(id.clone())];
            touched.extend(labelled(map, |c| c.stage == id));
            applied(Edit::RenameStage { id, name: old }, touched)
        }
        Edit::MoveStage { id, to } => {
            let from = map
                .stage_index(&id)
                .ok_or_else(|| not_found("stage", &id))?;
            let stage = map.stages.remove(from);
            map.stages.insert(to.min(map.stages.len()), stage);
            applied(
                Edit::MoveStage { id, to: from },
                vec![Scope::Stages, Scope::Emotions],
            )
        }
        Edit::LinkStage { id, journey } => {
            if journey == map.id {
                return Err(EditError::LinksToItself);
            }
            let index = map
                .stage_index(&id)
                .ok_or_else(|| not_found("stage", &id))?;
            let old = std::mem::replace(&mut map.stages[index].journey, journey);
            applied(
                Edit::LinkStage {
                    id: id.clone(),
                    journey: old,
                },
                vec![Scope::Stage(id)],
            )
        }

        other => misrouted(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::fixtures::*;

    #[test]
    fn removing_a_stage_takes_its_content_and_undo_brings_it_back() {
        let mut m = map();
        let s0 = m.stages[0].id.clone();
        let done = Edit::RemoveStage(s0.clone()).apply(&mut m).unwrap();
        assert!(m.cards.iter().all(|c| c.stage != s0));
        assert!(m.touchpoints.is_empty());
        assert!(m.emotions.is_empty());
        done.inverse.apply(&mut m).unwrap();
        assert_eq!(m.cards.len(), 2);
        assert_eq!(m.stages[0].id, s0);
    }

    #[test]
    fn a_stage_never_links_to_its_own_map() {
        let mut m = map();
        let original = m.clone();
        let s0 = m.stages[0].id.clone();
        let own = Edit::LinkStage {
            id: s0.clone(),
            journey: m.id.clone(),
        };
        assert_eq!(own.apply(&mut m).unwrap_err(), EditError::LinksToItself);
        assert_eq!(m, original);
        let other = Edit::LinkStage {
            id: s0,
            journey: "another-map".into(),
        };
        other.apply(&mut m).unwrap();
        assert_eq!(m.stages[0].journey, "another-map");
    }
}
