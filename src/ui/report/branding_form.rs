//! The organisation's branding, set on screen (never printed): its name, a
//! logo file, the main and accent colours. Changes are edits of the map
//! (undoable, saved like any edit); "Use for all my maps" makes them the
//! library's default, which maps without their own branding wear.

use crate::core::analysis::chart_words::ChartText;
use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::branding::{self, logo_data_url, Branding, LogoError};
use crate::core::document::edit::{Edit, Scope};
use crate::core::storage::branding_store::{set_library_branding, LibraryBrandingError};
use crate::core::storage::store::StoreError;
use crate::core::text::i18n::{format_size, Key};
use crate::platform::file_read;
use crate::ui::report::report_page::ReportView;

/// A message under the form: (`data-kind`, text).
type Message = Option<(&'static str, String)>;

#[component]
pub fn BrandingForm() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let session = report.session;
    let app = session.app;
    let message = RwSignal::new(None as Message);
    let own = move || session.read(Scope::Branding, |m| m.branding.clone());
    let change = move |f: &dyn Fn(&mut Branding)| {
        let mut b = session.peek(|m| m.branding.clone());
        f(&mut b);
        session.edit(Edit::SetBranding(b));
    };
    let on_logo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        file_read::read_bytes(&file, move |result| {
            let lang = app.lang.get_untracked();
            let refused = |why: String| message.set(Some(("refused", format!("{name} — {why}"))));
            match result.map(|bytes| logo_data_url(&bytes)) {
                Ok(Ok(url)) => {
                    message.set(None);
                    change(&|b| b.logo = url.clone());
                }
                Ok(Err(LogoError::NotAnImage)) => {
                    refused(lang.t(ChartText::LogoNotImage).to_owned())
                }
                Ok(Err(LogoError::TooLarge(bytes))) => refused(format!(
                    "{} {}.",
                    lang.t(ChartText::LogoTooLarge),
                    format_size(lang, bytes)
                )),
                Err(why) => refused(format!("{} {why}", lang.t(Key::FileUnreadable))),
            }
        });
    };
    let use_for_all = move |_| {
        let lang = app.lang.get_untracked();
        let shown = report.branding.get_untracked();
        match set_library_branding(&*app.store(), &shown) {
            Ok(()) => {
                report.library_branding.set(shown);
                message.set(Some((
                    "saved",
                    lang.t(ChartText::LibraryBrandingSaved).to_owned(),
                )));
            }
            Err(LibraryBrandingError::Store(StoreError::QuotaExceeded)) => {
                message.set(Some(("refused", lang.t(Key::QuotaFull).to_owned())));
            }
            Err(e) => message.set(Some(("refused", e.said(lang)))),
        }
    };
    let remove_default = move |_| match set_library_branding(&*app.store(), &Branding::default()) {
        Ok(()) => {
            report.library_branding.set(Branding::default());
            message.set(None);
        }
        Err(e) => message.set(Some(("refused", e.said(app.lang.get_untracked())))),
    };
    let forget_own = move |_| session.edit(Edit::SetBranding(Branding::default()));
    // The colour a picker shows: the one worn (a picker cannot be empty).
    let worn = move |field: fn(&Branding) -> &String, default: &'static str| {
        move || {
            let b = report.branding.get();
            let c = field(&b);
            if c.is_empty() {
                default.to_owned()
            } else {
                c.clone()
            }
        }
    };
    let library = report.library_branding;
    view! {
        <details class="branding-panel" data-testid="branding-panel">
            <summary>{app.text(ChartText::Branding)}</summary>
            <p class="hint">{app.text(ChartText::BrandingHint)}</p>
            <div class="branding-fields">
                <label class="field">
                    <span>{app.text(ChartText::Organisation)}</span>
                    <input data-testid="brand-organisation"
                        prop:value=move || own().organisation
                        placeholder=move || library.with(|l| l.organisation.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); change(&|b| b.organisation = v.clone()); }/>
                </label>
                <div class="field">
                    <span>{app.text(ChartText::Logo)}</span>
                    <div class="logo-row">
                        <label class="button file-button" title=app.text(ChartText::LogoHint)>
                            {app.text(ChartText::ChooseLogo)}
                            <input type="file" class="visually-hidden" data-testid="brand-logo-file"
                                accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg" on:change=on_logo/>
                        </label>
                        <span class="hint">{app.text(ChartText::LogoHint)}</span>
                        <Show when=move || !own().logo.is_empty()>
                            <button type="button" data-testid="brand-logo-remove"
                                on:click=move |_| change(&|b| b.logo.clear())>{app.text(ChartText::RemoveLogo)}</button>
                        </Show>
                    </div>
                </div>
                <label class="field colour-field">
                    <span>{app.text(ChartText::PrimaryColour)}</span>
                    <input type="color" data-testid="brand-primary"
                        prop:value=worn(|b| &b.primary, branding::DEFAULT_PRIMARY)
                        on:input=move |ev| { let v = event_target_value(&ev); change(&|b| b.primary = v.clone()); }/>
                </label>
                <label class="field colour-field">
                    <span>{app.text(ChartText::AccentColour)}</span>
                    <input type="color" data-testid="brand-accent"
                        prop:value=worn(|b| &b.accent, branding::DEFAULT_ACCENT)
                        on:input=move |ev| { let v = event_target_value(&ev); change(&|b| b.accent = v.clone()); }/>
                </label>
            </div>
            <div class="branding-actions">
                <button type="button" data-testid="brand-use-for-all" title=app.text(ChartText::UseForAllMapsHint)
                    on:click=use_for_all>{app.text(ChartText::UseForAllMaps)}</button>
                <button type="button" data-testid="brand-forget-own"
                    disabled=move || own().is_empty() on:click=forget_own>{app.text(ChartText::ForgetMapBranding)}</button>
                <Show when=move || library.with(|l| !l.is_empty())>
                    <button type="button" data-testid="brand-remove-default"
                        on:click=remove_default>{app.text(ChartText::RemoveLibraryBranding)}</button>
                </Show>
            </div>
            {move || message.get().map(|(kind, text)| view! {
                <p class="branding-message" role="status" data-testid="branding-message" data-kind=kind>{text}</p>
            })}
        </details>
    }
}
