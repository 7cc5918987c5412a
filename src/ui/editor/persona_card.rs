//! One persona: who they are, what they want, what frustrates them.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::Persona;
use crate::core::document::persona::parse_share;
use crate::core::text::i18n::{format_decimal, Key, Lang};
use crate::ui::icon_button::IconButton;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn PersonaCard(id: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let persona = move || {
        session
            .read(Scope::Persona(id.get_value()), |m| {
                m.persona(&id.get_value()).cloned()
            })
            .unwrap_or_default()
    };
    let update = move |change: &dyn Fn(&mut Persona)| {
        if let Some(mut p) = session.peek(|m| m.persona(&id.get_value()).cloned()) {
            change(&mut p);
            session.edit(Edit::UpdatePersona(p));
        }
    };
    let text_field = move |label: Key,
                           get: fn(&Persona) -> String,
                           set: fn(&mut Persona, String),
                           multiline: bool| {
        let value = move || get(&persona());
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            update(&|p| set(p, v.clone()));
        };
        let input = if multiline {
            view! { <textarea rows="2" prop:value=value on:input=on_input></textarea> }.into_any()
        } else {
            view! { <input prop:value=value on:input=on_input/> }.into_any()
        };
        view! { <label class="field"><span>{move || app.t(label)}</span>{input}</label> }
    };
    // The library keeps the same persona up to date with this map's edits
    // (undo and merges included); nothing is written when they agree. Once
    // typing pauses, not at each keystroke (each write wakes other tabs);
    // what is pending is written when the card goes.
    // A plain cell, not a reactive value: it must outlive the card's
    // reactive values for the write on cleanup.
    let pending = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let link = expect_context::<crate::ui::persona::library_store::LibraryLink>();
    let persona_id = id.get_value();
    let keep = {
        let pending = pending.clone();
        move || {
            pending.set(0);
            // The session is gone when the whole editor closes at once.
            if session.id.try_get_value().is_none() {
                return;
            }
            if let Some(p) = session.peek(|m| m.persona(&persona_id).cloned()) {
                link.keep(&p, false);
            }
        }
    };
    {
        let (pending, keep) = (pending.clone(), keep.clone());
        Effect::new(move |first: Option<()>| {
            session.track(Scope::Persona(id.get_value()));
            if first.is_none() {
                // As the map opened: written at once.
                keep();
                return;
            }
            let generation = pending.get() + 1;
            pending.set(generation);
            let (pending, keep) = (pending.clone(), keep.clone());
            set_timeout(
                move || {
                    if pending.get() == generation {
                        keep();
                    }
                },
                std::time::Duration::from_millis(600),
            );
        });
    }
    let on_leave = send_wrapper::SendWrapper::new(move || {
        if pending.get() != 0 {
            keep();
        }
    });
    on_cleanup(move || on_leave.take()());
    let name_ref = NodeRef::<leptos::html::Input>::new();
    editor.focus_on_request(id, name_ref);
    view! {
        <article class="persona" data-testid="persona" style:border-top-color=move || persona().colour>
            <header>
                <crate::ui::persona::persona_avatar::PersonaAvatar
                    name=Signal::derive(move || persona().name)
                    colour=Signal::derive(move || persona().colour)
                    avatar=Signal::derive(move || persona().avatar)/>
                <input class="persona-name" data-testid="persona-name" node_ref=name_ref
                    aria-label=app.text(Key::PersonaName)
                    prop:value=move || persona().name
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|p| p.name = v.clone()); } />
                <IconButton glyph="×" label=Key::DeletePersona testid="persona-delete" danger=true
                    on_press=Callback::new(move |_| session.edit(Edit::RemovePersona(id.get_value())))/>
            </header>
            {text_field(Key::PersonaSegment, |p| p.segment.clone(), |p, v| p.segment = v, false)}
            {text_field(Key::PersonaRole, |p| p.role.clone(), |p, v| p.role = v, false)}
            <label class="field">
                <span>{app.text(Key::PersonaShare)}</span>
                <input type="number" min="0" max="100" step="1"
                    prop:value=move || persona().share.map(|s| format_decimal(Lang::En, s)).unwrap_or_default()
                    on:input=move |ev| {
                        if let Some(share) = parse_share(&event_target_value(&ev)) { update(&|p| p.share = share); }
                    } />
            </label>
            {text_field(Key::PersonaGoals, |p| p.goals.clone(), |p, v| p.goals = v, true)}
            {text_field(Key::PersonaMotivations, |p| p.motivations.clone(), |p, v| p.motivations = v, true)}
            {text_field(Key::PersonaFrustrations, |p| p.frustrations.clone(), |p, v| p.frustrations = v, true)}
            {text_field(Key::PersonaQuote, |p| p.quote.clone(), |p, v| p.quote = v, true)}
        </article>
    }
}
