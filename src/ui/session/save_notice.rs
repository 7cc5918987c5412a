//! What the user must know about saving: storage full, a failed save, a
//! newer version saved by another tab. The work always stays in memory and
//! can be downloaded.

use leptos::prelude::*;

use crate::core::session::{ExternalOutcome, SaveState};
use crate::core::storage::store::StoreError;
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn SaveNotice() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    move || {
        match session.save_state.get() {
        SaveState::Failed(failure) => {
            let (kind, text) = match failure {
                StoreError::QuotaExceeded => ("quota", app.t(Key::QuotaFull).to_owned()),
                why => ("save-error", format!("{} {}", app.t(Key::SaveError), why.said(app.lang.get_untracked()))),
            };
            view! {
                <div class="notice error" role="alert" data-testid="notice" data-kind=kind>
                    <p>{text}</p>
                    <button class="primary" data-testid="notice-download" on:click=move |_| session.download()>
                        {app.text(Key::DownloadMap)}
                    </button>
                </div>
            }
            .into_any()
        }
        SaveState::Conflict => view! {
            <div class="notice error" role="alert" data-testid="notice" data-kind="conflict">
                <p><strong>{app.text(Key::ConflictTitle)}</strong></p>
                <p>{app.text(Key::ConflictBody)}</p>
                <div class="notice-actions">
                    <button data-testid="notice-download" on:click=move |_| session.download()>
                        {app.text(Key::DownloadMap)}
                    </button>
                    <button class="primary" data-testid="keep-mine" on:click=move |_| session.save(true)>
                        {app.text(Key::KeepMine)}
                    </button>
                    <button data-testid="load-theirs" on:click=move |_| { session.load_stored(); }>
                        {app.text(Key::LoadTheirs)}
                    </button>
                </div>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

/// A passing message about another tab's change (the conflict itself is a save state).
#[component]
pub fn ExternalNotice(outcome: RwSignal<Option<ExternalOutcome>>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    move || {
        let (kind, key) = match outcome.get()? {
            ExternalOutcome::Reloaded => ("reloaded", Key::ReloadedFromOtherTab),
            ExternalOutcome::DeletedElsewhere => ("deleted-elsewhere", Key::MapDeletedElsewhere),
            _ => return None,
        };
        Some(view! {
            <div class="notice info" role="status" data-testid="notice" data-kind=kind>
                <p>{move || app.t(key)}</p>
                <button class="dismiss" aria-label=app.text(Key::Dismiss) on:click=move |_| outcome.set(None)>"×"</button>
            </div>
        })
    }
}
