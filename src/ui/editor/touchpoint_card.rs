//! A touchpoint: where the customer meets the brand, on which channel, how
//! much it matters, and who owns it.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::{Channel, Classification, Touchpoint};
use crate::core::text::i18n::Key;
use crate::ui::editor::touchpoint_metrics::TouchpointMetrics;
use crate::ui::icon_button::IconButton;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

pub fn channel_code(c: Channel) -> &'static str {
    match c {
        Channel::Website => "website",
        Channel::MobileApp => "mobile_app",
        Channel::Store => "store",
        Channel::CallCentre => "call_centre",
        Channel::Email => "email",
        Channel::SocialNetworks => "social_networks",
        Channel::Ads => "ads",
        Channel::Search => "search",
        Channel::Chat => "chat",
        Channel::Mail => "mail",
        Channel::WordOfMouth => "word_of_mouth",
        Channel::Other => "other",
    }
}

pub fn classification_code(c: Classification) -> &'static str {
    match c {
        Classification::Critical => "critical",
        Classification::Complementary => "complementary",
        Classification::Superfluous => "superfluous",
    }
}

#[component]
pub fn TouchpointCard(id: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let tp = move || {
        session.read(Scope::Touchpoint(id.get_value()), |m| {
            m.touchpoint(&id.get_value()).cloned()
        })
    };
    let field = move |f: fn(&Touchpoint) -> String| move || tp().map(|t| f(&t)).unwrap_or_default();
    let update = move |change: &dyn Fn(&mut Touchpoint)| {
        if let Some(mut t) = session.peek(|m| m.touchpoint(&id.get_value()).cloned()) {
            change(&mut t);
            session.edit(Edit::UpdateTouchpoint(t));
        }
    };
    let name_ref = NodeRef::<leptos::html::Textarea>::new();
    editor.focus_on_request(id, name_ref);
    let class = move || {
        let c = tp().map(|t| t.classification).unwrap_or_default();
        format!("touchpoint {}", classification_code(c))
    };
    let online = move || tp().map(|t| t.channel.is_online()).unwrap_or(true);
    view! {
        <div class=class data-testid="touchpoint" data-touchpoint-id=id.get_value()>
            <div class="tp-top">
                <span class="channel-icon" aria-hidden="true">{move || tp().map(|t| t.channel.icon())}</span>
                <textarea data-testid="touchpoint-name" node_ref=name_ref rows="1"
                    aria-label=app.text(Key::TouchpointName)
                    prop:value=field(|t| t.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|t| t.name = v.clone()); }></textarea>
                <IconButton glyph="×" label=Key::DeleteTouchpoint testid="touchpoint-delete" class="card-delete"
                    on_press=Callback::new(move |_| session.edit(Edit::RemoveTouchpoint(id.get_value())))/>
            </div>
            <div class="tp-fields">
                <select data-testid="touchpoint-channel" aria-label=app.text(Key::Channel)
                    prop:value=field(|t| channel_code(t.channel).to_owned())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(c) = Channel::ALL.into_iter().find(|c| channel_code(*c) == v) {
                            update(&|t| t.channel = c);
                        }
                    }>
                    <optgroup label=app.text(Key::Online)>
                        {Channel::ALL.into_iter().filter(|c| c.is_online()).map(|c| view! {
                            <option value=channel_code(c)>{move || c.label(app.lang.get())}</option>
                        }).collect_view()}
                    </optgroup>
                    <optgroup label=app.text(Key::Offline)>
                        {Channel::ALL.into_iter().filter(|c| !c.is_online()).map(|c| view! {
                            <option value=channel_code(c)>{move || c.label(app.lang.get())}</option>
                        }).collect_view()}
                    </optgroup>
                </select>
                <span class="online-badge" class:offline=move || !online()>
                    {move || if online() { app.t(Key::Online) } else { app.t(Key::Offline) }}
                </span>
                <select data-testid="touchpoint-classification" aria-label=app.text(Key::Classification)
                    prop:value=field(|t| classification_code(t.classification).to_owned())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(c) = Classification::ALL.into_iter().find(|c| classification_code(*c) == v) {
                            update(&|t| t.classification = c);
                        }
                    }>
                    {Classification::ALL.into_iter().map(|c| view! {
                        <option value=classification_code(c)>{move || c.label(app.lang.get())}</option>
                    }).collect_view()}
                </select>
                <input data-testid="touchpoint-department" class="department"
                    aria-label=app.text(Key::Department) placeholder=app.text(Key::DepartmentPlaceholder)
                    prop:value=field(|t| t.department.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|t| t.department = v.clone()); } />
            </div>
            <TouchpointMetrics id=id/>
        </div>
    }
}
