//! What the user must know about saving: storage full, a failed save, a
//! newer version saved by another tab. The work always stays in memory and
//! can be downloaded.

use leptos::prelude::*;

use crate::core::document::edit::Edit;
use crate::core::text::i18n::Key;
use crate::ui::app_state::NoticeKind;
use crate::ui::editor::map_session::{ExternalOutcome, MapSession, SaveFailure, SaveState};
use crate::ui::persona::library_store::LibraryLink;

#[component]
pub fn SaveNotice() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    move || {
        match session.save_state.get() {
        SaveState::Failed(failure) => {
            let (kind, text) = match failure {
                SaveFailure::Quota => ("quota", app.t(Key::QuotaFull).to_owned()),
                SaveFailure::Other(why) => ("save-error", format!("{} {why}", app.t(Key::SaveError))),
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

crate::lazy_fn!(
    /// Keeps the map's version of a persona in the library (`mine`), or
    /// puts the library's version in the map.
    personas, fn resolve_conflict(session: MapSession, link: LibraryLink, id: String, mine: bool) -> () {
        let keep = |id: &str| {
            if let Some(p) = session.peek(|m| m.persona(id).cloned()) {
                link.keep(&p, true);
            }
        };
        if mine {
            keep(&id);
        } else {
            match link.take_stored(&id) {
                Some(p) => session.edit(Edit::UpdatePersona(p)),
                None => keep(&id),
            }
        }
    }
);

/// The persona library's copy of a persona was changed by another tab while
/// this map changed its own: neither is lost; the user chooses.
#[component]
pub fn PersonaLibraryNotice() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let link = expect_context::<LibraryLink>();
    let app = session.app;
    // The choice runs in the "personas" chunk, with the library's checked
    // save: a conflict only arises from the persona cards' saves, which
    // have loaded it already.
    let choose = move |id: String, mine: bool| {
        leptos::task::spawn_local(async move {
            if resolve_conflict(session, link, id, mine).await.is_err() {
                app.notify(NoticeKind::Error(app.t(Key::PartLoadFailed).to_owned()));
            }
        });
    };
    move || {
        let conflicts = link.conflicts.get();
        (!conflicts.is_empty()).then(|| view! {
            <div class="notice error" role="alert" data-testid="notice" data-kind="persona-conflict">
                <p><strong>{app.text(Key::PersonaConflictTitle)}</strong></p>
                <p>{app.text(Key::PersonaMapConflictBody)}</p>
                {conflicts.into_iter().map(|(id, name)| {
                    let (a, b) = (id.clone(), id.clone());
                    view! {
                        <div class="notice-actions" data-persona-id=id>
                            <strong>{name}</strong>
                            <button class="primary" data-testid="keep-mine" on:click=move |_| choose(a.clone(), true)>
                                {app.text(Key::KeepMapVersion)}
                            </button>
                            <button data-testid="load-theirs" on:click=move |_| choose(b.clone(), false)>
                                {app.text(Key::UseLibraryVersion)}
                            </button>
                        </div>
                    }
                }).collect_view()}
            </div>
        })
    }
}
