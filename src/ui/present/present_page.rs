//! A stored map presented for a meeting (`#/present/<id>[/<n>|/all]`): one
//! stage at a time, or the whole map, moved through with the keyboard
//! (see `core::view::presentation`); Escape leaves, F toggles full screen. Read
//! only: the map is read once, when the presentation opens.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::document::model::JourneyMap;
use crate::core::storage::library;
use crate::core::text::i18n::Key;
use crate::core::text::map_text::cell_lines;
use crate::core::view::presentation::{clamp, on_key, PresentAddress, Slide};
use crate::ui::app_state::{AppState, Route};
use crate::ui::missing_map::missing_map;
use crate::ui::present::fullscreen;
use crate::ui::present::stage_slide::StageSlide;
use crate::ui::shortcuts_help::typing;
use crate::ui::viewer::map_view::MapView;

#[component]
pub fn PresentPage(address: PresentAddress) -> impl IntoView {
    let app = expect_context::<AppState>();
    match library::load_map(&*app.store(), &address.map) {
        Ok(stored) => view! { <Presentation map=stored.map slide=address.slide/> }.into_any(),
        Err(error) => missing_map(error, address.map),
    }
}

#[component]
fn Presentation(map: JourneyMap, slide: Slide) -> impl IntoView {
    let app = expect_context::<AppState>();
    let stages = map.stages.len();
    let id = map.id.clone();
    let title = map.title.clone();
    let map = StoredValue::new(map);
    let slide = RwSignal::new(clamp(slide, stages));
    // The stage the whole map was opened from, to go back to it.
    let last_stage = StoredValue::new(match slide.get_untracked() {
        Slide::Stage(i) => i,
        Slide::Overview => 0,
    });
    let go = move |to: Slide| {
        if let Slide::Stage(i) = to {
            last_stage.set_value(i);
        }
        slide.set(to);
    };
    let back_to_map = {
        let id = id.clone();
        move || {
            fullscreen::leave();
            app.navigate(Route::Map(id.clone()));
        }
    };
    let leave = back_to_map.clone();
    let keys = window_event_listener(ev::keydown, move |ev| {
        if typing(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        // Space and Enter press the focused button or link, as usual.
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A"));
        if on_control && (key == " " || key == "Enter") {
            return;
        }
        if key == "Escape" {
            ev.prevent_default();
            leave();
        } else if key == "f" || key == "F" {
            ev.prevent_default();
            fullscreen::toggle();
        } else if let Some(to) = on_key(slide.get_untracked(), &key, stages, last_stage.get_value())
        {
            ev.prevent_default();
            go(to);
        }
    });
    on_cleanup(move || keys.remove());

    let lang = move || app.lang.get();
    let strip = move || {
        map.with_value(|m| {
            m.stages
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let current = move || slide.get() == Slide::Stage(i);
                    view! {
                        <li>
                            <button type="button" class="strip-stage" class:current=current
                                aria-current=move || current().then_some("step")
                                on:click=move |_| go(Slide::Stage(i))>
                                <span class="strip-number" aria-hidden="true">{i + 1}</span>
                                {s.name.clone()}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let overview = move || slide.get() == Slide::Overview;
    let shown = move || match slide.get() {
        Slide::Stage(i) => view! { <StageSlide map=map index=i lang=lang()/> }.into_any(),
        Slide::Overview => {
            let whole = map.get_value();
            view! { <div class="present-overview" data-testid="present-overview"><MapView map=whole lang=lang() lines=cell_lines/></div> }.into_any()
        }
    };
    // Said to screen readers as the slide changes.
    let status = move || {
        let lang = lang();
        match slide.get() {
            Slide::Overview => lang.t(Key::WholeMap).to_owned(),
            Slide::Stage(i) => map.with_value(|m| {
                format!(
                    "{} {} / {} : {}",
                    lang.t(Key::Stage),
                    i + 1,
                    stages,
                    m.stages.get(i).map(|s| s.name.as_str()).unwrap_or_default()
                )
            }),
        }
    };
    let previous = move |_| {
        if let Some(to) = on_key(
            slide.get_untracked(),
            "ArrowLeft",
            stages,
            last_stage.get_value(),
        ) {
            go(to);
        }
    };
    let next = move |_| {
        if let Some(to) = on_key(
            slide.get_untracked(),
            "ArrowRight",
            stages,
            last_stage.get_value(),
        ) {
            go(to);
        }
    };
    let toggle_overview = move |_| {
        if let Some(to) = on_key(slide.get_untracked(), "o", stages, last_stage.get_value()) {
            go(to);
        }
    };
    view! {
        <div class="presentation" data-testid="presentation">
            <header class="present-bar">
                <h1 class="present-title">{title}</h1>
                <p class="visually-hidden" role="status" aria-live="polite" data-testid="present-status">{status}</p>
                <nav class="present-tools" aria-label=app.text(Key::Present)>
                    <button type="button" data-testid="present-previous" on:click=previous
                        disabled=move || matches!(slide.get(), Slide::Stage(0) | Slide::Overview)>
                        {app.text(Key::PreviousStage)}
                    </button>
                    <button type="button" data-testid="present-next" on:click=next
                        disabled=move || slide.get() == Slide::Stage(stages.saturating_sub(1))>
                        {app.text(Key::NextStage)}
                    </button>
                    <button type="button" data-testid="present-overview-toggle" aria-pressed=move || overview().to_string()
                        on:click=toggle_overview>{app.text(Key::WholeMap)}</button>
                    <button type="button" data-testid="present-fullscreen" on:click=move |_| fullscreen::toggle()>
                        {app.text(Key::FullScreen)}
                    </button>
                    <button type="button" data-testid="present-leave" on:click=move |_| back_to_map()>
                        {app.text(Key::LeavePresentation)}
                    </button>
                </nav>
            </header>
            <div class="present-body">{shown}</div>
            <nav class="present-strip" aria-label=app.text(Key::Stages)>
                <ol>{strip}</ol>
            </nav>
            <p class="present-hint">{app.text(Key::PresentHint)}</p>
        </div>
    }
}
