//! The persona library's copy of a persona was changed by another tab while
//! this map changed its own: neither is lost; the user chooses.

use leptos::prelude::*;

use crate::core::document::edit::Edit;
use crate::core::text::i18n::Key;
use crate::ui::app_state::NoticeKind;
use crate::ui::persona::library_store::LibraryLink;
use crate::ui::session::map_session::MapSession;

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
