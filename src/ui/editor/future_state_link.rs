//! The link between a current-state map and its future state, in the
//! editor's bar: a current state can be copied as its future state; a
//! future state made so opens its comparison with the current one.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::future_state;
use crate::core::document::model::{JourneyMap, MapKind, Millis};
use crate::core::text::i18n::{Key, Lang};
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{NoticeKind, Route};
use crate::ui::session::map_session::MapSession;

crate::lazy_fn!(
    /// The future-state copy of a map, with the templates' chunk (a new map
    /// made from another): clicked once per journey, it need not weigh on
    /// every map's opening.
    templates, fn future_copy(current: JourneyMap, lang: Lang, now: Millis) -> JourneyMap {
        let title = format!("{} — {}", current.title, MapKind::FutureState.label(lang));
        future_state::future_from(&current, &mut RandomIds, now, title)
    }
);

#[component]
pub fn FutureStateLink() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let kind_and_source = move || session.read(Scope::Meta, |m| (m.kind, m.based_on.clone()));
    // A copy that keeps every item's id, so the comparison matches them.
    let create = move |_| {
        session.flush();
        let lang = app.lang.get_untracked();
        let current = session.peek(JourneyMap::clone);
        leptos::task::spawn_local(async move {
            match future_copy(current, lang, clock::now()).await {
                Ok(future) => {
                    let id = future.id.clone();
                    if app.create_map(&future).is_ok() {
                        app.navigate(Route::Map(id));
                    }
                }
                Err(_) => app.notify(NoticeKind::Error(lang.t(Key::PartLoadFailed).to_owned())),
            }
        });
    };
    let compare = move |_| {
        session.flush();
        app.navigate(Route::Compare(session.id.get_value()));
    };
    move || match kind_and_source() {
        (_, Some(_)) => view! {
            <button data-testid="compare-current" on:click=compare>
                "⇄ " {app.text(Key::CompareWithCurrent)}
            </button>
        }
        .into_any(),
        (MapKind::FutureState, None) => ().into_any(),
        _ => view! {
            <button data-testid="create-future" on:click=create>
                "➜ " {app.text(Key::CreateFutureState)}
            </button>
        }
        .into_any(),
    }
}
