//! Lanes the user hid, with a button to show each again.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::text::i18n::{lane_title, Key};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn HiddenLanes() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let hidden = move || {
        session.read(Scope::Lanes, |m| {
            m.lanes
                .iter()
                .filter(|l| l.hidden)
                .map(|l| (l.id.clone(), l.title.clone(), l.kind))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !hidden().is_empty()>
            <div class="hidden-lanes" data-testid="hidden-lanes">
                <span>{app.text(Key::HiddenLanes)} {move || app.lang.get().colon()}</span>
                <For each=hidden key=|l| l.0.clone() let:lane>
                    {
                        let (id, title, kind) = lane;
                        view! {
                            <button data-testid="show-lane" title=app.text(Key::ShowLane)
                                on:click=move |_| session.edit(Edit::SetLaneHidden { id: id.clone(), hidden: false })>
                                "◉ " {move || lane_title(kind, &title, app.lang.get())}
                            </button>
                        }
                    }
                </For>
            </div>
        </Show>
    }
}
