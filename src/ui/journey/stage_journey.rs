//! A stage's link to the map that details it: that map's title and
//! headline (its NPS with margin, its weakest touchpoint, its lowest
//! feeling), or, when this browser lacks it, a way to open its file; and
//! the picker that links the stage to a new sub-journey or to a map of the
//! library (maps that would close a loop are left out by the core).

use leptos::prelude::*;

use crate::core::analysis::portfolio::headline::{headline, Headline};
use crate::core::document::edit::{Edit, Scope};
use crate::core::document::journey_link::{linkable, sub_journey};
use crate::core::document::journey_words::{headline_line, JourneyText};
use crate::core::formats::map_file;
use crate::core::storage::library;
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::platform::random_ids::RandomIds;
use crate::platform::{clock, file_read};
use crate::ui::app_state::{NoticeKind, Route};
use crate::ui::journey::go_to_map;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn StageJourney(id: StoredValue<String>, picking: RwSignal<bool>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    // A memo: the stage's scope also changes at each keystroke in its name,
    // which must not build the linked map (and read it) again.
    let link = Memo::new(move |_| {
        session.read(Scope::Stage(id.get_value()), |m| {
            m.stages
                .iter()
                .find(|s| s.id == id.get_value())
                .map(|s| s.journey.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="stage-journey" data-testid="stage-journey">
            {move || {
                let journey = link.get();
                (!journey.is_empty()).then(|| view! { <LinkedMap stage=id journey=journey/> })
            }}
            <Show when=move || picking.get()>
                <JourneyPicker stage=id picking=picking/>
            </Show>
        </div>
    }
}

/// The linked map, as the library knows it: its title and headline, or
/// that it is missing here.
#[component]
fn LinkedMap(stage: StoredValue<String>, journey: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let said = move |t: JourneyText| move || t.said(app.lang.get());
    let wanted = journey.clone();
    // (title, last change) of the linked map; the headline is read again
    // only when these change, not at every refresh of the library.
    let entry = Memo::new(move |_| {
        app.library.with(|l| {
            l.entries
                .iter()
                .find(|e| e.id == wanted)
                .map(|e| (e.title.clone(), e.modified))
        })
    });
    let read = journey.clone();
    let head = Memo::new(move |_| -> Option<Headline> {
        entry.with(Option::is_some).then_some(())?;
        library::load_map(&*app.store(), &read)
            .ok()
            .map(|stored| headline(&stored.map))
    });
    let unlink = move |_| {
        session.edit(Edit::LinkStage {
            id: stage.get_value(),
            journey: String::new(),
        })
    };
    let unlink_button = move || {
        view! {
            <button class="link-button" data-testid="stage-unlink" on:click=unlink>
                {said(JourneyText::Unlink)}
            </button>
        }
    };
    let journey = StoredValue::new(journey);
    view! {
        {move || match entry.get() {
            Some((title, _)) => view! {
                <div class="linked-map" data-testid="linked-map">
                    <span class="muted">{said(JourneyText::DetailedBy)}" "</span>
                    <a href=Route::Map(journey.get_value()).to_hash() data-testid="linked-map-title"
                        on:click=move |ev| { ev.prevent_default(); go_to_map(session, journey.get_value()); }>
                        <span aria-hidden="true">"↳ "</span>{title}
                    </a>
                    <span class="linked-headline" data-testid="linked-headline">
                        {move || head.with(|h| h.as_ref().map(|h| headline_line(app.lang.get(), h)))}
                    </span>
                    {unlink_button()}
                </div>
            }.into_any(),
            None => view! {
                <div class="linked-map missing" data-testid="linked-missing">
                    <span>{said(JourneyText::Missing)}</span>
                    <label class="button file-button">
                        {said(JourneyText::OpenItsFile)}
                        <input type="file" class="visually-hidden" data-testid="linked-open-file"
                            accept=".json,application/json"
                            on:change=move |ev| open_linked_file(session, journey.get_value(), &ev)/>
                    </label>
                    {unlink_button()}
                </div>
            }.into_any(),
        }}
    }
}

/// The file picked for a link to a missing map: checked like any map file;
/// stored if it holds that very map (the stage then shows its headline),
/// refused with the reason otherwise. Nothing half-read is stored.
fn open_linked_file(session: MapSession, journey: String, ev: &leptos::ev::Event) {
    let app = session.app;
    let input: web_sys::HtmlInputElement = event_target(ev);
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    file_read::read_bytes(&file, move |result| {
        let lang = app.lang.get_untracked();
        let refused = |why: String| {
            app.notify(NoticeKind::Error(format!(
                "{name} — {} {why}",
                lang.t(Key::MapFileRefused)
            )))
        };
        let bytes = match result {
            Ok(bytes) => bytes,
            Err(why) => return refused(why),
        };
        let ids: std::collections::HashSet<String> = app
            .library
            .with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect());
        match map_file::open_map_file(&bytes, &|id| ids.contains(id), &mut RandomIds) {
            Ok(opened) if opened.map.id == journey && opened.already_in_library.is_none() => {
                app.import_map(&opened.map);
            }
            // Stored meanwhile (another tab): the library read again shows it.
            Ok(opened) if opened.already_in_library.as_deref() == Some(journey.as_str()) => {
                app.refresh_library();
            }
            Ok(opened) => refused(
                JourneyText::OtherMap {
                    title: opened.map.title,
                }
                .said(lang),
            ),
            Err(why) => refused(why.said(lang)),
        }
    });
}

/// Linking the stage: a new sub-journey, or a map of the library.
#[component]
fn JourneyPicker(stage: StoredValue<String>, picking: RwSignal<bool>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let said = move |t: JourneyText| move || t.said(app.lang.get());
    // Read once (see `PartOf`): the lists below follow the library.
    let me = session.id.get_value();
    let mine = me.clone();
    let choices = move || {
        app.library.with(|l| {
            linkable(&l.entries, &mine)
                .into_iter()
                .map(|e| (e.id.clone(), e.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let others = move || app.library.with(|l| l.entries.iter().any(|e| e.id != me));
    let any_choice = {
        let choices = choices.clone();
        move || !choices().is_empty()
    };
    let stage_name = move || {
        session.read(Scope::Stage(stage.get_value()), |m| {
            m.stages
                .iter()
                .find(|s| s.id == stage.get_value())
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let link_to = move |journey: String| {
        session.edit(Edit::LinkStage {
            id: stage.get_value(),
            journey,
        });
        picking.set(false);
    };
    let new_sub = move |_| {
        let lang = app.lang.get_untracked();
        let names = [Key::BlankStage1, Key::BlankStage2, Key::BlankStage3].map(|k| lang.t(k));
        let made = session
            .peek(|m| sub_journey(m, &stage.get_value(), &mut RandomIds, names, clock::now()));
        let Some(sub) = made else {
            return app.notify(NoticeKind::Error(JourneyText::StageGone.said(lang)));
        };
        if app.create_map(&sub).is_ok() {
            session.edit(Edit::LinkStage {
                id: stage.get_value(),
                journey: sub.id.clone(),
            });
            go_to_map(session, sub.id);
        }
    };
    view! {
        <div class="journey-picker" role="group" data-testid="journey-picker"
            aria-label=move || JourneyText::DetailStage { stage: stage_name() }.said(app.lang.get())>
            <p class="picker-heading">
                {move || JourneyText::DetailStage { stage: stage_name() }.said(app.lang.get())}
            </p>
            <button data-testid="new-sub-journey" title=said(JourneyText::NewSubJourneyHint) on:click=new_sub>
                {said(JourneyText::NewSubJourney)}
            </button>
            <ul class="picker-maps">
                {move || choices().into_iter().map(|(id, title)| {
                    let name = JourneyText::LinkTo { title: title.clone() };
                    view! {
                        <li>
                            <span class="picker-title">{title}</span>
                            <button data-testid="link-map" aria-label=move || name.said(app.lang.get())
                                on:click=move |_| link_to(id.clone())>
                                {said(JourneyText::Link)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || {
                let why = if !others() {
                    Some(JourneyText::NoOtherMap)
                } else if !any_choice() {
                    Some(JourneyText::NothingLinkable)
                } else {
                    None
                };
                why.map(|w| view! { <p class="muted" data-testid="picker-none">{w.said(app.lang.get())}</p> })
            }}
            <button class="link-button" data-testid="picker-close" on:click=move |_| picking.set(false)>
                {said(JourneyText::Close)}
            </button>
        </div>
    }
}
