//! Editing one persona of the library: every field, saved as it is typed.

use leptos::prelude::*;

use crate::core::document::model::{Channel, Persona};
use crate::core::document::persona::parse_share;
use crate::core::document::persona_words::PersonaText;
use crate::core::text::i18n::{format_decimal, Key, Lang};
use crate::ui::persona::avatar_upload::AvatarUpload;
use crate::ui::persona::persona_avatar::PersonaAvatar;
use crate::ui::persona::persona_library_page::LibraryState;

#[component]
pub fn PersonaForm(id: String) -> impl IntoView {
    let state = expect_context::<LibraryState>();
    let app = state.app;
    let id = StoredValue::new(id);
    let persona = Memo::new(move |_| state.persona(&id.get_value()).unwrap_or_default());
    let update = move |change: &dyn Fn(&mut Persona)| state.change(&id.get_value(), change);
    let text_field = move |label: Key,
                           testid: &'static str,
                           get: fn(&Persona) -> String,
                           set: fn(&mut Persona, String),
                           multiline: bool| {
        let value = move || persona.with(get);
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            update(&|p| set(p, v.clone()));
        };
        let input = if multiline {
            view! { <textarea rows="3" data-testid=testid prop:value=value on:input=on_input></textarea> }.into_any()
        } else {
            view! { <input data-testid=testid prop:value=value on:input=on_input/> }.into_any()
        };
        view! { <label class="field"><span>{app.text(label)}</span>{input}</label> }
    };
    let name_ref = NodeRef::<leptos::html::Input>::new();
    // Opening the form puts the cursor in the name.
    Effect::new(move |_| {
        if let Some(input) = name_ref.get() {
            let _ = input.focus();
        }
    });
    view! {
        <section class="persona-form" data-testid="persona-form" data-persona-id=id.get_value()
            aria-labelledby="persona-form-title">
            <header>
                <PersonaAvatar size="large"
                    name=Signal::derive(move || persona.with(|p| p.name.clone()))
                    colour=Signal::derive(move || persona.with(|p| p.colour.clone()))
                    avatar=Signal::derive(move || persona.with(|p| p.avatar.clone()))/>
                <h2 id="persona-form-title">{app.text(PersonaText::EditingPersona)} " " {move || persona.with(|p| p.name.clone())}</h2>
                <button type="button" data-testid="pf-close" on:click=move |_| state.editing.set(None)>
                    {app.text(Key::Close)}
                </button>
            </header>
            <div class="persona-form-grid">
                <label class="field">
                    <span>{app.text(Key::PersonaName)}</span>
                    <input data-testid="pf-name" node_ref=name_ref
                        prop:value=move || persona.with(|p| p.name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); update(&|p| p.name = v.clone()); }/>
                </label>
                {text_field(Key::PersonaSegment, "pf-segment", |p| p.segment.clone(), |p, v| p.segment = v, false)}
                <label class="field">
                    <span>{app.text(Key::PersonaShare)}</span>
                    <input type="number" min="0" max="100" step="1" data-testid="pf-share"
                        prop:value=move || persona.with(|p| p.share.map(|s| format_decimal(Lang::En, s)).unwrap_or_default())
                        on:input=move |ev| {
                            if let Some(share) = parse_share(&event_target_value(&ev)) { update(&|p| p.share = share); }
                        }/>
                </label>
                {text_field(Key::PersonaRole, "pf-role", |p| p.role.clone(), |p, v| p.role = v, false)}
                <label class="field">
                    <span>{app.text(PersonaText::PersonaColour)}</span>
                    <input type="color" data-testid="pf-colour"
                        prop:value=move || persona.with(|p| p.colour.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); update(&|p| p.colour = v.clone()); }/>
                </label>
                <div class="field">
                    <span>{app.text(PersonaText::PersonaAvatar)}</span>
                    <AvatarUpload has_avatar=Signal::derive(move || persona.with(|p| p.avatar.is_some()))
                        on_change=Callback::new(move |avatar: Option<String>| update(&|p| p.avatar = avatar.clone()))/>
                </div>
                {text_field(Key::PersonaGoals, "pf-goals", |p| p.goals.clone(), |p, v| p.goals = v, true)}
                {text_field(Key::PersonaMotivations, "pf-motivations", |p| p.motivations.clone(), |p, v| p.motivations = v, true)}
                {text_field(Key::PersonaFrustrations, "pf-frustrations", |p| p.frustrations.clone(), |p, v| p.frustrations = v, true)}
                {text_field(Key::PersonaQuote, "pf-quote", |p| p.quote.clone(), |p, v| p.quote = v, true)}
            </div>
            <fieldset class="persona-channels">
                <legend>{app.text(PersonaText::PersonaChannels)}</legend>
                {Channel::ALL.into_iter().map(|channel| view! {
                    <label class="channel-choice">
                        <input type="checkbox" data-testid="pf-channel" data-channel=format!("{channel:?}")
                            prop:checked=move || persona.with(|p| p.channels.contains(&channel))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                update(&|p| {
                                    p.channels.retain(|c| *c != channel);
                                    if on { p.channels.push(channel); }
                                });
                            }/>
                        <span aria-hidden="true">{channel.icon()}</span>
                        " " {move || channel.label(app.lang.get())}
                    </label>
                }).collect_view()}
            </fieldset>
        </section>
    }
}
