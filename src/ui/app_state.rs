//! State shared by every page: the store, the library list, the language,
//! the route and the notices shown to the user.

use std::rc::Rc;

use leptos::prelude::*;

use crate::core::demo::demo_map;
use crate::core::i18n::{Key, Lang};
use crate::core::library::{self, LoadReport, LANG_KEY};
use crate::core::model::JourneyMap;
use crate::core::presentation::PresentAddress;
use crate::core::report::address::ReportAddress;
use crate::core::route_text::is_url_safe;
use crate::core::store::{KeyValueStore, MemoryStore, StoreError};
use crate::platform::clock;
use crate::platform::local_storage::BrowserStore;
use crate::platform::random_ids::RandomIds;
use crate::platform::storage_events::StorageChange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    /// The persona library shared by all maps: `#/personas`.
    Personas,
    Map(String),
    /// A map carried in the link itself (see `core::share_link`), read-only.
    View(String),
    /// The same, alone in its frame: for iframes on other pages.
    Embed(String),
    /// An embed of the map file at an address: `#/embed?src=…` (the
    /// parameters, checked by `core::embed_source` when shown).
    EmbedSource(String),
    /// A stored map's report, for reading and printing (maybe of one department).
    Report(ReportAddress),
    /// A stored map presented full screen, a stage at a time or whole.
    Present(PresentAddress),
    /// A future-state map compared with the current state it was copied from.
    Compare(String),
    /// The actions of every map, by priority (`#/actions`).
    Actions,
}

impl Route {
    /// `#/map/<id>` opens a map, `#/view/<data>` shows a shared one and
    /// `#/embed/<data>` shows it alone in its frame, `#/report/<id>[/<department>]`
    /// is a map's report; anything else is the library.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // What follows a prefix, if it is a non-empty run of URL-safe
        // characters (map ids, and the base64url data of shared maps).
        let part = |prefix: &str| path.strip_prefix(prefix).filter(|rest| is_url_safe(rest));
        if let Some(report) = path.strip_prefix("report/").and_then(ReportAddress::parse) {
            Route::Report(report)
        } else if let Some(at) = path
            .strip_prefix("present/")
            .and_then(PresentAddress::parse)
        {
            Route::Present(at)
        } else if let Some(id) = part("compare/") {
            Route::Compare(id.to_owned())
        } else if path == "personas" {
            Route::Personas
        } else if path == "actions" {
            Route::Actions
        } else if let Some(id) = part("map/") {
            Route::Map(id.to_owned())
        } else if let Some(data) = part("view/") {
            Route::View(data.to_owned())
        } else if let Some(data) = part("embed/") {
            Route::Embed(data.to_owned())
        } else if let Some(query) = path.strip_prefix("embed?") {
            Route::EmbedSource(query.to_owned())
        } else {
            Route::Library
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_owned(),
            Route::Personas => "#/personas".to_owned(),
            Route::Map(id) => format!("#/map/{id}"),
            Route::View(data) => format!("#/view/{data}"),
            Route::Embed(data) => format!("#/embed/{data}"),
            Route::EmbedSource(query) => format!("#/embed?{query}"),
            Route::Report(report) => format!("#/report/{}", report.path()),
            Route::Present(at) => format!("#/present/{}", at.path()),
            Route::Compare(id) => format!("#/compare/{id}"),
            Route::Actions => "#/actions".to_owned(),
        }
    }
}

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
        let state = AppState {
            lang: RwSignal::new(lang),
            route: RwSignal::new(Route::from_hash(&hash)),
            library: RwSignal::new(LoadReport::default()),
            notices: RwSignal::new(Vec::new()),
            external_change: RwSignal::new(None),
            replica: StoredValue::new(None),
            incoming: RwSignal::new(None),
            store: StoredValue::new_local(store),
            next_notice: StoredValue::new(0),
        };
        if let Some(StoreError::Unavailable(why) | StoreError::Failed(why)) = unavailable {
            state.notify(NoticeKind::StorageUnavailable(why));
        }
        let report = state.refresh_library();
        for q in report.quarantined {
            state.notify(NoticeKind::Quarantine {
                key: q.key,
                reason: q.reason.message(state.lang.get_untracked()),
            });
        }
        let library_is_empty = state
            .library
            .with_untracked(|l| l.entries.is_empty() && l.quarantined.is_empty());
        // A first visit to the app opens the demo; a first visit through a
        // shared link or an embed stores nothing.
        if library_is_empty && state.route.get_untracked() == Route::Library {
            let demo = demo_map(lang, &mut RandomIds, clock::now());
            let id = demo.id.clone();
            if state.create_map(&demo).is_ok() {
                state.navigate(Route::Map(id));
            }
        }
        state
    }

    /// This browser's replica id: it signs the changes made here, so that a
    /// teammate's copy can be merged (see `core::sync`). Read (or made and
    /// stored) on first use: a shared or embedded map stores nothing.
    pub fn replica(&self) -> String {
        if let Some(id) = self.replica.get_value() {
            return id;
        }
        let id = library::replica_id(&*self.store(), &mut RandomIds);
        self.replica.set_value(Some(id.clone()));
        id
    }

    pub fn store(&self) -> Rc<dyn KeyValueStore> {
        self.store.get_value()
    }

    /// A UI string in the current language (tracked: re-renders on a switch).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().t(key)
    }

    /// A reactive UI string for a view. One closure type serves every key, so
    /// the renderer is compiled once for all of them (a large saving in wasm size).
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
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
                self.notify(NoticeKind::Error(e.to_string()));
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

