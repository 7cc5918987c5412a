//! A map opened from a share link: shown read-only, with a way to keep a
//! copy. A damaged link gets a message, and nothing is stored.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::formats::map_file;
use crate::core::formats::share_link;
use crate::core::text::i18n::Key;
use crate::core::text::map_text::cell_lines;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, Route};
use crate::ui::viewer::map_view::MapView;

#[component]
pub fn SharedMap(data: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang.get_untracked();
    match share_link::decode(&data) {
        Ok(map) => {
            let kept = map.clone();
            let save_copy = move |_| {
                let mut copy = kept.clone();
                let ids: Vec<String> = app.library.with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect());
                map_file::keep_apart(&mut copy, &|id| ids.iter().any(|x| x == id), &mut RandomIds);
                let id = copy.id.clone();
                if app.create_map(&copy).is_ok() {
                    app.navigate(Route::Map(id));
                }
            };
            view! {
                <section class="shared-map" data-testid="shared-map">
                    <div class="shared-banner" role="status">
                        <span>{app.text(Key::SharedReadOnly)}</span>
                        <button class="primary" data-testid="save-copy" on:click=save_copy>{app.text(Key::SaveCopy)}</button>
                    </div>
                    <h1 data-testid="shared-title">{map.title.clone()}</h1>
                    <p class="description">{map.description.clone()}</p>
                    <MapView map=map lang=lang lines=cell_lines/>
                </section>
            }
            .into_any()
        }
        Err(e) => view! {
            <section class="shared-map" data-testid="shared-map">
                <p class="part-failed" role="alert" data-testid="share-error">
                    {app.text(Key::ShareLinkBroken)} " " {e.said(app.lang.get_untracked())}
                </p>
                <a href="#/" on:click=move |_| app.navigate(Route::Library)>{app.text(Key::BackToLibrary)}</a>
            </section>
        }
        .into_any(),
    }
}
