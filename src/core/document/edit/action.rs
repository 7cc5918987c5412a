//! Edits of actions: work someone owns, linked to a card and a touchpoint
//! that must be in the map.

use super::ensure_unique;
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::{Action, JourneyMap};

/// An action's card and touchpoint, when set, are in the map.
fn ensure_links(map: &JourneyMap, action: &Action) -> Result<(), EditError> {
    if let Some(card) = &action.card {
        map.card_index(card)
            .ok_or_else(|| not_found("card", card))?;
    }
    if let Some(tp) = &action.touchpoint {
        map.touchpoint_index(tp)
            .ok_or_else(|| not_found("touchpoint", tp))?;
    }
    Ok(())
}

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertAction { index, action } => {
            ensure_unique(map, &action.id)?;
            ensure_links(map, &action)?;
            let id = action.id.clone();
            map.actions.insert(index.min(map.actions.len()), action);
            applied(Edit::RemoveAction(id), vec![Scope::Actions])
        }
        Edit::UpdateAction(action) => {
            let index = map
                .action_index(&action.id)
                .ok_or_else(|| not_found("action", &action.id))?;
            ensure_links(map, &action)?;
            let id = action.id.clone();
            let old = std::mem::replace(&mut map.actions[index], action);
            let new = &map.actions[index];
            let mut touched = vec![Scope::Action(id)];
            // Lists of actions (by card, touchpoint, status) change too.
            if old.card != new.card || old.touchpoint != new.touchpoint || old.status != new.status
            {
                touched.push(Scope::Actions);
            }
            applied(Edit::UpdateAction(old), touched)
        }
        Edit::RemoveAction(id) => {
            let index = map
                .action_index(&id)
                .ok_or_else(|| not_found("action", &id))?;
            let action = map.actions.remove(index);
            applied(Edit::InsertAction { index, action }, vec![Scope::Actions])
        }
        other => misrouted(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::fixtures::*;
    use crate::core::document::model::ActionStatus;

    #[test]
    fn removing_what_an_action_answers_detaches_it_and_undo_links_it_again() {
        let original = map();
        let s0 = original.stages[0].id.clone();
        for edit in [
            Edit::RemoveCard("c2".into()),
            Edit::RemoveTouchpoint("t1".into()),
            Edit::RemoveStage(s0),
        ] {
            let mut m = original.clone();
            let done = edit.clone().apply(&mut m).unwrap();
            assert_eq!(m.actions.len(), 1, "{edit:?} keeps the action");
            assert!(
                crate::core::formats::envelope::validate(&m).is_empty(),
                "{edit:?}"
            );
            assert!(done.touched.contains(&Scope::Actions), "{edit:?}");
            done.inverse.apply(&mut m).unwrap();
            assert_eq!(m, original, "undo of {edit:?}");
        }
        let mut m = original.clone();
        Edit::RemoveTouchpoint("t1".into()).apply(&mut m).unwrap();
        assert_eq!(
            (
                m.actions[0].card.as_deref(),
                m.actions[0].touchpoint.as_deref()
            ),
            (Some("c2"), None)
        );
    }

    #[test]
    fn action_edits_check_their_links_and_severities_their_range() {
        let original = map();
        let mut m = original.clone();
        let cases = [
            Edit::InsertAction {
                index: 0,
                action: Action {
                    id: "c1".into(),
                    ..Action::default()
                },
            },
            Edit::InsertAction {
                index: 0,
                action: Action {
                    id: "a9".into(),
                    touchpoint: Some("ghost".into()),
                    ..Action::default()
                },
            },
            Edit::UpdateAction(Action {
                card: Some("ghost".into()),
                ..original.actions[0].clone()
            }),
            Edit::UpdateAction(Action {
                id: "nope".into(),
                ..Action::default()
            }),
            Edit::RemoveAction("nope".into()),
            Edit::SetCardSeverity {
                id: "c1".into(),
                severity: Some(4),
            },
            Edit::SetCardSeverity {
                id: "c1".into(),
                severity: Some(0),
            },
        ];
        for edit in cases {
            assert!(edit.clone().apply(&mut m).is_err(), "{edit:?} should fail");
            assert_eq!(m, original);
        }
        assert!(EditError::BadSeverity(4).to_string().contains("1 (low)"));
    }

    #[test]
    fn typing_in_an_action_touches_only_that_action() {
        let mut m = map();
        let action = Action {
            title: "Fix it now".into(),
            ..m.actions[0].clone()
        };
        let done = Edit::UpdateAction(action.clone()).apply(&mut m).unwrap();
        assert_eq!(done.touched, vec![Scope::Action("a1".into())]);
        assert_eq!(
            Edit::UpdateAction(action).coalesce_key().as_deref(),
            Some("action:a1")
        );
        let done = Edit::UpdateAction(m.actions[0].clone().with_status(ActionStatus::Planned, 1))
            .apply(&mut m)
            .unwrap();
        assert!(done.touched.contains(&Scope::Actions));
    }
}
