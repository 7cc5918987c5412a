//! The portfolio page: reads every stored map a few at a time (each map is
//! dropped once its row is made, see `core::analysis::portfolio`), so the
//! first rows show while the rest are read, and reads them again when
//! another tab changes storage. Sorted and filtered by the core.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::analysis::action_board::persona_choices;
use crate::core::analysis::portfolio::words::PortfolioText;
use crate::core::analysis::portfolio::{
    department_choices, owner_choices, row, sorted, weakest_across, Filter, Row, Sort,
};
use crate::core::document::edit::Edit;
use crate::core::document::model::MapKind;
use crate::core::session::stored_edit::edit_stored_map;
use crate::core::storage::library::{self, LoadError};
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::ui::action::choice_filter::ChoiceFilter;
use crate::ui::action::stored_maps::{refusal, Wording};
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::portfolio::portfolio_table::PortfolioTable;
use crate::ui::portfolio::weakest_list::WeakestList;

/// Maps read between two paints. A large map (40 stages, 400 touchpoints
/// with readings) takes about 10 ms to read and sum up here, so four keep
/// each step near a frame's budget on a slow machine.
const MAPS_PER_STEP: usize = 4;

/// The rows read so far, and how far the reading is.
#[derive(Clone, Copy)]
struct Reading {
    rows: RwSignal<Vec<Row>>,
    /// Each map's revision as read, to save an owner without overwriting
    /// another tab's newer save.
    revisions: StoredValue<HashMap<String, u64>>,
    /// (maps read, maps in the library).
    progress: RwSignal<(usize, usize)>,
    /// Bumped at each new reading, so that an older one stops.
    round: StoredValue<u32>,
}

impl Reading {
    fn start(self, app: AppState) {
        let report = app.refresh_library();
        let ids: Vec<String> = report.entries.into_iter().map(|e| e.id).collect();
        let round = self.round.get_value().wrapping_add(1);
        self.round.set_value(round);
        self.rows.set(Vec::with_capacity(ids.len()));
        self.revisions.set_value(HashMap::new());
        self.progress.set((0, ids.len()));
        self.step(app, ids, 0, round, false);
    }

    fn step(self, app: AppState, ids: Vec<String>, from: usize, round: u32, mut told: bool) {
        // The page may be gone (the user moved on while maps were read):
        // its values are then disposed, and reading stops.
        if self.round.try_get_value() != Some(round) {
            return;
        }
        let to = (from + MAPS_PER_STEP).min(ids.len());
        let store = app.store();
        let mut read = Vec::new();
        for id in &ids[from..to] {
            match library::load_map(&*store, id) {
                Ok(stored) => {
                    self.revisions.update_value(|r| {
                        r.insert(stored.map.id.clone(), stored.revision);
                    });
                    read.push(row(&stored.map));
                }
                Err(LoadError::Missing) => {}
                Err(e) => {
                    if !told {
                        told = true;
                        let lang = app.lang.get_untracked();
                        app.notify(NoticeKind::Error(format!(
                            "{} {}",
                            PortfolioText::Unreadable.said(lang),
                            e.said(lang)
                        )));
                    }
                }
            }
        }
        self.rows.update(|rows| rows.extend(read));
        self.progress.set((to, ids.len()));
        if to < ids.len() {
            set_timeout(move || self.step(app, ids, to, round, told), Duration::ZERO);
        }
    }

