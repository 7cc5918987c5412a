//! State shared by every page: the store, the library list, the language,
//! the route and the notices shown to the user.

use crate::core::text::said::Said;
use std::rc::Rc;

use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::storage::library::{self, LoadReport, LANG_KEY};
use crate::core::storage::store::{KeyValueStore, MemoryStore, StoreError};
use crate::core::storage::user_templates;
use crate::core::text::i18n::{Key, Lang, Words};
pub use crate::core::view::route::Route;
use crate::platform::clock;
use crate::platform::local_storage::BrowserStore;
use crate::platform::random_ids::RandomIds;
use crate::platform::storage_events::StorageChange;

crate::lazy_fn!(
    /// The demo map, in its own wasm chunk: a browser needs it on its first
    /// visit (and when asked for one), and its texts in two languages were
    /// about a tenth of the first load's code and data (twiggy: 10.5 KB of
    /// code and most of its strings, before optimisation).
    demo, pub fn demo_of(lang: Lang, now: crate::core::document::model::Millis) -> JourneyMap {
        crate::core::document::demo::demo_map(lang, &mut RandomIds, now)
    }
);

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    /// Stored text set aside: where it is now and why.
    Quarantine {
        key: String,
        reason: String,
    },
    StorageUnavailable(String),
    /// Something the browser refused, with its words.
    Error(String),
    /// Something done that the user should know about.
    Info(String),
}

impl NoticeKind {
    pub fn code(&self) -> &'static str {
        match self {
            NoticeKind::Quarantine { .. } => "quarantine",
            NoticeKind::StorageUnavailable(_) => "storage-unavailable",
            NoticeKind::Error(_) => "save-error",
            NoticeKind::Info(_) => "info",
        }
    }
}

/// A map file whose map the library already holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub file_name: String,
    pub map: JourneyMap,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub library: RwSignal<LoadReport>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The last change another tab made to storage.
    pub external_change: RwSignal<Option<StorageChange>>,
    /// This browser's replica id, once needed (see [`AppState::replica`]).
    replica: StoredValue<Option<String>>,
    /// A teammate's copy of a map already in the library, opened from a file
    /// and waiting for the user to merge it or keep it apart.
    pub incoming: RwSignal<Option<Incoming>>,
    /// A first visit's demo is on its way (its part is being fetched): the
    /// library is not shown empty meanwhile, and the demo opens when stored.
    pub opening_demo: RwSignal<bool>,
    store: StoredValue<Rc<dyn KeyValueStore>, LocalStorage>,
    next_notice: StoredValue<u32>,
}

impl AppState {
    /// Open storage (or fall back to memory, saying so), read the library,
    /// and on a first visit store the demo map and open it.
    pub fn init() -> AppState {
        let (store, unavailable): (Rc<dyn KeyValueStore>, Option<StoreError>) =
            match BrowserStore::open() {
                Ok(store) => (Rc::new(store), None),
                Err(e) => (Rc::new(MemoryStore::new()), Some(e)),
            };
        let lang = match store.get(LANG_KEY) {
            Ok(Some(code)) => Lang::from_code(&code),
            _ => None,
        }
        .unwrap_or_else(crate::platform::language::browser_lang);
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        // An address not understood shows the library and says so; it
        // stores nothing (not even the first visit's demo).
        let route = Route::parse(&hash);
        let state = AppState {
            lang: RwSignal::new(lang),
            route: RwSignal::new(route.clone().unwrap_or(Route::Library)),
            library: RwSignal::new(LoadReport::default()),
            notices: RwSignal::new(Vec::new()),
            external_change: RwSignal::new(None),
            replica: StoredValue::new(None),
            incoming: RwSignal::new(None),
            opening_demo: RwSignal::new(false),
            store: StoredValue::new_local(store),
            next_notice: StoredValue::new(0),
        };
        if let Some(StoreError::Unavailable(why) | StoreError::Failed(why)) = unavailable {
            state.notify(NoticeKind::StorageUnavailable(why));
        }
        if route.is_none() {
            state.not_understood(&hash);
        }
        // Everything set aside at start, said at start: maps, templates and
        // the replica id (the persona library is read when first needed).
        let now = clock::now();
        let mut aside = Vec::new();
        match user_templates::set_aside_unreadable(&*state.store(), now) {
            Ok(templates) => aside.extend(templates),
            Err(e) => state.notify(NoticeKind::Error(e.said(state.lang.get_untracked()))),
        }
        aside.extend(library::check_replica(&*state.store(), now));
        let report = state.refresh_library();
        for q in report.quarantined {
            // Found again by the library's listing: told once, with the
            // reason first found.
            if !aside.iter().any(|a| a.key == q.key) {
                aside.push(q);
            }
        }
        for q in aside {
            state.notify_set_aside(q);
        }
        let library_is_empty = state
            .library
            .with_untracked(|l| l.entries.is_empty() && l.quarantined.is_empty());
        // A first visit to the app opens the demo; a first visit through a
        // shared link or an embed stores nothing.
        if library_is_empty && route == Some(Route::Library) {
            state.opening_demo.set(true);
            leptos::task::spawn_local(async move {
                match demo_of(lang, clock::now()).await {
                    Ok(demo) => {
                        let id = demo.id.clone();
                        // Opened only if the user is still waiting for it.
                        let waiting = state.route.get_untracked() == Route::Library;
                        if state.create_map(&demo).is_ok() && waiting {
                            state.navigate(Route::Map(id));
                        }
                    }
                    Err(_) => {
                        state.notify(NoticeKind::Error(lang.t(Key::PartLoadFailed).to_owned()))
                    }
                }
                state.opening_demo.set(false);
            });
        }
        state
    }

