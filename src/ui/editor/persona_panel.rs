//! The personas who travel this map.

use leptos::prelude::*;

use crate::core::edit::{Edit, Scope};
use crate::core::i18n::{format_decimal, Key};
use crate::core::model::{IdSource, Persona, PERSONA_COLOURS};
use crate::platform::random_ids::RandomIds;
use crate::ui::editor::map_session::MapSession;
use crate::ui::editor::persona_card::{initials, PersonaCard};
use crate::ui::id_list::{row_key, IdList};

#[component]
pub fn PersonaPanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let ids = move || {
        session.read(Scope::Personas, |m| {
            m.personas.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let (index, colour) = session.peek(|m| {
            (
                m.personas.len(),
                PERSONA_COLOURS[m.personas.len() % PERSONA_COLOURS.len()],
            )
        });
        let persona = Persona {
            id: RandomIds.next_id(),
            name: app.lang.get_untracked().t(Key::NewPersona).to_owned(),
            colour: colour.to_owned(),
            ..Persona::default()
        };
        session.request_focus(persona.id.clone());
        session.edit(Edit::InsertPersona {
            index,
            persona,
            cards: Vec::new(),
            emotions: Vec::new(),
        });
    };
    // The summary shows who travels the map at a glance; the cards open for editing.
    let chips = move || {
        let lang = app.lang.get();
        session.read(Scope::Personas, |m| {
            m.personas
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.name.clone(),
                        p.colour.clone(),
                        p.segment.clone(),
                        p.share.map(|s| format!("{} %", format_decimal(lang, s))),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="persona-panel" data-testid="personas">
            <summary>
                <strong>{app.text(Key::Personas)}</strong>
                <For each=chips key=|c| row_key(&[&c.0, &c.1, &c.2, &c.3, c.4.as_deref().unwrap_or("")]) let:chip>
                    {
                        let (_, name, colour, segment, share) = chip;
                        view! {
                            <span class="persona-chip">
                                <span class="avatar small" aria-hidden="true" style:background-color=colour>{initials(&name)}</span>
                                <span class="chip-name">{name}</span>
                                <span class="chip-detail">{segment}</span>
                                {share.map(|s| view! { <span class="chip-share">{s}</span> })}
                            </span>
                        }
                    }
                </For>
            </summary>
            <div class="persona-list">
                <IdList ids=Signal::derive(ids) row=Callback::new(|id| view! { <PersonaCard id=id/> }.into_any())/>
                <button class="add-persona" data-testid="add-persona" on:click=add>{app.text(Key::AddPersona)}</button>
            </div>
        </details>
    }
}