    /// Name the owner of map `id`, in place in storage (checked against the
    /// revision read, recorded for merging). Refused: the user is told why
    /// and the maps are read again.
    fn set_owner(self, app: AppState, id: &str, owner: String) {
        let Some(known) = self.revisions.with_value(|r| r.get(id).copied()) else {
            return;
        };
        let store = app.store();
        let edit = Edit::SetOwner(owner);
        match edit_stored_map(&*store, id, known, edit, &app.replica(), clock::now()) {
            Ok(stored) => {
                self.revisions.update_value(|r| {
                    r.insert(id.to_owned(), stored.revision);
                });
                let fresh = row(&stored.map);
                self.rows.update(|rows| {
                    if let Some(slot) = rows.iter_mut().find(|r| r.map_id == id) {
                        *slot = fresh;
                    }
                });
            }
            Err(error) => {
                let wording = Wording {
                    unreadable: |lang| PortfolioText::Unreadable.said(lang),
                    conflict: |lang| PortfolioText::Conflict.said(lang),
                    not_saved: |lang| PortfolioText::NotSaved.said(lang),
                };
                let lang = app.lang.get_untracked();
                app.notify(NoticeKind::Error(refusal(lang, wording, &error)));
                self.start(app);
            }
        }
    }
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let reading = Reading {
        rows: RwSignal::new(Vec::new()),
        revisions: StoredValue::new(HashMap::new()),
        progress: RwSignal::new((0, 0)),
        round: StoredValue::new(0),
    };
    reading.start(app);
    Effect::new(move |first: Option<()>| {
        app.external_change.track();
        if first.is_some() {
            reading.start(app);
        }
    });
    let rows = reading.rows;
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(Sort::default());
    let shown = Memo::new(move |_| {
        let kept: Vec<Row> =
            filter.with(|f| rows.with(|r| r.iter().filter(|r| f.keeps(r)).cloned().collect()));
        sorted(kept, sort.get())
    });
    let weakest = Signal::derive(move || shown.with(|s| weakest_across(s)));
    let said = move |t: PortfolioText| move || t.said(app.lang.get());
    let kinds = move || {
        let lang = app.lang.get();
        MapKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), k.label(lang).to_owned()))
            .collect()
    };
    let departments = move || {
        rows.with(|r| department_choices(r))
            .into_iter()
            .map(|d| (d.clone(), d))
            .collect()
    };
    let owners = move || {
        rows.with(|r| owner_choices(r))
            .into_iter()
            .map(|o| (o.clone(), o))
            .collect()
    };
    let set_owner = Callback::new(move |(id, owner): (String, String)| {
        let unchanged =
            rows.with_untracked(|r| r.iter().any(|r| r.map_id == id && r.owner == owner));
        if !unchanged {
            reading.set_owner(app, &id, owner);
        }
    });
    let personas = move || rows.with(|r| persona_choices(r.iter().flat_map(|r| &r.personas)));
    let all = move || rows.with(Vec::len);
    let reading_now = move || {
        let (done, all) = reading.progress.get();
        (done < all).then(|| PortfolioText::Reading { done, all }.said(app.lang.get()))
    };
    view! {
        <section class="board-page portfolio-page" data-testid="portfolio">
            <div class="library-bar">
                <a class="back" data-testid="back" href="#/" on:click=move |_| app.navigate(Route::Library)>
                    {app.text(Key::BackToLibrary)}
                </a>
                <h1>{said(PortfolioText::Heading)}</h1>
            </div>
            <p class="muted">{said(PortfolioText::Intro)}</p>
            <p class="muted" role="status" data-testid="portfolio-reading">{reading_now}</p>
            <Show when=move || { all() > 0 || reading.progress.with(|(d, a)| d < a) }
                fallback=move || view! { <p class="empty" data-testid="portfolio-empty">{said(PortfolioText::NoMaps)}</p> }>
                <div class="board-filters" data-testid="portfolio-filters">
                    <ChoiceFilter label=Signal::derive(move || PortfolioText::FilterKind.said(app.lang.get()))
                        testid="portfolio-kind" choices=Signal::derive(kinds)
                        current=Signal::derive(move || filter.with(|f| f.kind.map(|k| k.code().to_owned())))
                        pick=Callback::new(move |code: Option<String>| filter.update(|f| {
                            f.kind = code.and_then(|c| MapKind::ALL.into_iter().find(|k| k.code() == c));
                        }))/>
                    <ChoiceFilter label=Signal::derive(move || PortfolioText::FilterOwner.said(app.lang.get()))
                        testid="portfolio-owner-filter" choices=Signal::derive(owners)
                        current=Signal::derive(move || filter.with(|f| f.owner.clone()))
                        pick=Callback::new(move |o| filter.update(|f| f.owner = o))/>
                    <ChoiceFilter label=Signal::derive(move || PortfolioText::FilterDepartment.said(app.lang.get()))
                        testid="portfolio-department" choices=Signal::derive(departments)
                        current=Signal::derive(move || filter.with(|f| f.department.clone()))
                        pick=Callback::new(move |d| filter.update(|f| f.department = d))/>
                    <ChoiceFilter label=Signal::derive(move || PortfolioText::FilterPersona.said(app.lang.get()))
                        testid="portfolio-persona" choices=Signal::derive(personas)
                        current=Signal::derive(move || filter.with(|f| f.persona.clone()))
                        pick=Callback::new(move |p| filter.update(|f| f.persona = p))/>
                    <label>
                        <span>{said(PortfolioText::SortBy)}</span>
                        <select data-testid="portfolio-sort" on:change=move |ev| sort.set(Sort::from_code(&event_target_value(&ev)))>
                            {Sort::ALL.map(|s| view! {
                                <option value=s.code() prop:selected=move || sort.get() == s>
                                    {move || PortfolioText::Sort(s).said(app.lang.get())}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <span class="muted" data-testid="portfolio-count">
                        {move || PortfolioText::Shown { shown: shown.with(Vec::len), all: all() }.said(app.lang.get())}
                    </span>
                </div>
                <PortfolioTable rows=shown set_owner=set_owner/>
                <p class="muted portfolio-method">{said(PortfolioText::Method)}</p>
                <WeakestList spots=weakest/>
            </Show>
            <crate::ui::journey::journey_tree::JourneyTree/>
        </section>
    }
}
