//! Edits of personas: a removed persona takes its cards and emotions
//! with it.

use super::{and_relink, detach_actions, drain_where, ensure_unique, restore};
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertPersona {
            index,
            persona,
            cards,
            emotions,
        } => {
            ensure_unique(map, &persona.id)?;
            for (_, card) in &cards {
                ensure_unique(map, &card.id)?;
            }
            let id = persona.id.clone();
            map.personas.insert(index.min(map.personas.len()), persona);
            restore(&mut map.cards, cards);
            restore(&mut map.emotions, emotions);
            applied(Edit::RemovePersona(id), vec![Scope::All])
        }
        Edit::RemovePersona(id) => {
            let index = map
                .persona_index(&id)
                .ok_or_else(|| not_found("persona", &id))?;
            let persona = map.personas.remove(index);
            let cards = drain_where(&mut map.cards, |c| c.persona.as_deref() == Some(&id));
            let emotions = drain_where(&mut map.emotions, |e| e.persona.as_deref() == Some(&id));
            let relink = detach_actions(map);
            and_relink(
                Edit::InsertPersona {
                    index,
                    persona,
                    cards,
                    emotions,
                },
                vec![Scope::All],
                relink,
            )
        }
        Edit::UpdatePersona(persona) => {
            let index = map
                .persona_index(&persona.id)
                .ok_or_else(|| not_found("persona", &persona.id))?;
            let id = persona.id.clone();
            let old = std::mem::replace(&mut map.personas[index], persona);
            // The curve's legend and colours show persona names.
            applied(
                Edit::UpdatePersona(old),
                vec![Scope::Persona(id), Scope::Personas, Scope::Emotions],
            )
        }

        other => misrouted(other),
    }
}
