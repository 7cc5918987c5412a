//! One persona of the library, as a card: avatar, name, segment, role and
//! share, with edit, duplicate and delete.

use leptos::prelude::*;

use crate::core::document::persona_words::PersonaText;
use crate::core::text::i18n::{format_decimal, Both, Key};
use crate::ui::persona::persona_avatar::PersonaAvatar;
use crate::ui::persona::persona_library_page::LibraryState;

#[component]
pub fn PersonaTile(id: String) -> impl IntoView {
    let state = expect_context::<LibraryState>();
    let app = state.app;
    let id = StoredValue::new(id);
    let persona = Memo::new(move |_| state.persona(&id.get_value()).unwrap_or_default());
    let name = Signal::derive(move || persona.with(|p| p.name.clone()));
    let labelled = move |key: Both| move || format!("{} — {}", app.t(key), name.get());
    let share = move || {
        persona.with(|p| {
            p.share
                .map(|s| format!("{} %", format_decimal(app.lang.get(), s)))
        })
    };
    let editing = move || state.editing.get().as_deref() == Some(id.get_value().as_str());
    view! {
        <li class="persona-tile" data-testid="library-persona" data-persona-id=id.get_value()
            class:editing=editing style:border-top-color=move || persona.with(|p| p.colour.clone())>
            <PersonaAvatar size="large" name=name
                colour=Signal::derive(move || persona.with(|p| p.colour.clone()))
                avatar=Signal::derive(move || persona.with(|p| p.avatar.clone()))/>
            <div class="persona-tile-text">
                <h2 class="persona-tile-name" data-testid="library-persona-name">{move || name.get()}</h2>
                <p class="persona-tile-segment">{move || persona.with(|p| p.segment.clone())}</p>
                <p class="persona-tile-role">{move || persona.with(|p| p.role.clone())}</p>
                {move || share().map(|s| view! { <p class="persona-tile-share">{s}</p> })}
            </div>
            <div class="persona-tile-actions">
                <button type="button" data-testid="edit-library-persona" aria-label=labelled(PersonaText::EditPersona.texts())
                    aria-pressed=move || editing().to_string()
                    on:click=move |_| state.editing.set(Some(id.get_value()))>{app.text(PersonaText::EditPersona)}</button>
                <button type="button" data-testid="duplicate-library-persona" aria-label=labelled(Key::Duplicate.texts())
                    on:click=move |_| state.duplicate(&id.get_value())>{app.text(Key::Duplicate)}</button>
                <button type="button" class="danger" data-testid="delete-library-persona" aria-label=labelled(Key::Delete.texts())
                    on:click=move |_| state.delete(&id.get_value())>{app.text(Key::Delete)}</button>
            </div>
        </li>
    }
}
