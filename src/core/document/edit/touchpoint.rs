//! Edits of touchpoints: a stage's list of them and each one's fields.

use super::{and_relink, detach_actions, ensure_unique};
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertTouchpoint { index, touchpoint } => {
            ensure_unique(map, &touchpoint.id)?;
            map.stage_index(&touchpoint.stage)
                .ok_or_else(|| not_found("stage", &touchpoint.stage))?;
            let scope = Scope::StageTouchpoints(touchpoint.stage.clone());
            let id = touchpoint.id.clone();
            map.touchpoints
                .insert(index.min(map.touchpoints.len()), touchpoint);
            applied(Edit::RemoveTouchpoint(id), vec![scope])
        }
        Edit::RemoveTouchpoint(id) => {
            let index = map
                .touchpoint_index(&id)
                .ok_or_else(|| not_found("touchpoint", &id))?;
            let touchpoint = map.touchpoints.remove(index);
            let scope = Scope::StageTouchpoints(touchpoint.stage.clone());
            let relink = detach_actions(map);
            and_relink(
                Edit::InsertTouchpoint { index, touchpoint },
                vec![scope],
                relink,
            )
        }
        Edit::UpdateTouchpoint(touchpoint) => {
            let index = map
                .touchpoint_index(&touchpoint.id)
                .ok_or_else(|| not_found("touchpoint", &touchpoint.id))?;
            map.stage_index(&touchpoint.stage)
                .ok_or_else(|| not_found("stage", &touchpoint.stage))?;
            let mut touched = vec![Scope::Touchpoint(touchpoint.id.clone())];
            let old = std::mem::replace(&mut map.touchpoints[index], touchpoint);
            let new_stage = &map.touchpoints[index].stage;
            if &old.stage != new_stage {
                touched.push(Scope::StageTouchpoints(old.stage.clone()));
                touched.push(Scope::StageTouchpoints(new_stage.clone()));
            }
            applied(Edit::UpdateTouchpoint(old), touched)
        }

        other => misrouted(other),
    }
}