#[cfg(test)]
mod tests {
    use super::{PresentAddress, ReportAddress, Route};
    use crate::core::presentation::Slide;

    #[test]
    fn routes_come_from_the_fragment_and_refuse_odd_ids() {
        assert_eq!(Route::from_hash(""), Route::Library);
        assert_eq!(Route::from_hash("#/"), Route::Library);
        assert_eq!(Route::from_hash("#/map/ab12"), Route::Map("ab12".into()));
        assert_eq!(Route::from_hash("#/personas"), Route::Personas);
        assert_eq!(Route::Personas.to_hash(), "#/personas");
        assert_eq!(Route::from_hash("#/personasx"), Route::Library);
        assert_eq!(Route::from_hash("#/map/"), Route::Library);
        assert_eq!(Route::from_hash("#/map/<img>"), Route::Library);
        assert_eq!(Route::Map("x".into()).to_hash(), "#/map/x");
        assert_eq!(
            Route::from_hash("#/view/eJx-_9"),
            Route::View("eJx-_9".into())
        );
        assert_eq!(Route::from_hash("#/view/a+b"), Route::Library);
        let present = Route::Present(PresentAddress {
            map: "ab12".into(),
            slide: Slide::Stage(1),
        });
        assert_eq!(Route::from_hash("#/present/ab12/2"), present);
        assert_eq!(present.to_hash(), "#/present/ab12/2");
        assert_eq!(Route::from_hash("#/present/ab12/0"), Route::Library);
        assert_eq!(
            Route::from_hash("#/compare/f1"),
            Route::Compare("f1".into())
        );
        assert_eq!(Route::Compare("f1".into()).to_hash(), "#/compare/f1");
        assert_eq!(Route::from_hash("#/compare/a b"), Route::Library);
        assert_eq!(Route::from_hash("#/view/"), Route::Library);
        assert_eq!(Route::from_hash("#/embed/abc"), Route::Embed("abc".into()));
        assert_eq!(Route::from_hash("#/embed/a%20"), Route::Library);
        assert_eq!(
            Route::from_hash("#/embed?src=maps%2Fa.json"),
            Route::EmbedSource("src=maps%2Fa.json".into())
        );
        assert_eq!(
            Route::EmbedSource("src=x".into()).to_hash(),
            "#/embed?src=x"
        );
        let report = |department: Option<&str>| {
            Route::Report(ReportAddress {
                map: "ab12".into(),
                department: department.map(str::to_owned),
            })
        };
        assert_eq!(Route::from_hash("#/report/ab12"), report(None));
        assert_eq!(
            Route::from_hash("#/report/ab12/Service%20client"),
            report(Some("Service client"))
        );
        assert_eq!(
            report(Some("Service client")).to_hash(),
            "#/report/ab12/Service%20client"
        );
        assert_eq!(Route::from_hash("#/report/"), Route::Library);
        assert_eq!(Route::from_hash("#/report/a%20b"), Route::Library);
        assert_eq!(Route::from_hash("#/actions"), Route::Actions);
        assert_eq!(Route::Actions.to_hash(), "#/actions");
        assert_eq!(Route::from_hash("#/actions/x"), Route::Library);
    }
}