    /// Tell the user about a text set aside: where it is and why.
    pub fn notify_set_aside(&self, q: library::Quarantined) {
        self.notify(NoticeKind::Quarantine {
            key: q.key,
            reason: q.reason.said(self.lang.get_untracked()),
        });
    }

    /// The address `hash` was not understood: the library is shown, and
    /// the user told so.
    pub fn not_understood(&self, hash: &str) {
        let text = crate::core::view::route::not_understood(self.lang.get_untracked(), hash);
        self.notify(NoticeKind::Info(text));
    }

    /// This browser's replica id: it signs the changes made here, so that a
    /// teammate's copy can be merged (see `core::sync`). Read (or made and
    /// stored) on first use: a shared or embedded map stores nothing.
    pub fn replica(&self) -> String {
        if let Some(id) = self.replica.get_value() {
            return id;
        }
        let replica = library::replica_id(&*self.store(), &mut RandomIds, clock::now());
        if let Some(q) = replica.set_aside {
            self.notify_set_aside(q);
        }
        self.replica.set_value(Some(replica.id.clone()));
        replica.id
    }

    pub fn store(&self) -> Rc<dyn KeyValueStore> {
        self.store.get_value()
    }

    /// A UI string in the current language (tracked: re-renders on a switch).
    pub fn t<W: Words>(&self, key: W) -> &'static str {
        self.lang.get().t(key)
    }

    /// A reactive UI string for a view. One closure type serves every key, so
    /// the renderer is compiled once for all of them (a large saving in wasm size).
    pub fn text<W: Words>(
        self,
        key: W,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.lang.get().t(key)
    }

    /// The user chose a language: show it, and keep it for next time.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let _ = self.store().set(LANG_KEY, lang.code());
        self.mark_lang();
    }

    /// Tell the page (screen readers, hyphenation) which language it is in.
    pub fn mark_lang(&self) {
        let lang = self.lang.get_untracked();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.code());
        }
    }

    /// Re-read the library list from storage; returns what was read.
    pub fn refresh_library(&self) -> LoadReport {
        match library::load_library(&*self.store(), clock::now()) {
            Ok(report) => {
                self.library.set(report.clone());
                report
            }
            Err(e) => {
                self.notify(NoticeKind::Error(e.said(self.lang.get_untracked())));
                LoadReport::default()
            }
        }
    }

    pub fn notify(&self, kind: NoticeKind) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            if !n.iter().any(|existing| existing.kind == kind) {
                n.push(Notice { id, kind });
            }
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|notice| notice.id != id));
    }

    /// Go to a page: sets the URL fragment, so Back works.
    pub fn navigate(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&route.to_hash());
        }
        self.route.set(route);
    }

    /// Store a map opened from a file as a new map and refresh the list; a
    /// map too large for the room left says so, with its size. Whether it
    /// was stored.
    pub fn import_map(&self, map: &JourneyMap) -> bool {
        let used = self.library.with_untracked(|l| l.used);
        let result = library::store_new_map(&*self.store(), map, used, clock::now());
        self.refresh_library();
        let lang = self.lang.get_untracked();
        let text = match result {
            Ok(_) => return true,
            Err(Ok(too_large)) => too_large.said(lang),
            Err(Err(library::SaveError::Store(StoreError::QuotaExceeded))) => {
                lang.t(Key::QuotaFull).to_owned()
            }
            Err(Err(e)) => e.said(lang),
        };
        self.notify(NoticeKind::Error(text));
        false
    }

    /// Give `map` a new id when the library already has its id (a copy
    /// kept apart from the map it came from, rather than merged with it).
    pub fn keep_apart(&self, map: &mut JourneyMap) {
        let ids: Vec<String> = self
            .library
            .with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect());
        crate::core::formats::map_file::keep_apart(
            map,
            &|id| ids.iter().any(|x| x == id),
            &mut RandomIds,
        );
    }

    /// Store a new map (it has fresh ids) and refresh the list.
    pub fn create_map(&self, map: &JourneyMap) -> Result<(), StoreError> {
        let result = library::save_map(&*self.store(), map, 0, false, clock::now());
        self.refresh_library();
        match result {
            Ok(_) => Ok(()),
            Err(library::SaveError::Store(e)) => {
                let text = match &e {
                    StoreError::QuotaExceeded => {
                        self.lang.get_untracked().t(Key::QuotaFull).to_owned()
                    }
                    other => other.to_string(),
                };
                self.notify(NoticeKind::Error(text));
                Err(e)
            }
            Err(library::SaveError::Conflict { .. }) => Ok(()),
        }
    }
}
