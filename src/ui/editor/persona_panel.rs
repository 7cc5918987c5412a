//! The personas who travel this map: their chips in the panel's summary;
//! the cards to edit them (src/ui/editor/persona_list.rs) are a lazy part,
//! fetched the first time the panel opens: most visits never open it. With
//! the formats menu, also lazy, that took the map path from about 470,500
//! bytes (issue 19's two-tab fixes in) to 439,060 (scripts/size.sh).

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::model::Persona;
use crate::core::text::i18n::{format_decimal, Key};
use crate::ui::app_state::NoticeKind;
use crate::ui::id_list::row_key;
use crate::ui::lazy_part::lazy_shown;
use crate::ui::persona::library_store::LibraryLink;
use crate::ui::persona::persona_avatar::PersonaAvatar;
use crate::ui::session::map_session::MapSession;

crate::lazy_fn!(
    /// The library's copies of these personas brought up to date with the
    /// map (the "personas" chunk, with the library's checked save).
    personas, fn keep_in_library(link: LibraryLink, known: Vec<Persona>, personas: Vec<Persona>) -> () {
        link.keep_all(known, &personas, false);
    }
);

crate::lazy_view!(
    /// The persona cards and their adders (the "personas" chunk, with the persona library page they share
    /// their editing code with).
    personas, fn persona_list() {
        view! { <crate::ui::editor::persona_list::PersonaList/> }.into_any()
    }
);

#[component]
pub fn PersonaPanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // Built on the first opening, then kept (closing the panel keeps its
    // cards' pending edits and focus where they are).
    let opened = RwSignal::new(false);
    // The library keeps each persona up to date with this map: the cards
    // do it once built (as they are edited, with a pause); until then a
    // persona this map holds otherwise than the library (a new map's, or
    // changed by a merge or an undo) is written here. Nothing is fetched
    // when they agree, as on most openings.
    let link = expect_context::<LibraryLink>();
    Effect::new(move |_| {
        let ids = session.read(Scope::Personas, |m| {
            m.personas.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        });
        for id in ids {
            session.track(Scope::Persona(id));
        }
        if opened.get_untracked() {
            return;
        }
        let Some(known) = link.known() else {
            return;
        };
        let stale: Vec<Persona> = session.peek(|m| {
            m.personas
                .iter()
                .filter(|p| known.iter().find(|k| k.id == p.id) != Some(*p))
                .cloned()
                .collect()
        });
        if !stale.is_empty() {
            leptos::task::spawn_local(async move {
                if keep_in_library(link, known, stale).await.is_err() {
                    app.notify(NoticeKind::Error(app.t(Key::PartLoadFailed).to_owned()));
                }
            });
        }
    });
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
                        p.avatar.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="persona-panel" data-testid="personas"
            on:toggle=move |_| if !opened.get_untracked() { opened.set(true) }>
            <summary>
                <strong>{app.text(Key::Personas)}</strong>
                <For each=chips key=|c| row_key(&[&c.0, &c.1, &c.2, &c.3, c.4.as_deref().unwrap_or(""), c.5.as_deref().unwrap_or("")]) let:chip>
                    {
                        let (_, name, colour, segment, share, avatar) = chip;
                        view! {
                            <span class="persona-chip">
                                <PersonaAvatar size="small" name=name.clone() colour=colour avatar=avatar/>
                                <span class="chip-name">{name}</span>
                                <span class="chip-detail">{segment}</span>
                                {share.map(|s| view! { <span class="chip-share">{s}</span> })}
                            </span>
                        }
                    }
                </For>
            </summary>
            {lazy_shown(move || opened.get(), persona_list)}
        </details>
    }
}
