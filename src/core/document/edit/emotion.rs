//! The emotion edit: one point of a persona's curve (today's or the
//! future state's) at a stage, set or cleared.

use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::{Emotion, JourneyMap, EMOTION_MAX, EMOTION_MIN};

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::SetEmotion {
            stage,
            persona,
            future,
            value,
        } => {
            if let Some(v) = value {
                if !(EMOTION_MIN..=EMOTION_MAX).contains(&v) {
                    return Err(EditError::OutOfScale(v));
                }
            }
            map.stage_index(&stage)
                .ok_or_else(|| not_found("stage", &stage))?;
            if let Some(p) = &persona {
                map.persona_index(p)
                    .ok_or_else(|| not_found("persona", p))?;
            }
            let pos = map
                .emotions
                .iter()
                .position(|e| e.stage == stage && e.persona == persona && e.future == future);
            let old = pos.map(|i| map.emotions[i].value);
            match (pos, value) {
                (Some(i), Some(v)) => map.emotions[i].value = v,
                (Some(i), None) => {
                    map.emotions.remove(i);
                }
                (None, Some(v)) => map.emotions.push(Emotion {
                    stage: stage.clone(),
                    persona: persona.clone(),
                    value: v,
                    future,
                }),
                (None, None) => {}
            }
            applied(
                Edit::SetEmotion {
                    stage,
                    persona,
                    future,
                    value: old,
                },
                vec![Scope::Emotions],
            )
        }

        other => misrouted(other),
    }
}
