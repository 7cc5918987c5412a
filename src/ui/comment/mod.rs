//! Comments on the map and its items (issue 15). The map path holds only the
//! editor's *Comments* button and one effect; the panel, the reading of the
//! list, its checks, its changes and the counts on items are a lazy part,
//! fetched when a map with comments opens or when the panel opens. It is the
//! merge's part (comments merge with the map): a part of its own measured
//! +6.2 KB on the map path, by cutting the code it shares with the editor
//! into 12 more chunks (scripts/size.sh).
//!
//! The counts on items are painted by that part, not rendered by the items:
//! each stage header, card and touchpoint with open comments gets a
//! `data-comments="2"` attribute (and an `aria-description`, "2 open
//! comments"), which the style sheet shows as a badge. Rendered by the items,
//! the badges measured 418,084 gzipped bytes on the map path against its
//! 416,000 ceiling. A mutation observer on the editor paints the items the
//! grid builds later (stages scrolled into view, a cell drawn again).

pub mod comment_thread;
pub mod comments_panel;

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::document::comment::{self, words};
use crate::core::document::edit::Scope;
use crate::core::text::i18n::Lang;
use crate::ui::session::map_session::MapSession;

/// The editor element observed, and the observer with its callback.
type Observing = (
    web_sys::Element,
    web_sys::MutationObserver,
    Closure<dyn FnMut()>,
);

/// What is painted: open comments by item id, their total, in which language.
struct Painted {
    counts: Vec<(String, usize)>,
    all: usize,
    lang: Lang,
    observing: Option<Observing>,
}

thread_local! {
    static PAINTED: RefCell<Option<Painted>> = const { RefCell::new(None) };
}

/// The items that can carry comments, by the attribute holding their id.
const ITEMS: [(&str, &str); 3] = [
    (".card[data-card]", "data-card"),
    (".stage-header[data-stage-id]", "data-stage-id"),
    (".touchpoint[data-touchpoint-id]", "data-touchpoint-id"),
];

/// Paint the counts on every item in the page, and the total on the button.
fn paint() {
    PAINTED.with_borrow(|p| {
        let Some(p) = p else { return };
        let doc = document();
        for (selector, attribute) in ITEMS {
            let Ok(found) = doc.query_selector_all(selector) else {
                continue;
            };
            for i in 0..found.length() {
                let Some(el) = found
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let id = el.get_attribute(attribute).unwrap_or_default();
                let n = p.counts.iter().find(|(k, _)| *k == id).map_or(0, |c| c.1);
                mark(&el, n, p.lang);
            }
        }
        if let Ok(Some(button)) = doc.query_selector("[data-testid=comments-open]") {
            match p.all {
                0 => {
                    let _ = button.remove_attribute("data-comments");
                }
                n => {
                    let _ = button.set_attribute("data-comments", &n.to_string());
                }
            }
        }
    });
}

fn mark(el: &web_sys::Element, n: usize, lang: Lang) {
    let shown = el.get_attribute("data-comments");
    if n == 0 {
        if shown.is_some() {
            let _ = el.remove_attribute("data-comments");
            let _ = el.remove_attribute("aria-description");
        }
    } else if shown.as_deref() != Some(n.to_string().as_str()) {
        let _ = el.set_attribute("data-comments", &n.to_string());
        let _ = el.set_attribute("aria-description", &words::badge(n, lang));
    }
}

/// Watch the editor for items built later (only the DOM's child lists: the
/// painting changes attributes, which would otherwise wake it again).
fn observe(p: &mut Painted) {
    let Ok(Some(editor)) = document().query_selector("[data-testid=editor]") else {
        return;
    };
    if p.observing.as_ref().is_some_and(|(el, _, _)| *el == editor) {
        return;
    }
    if let Some((_, old, _)) = p.observing.take() {
        old.disconnect();
    }
    let callback = Closure::<dyn FnMut()>::new(paint);
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(&editor, &options).is_ok() {
        p.observing = Some((editor, observer, callback));
    }
}

/// Count the open comments of the open map again and paint them (an
/// unreadable list counts none: the panel says why).
fn recount_now(session: MapSession) {
    let Some(list) = session
        .id
        .try_get_value()
        .and_then(|_| session.peek(|m| comment::read(&m.comments).ok()))
    else {
        return;
    };
    let counts: Vec<(String, usize)> = comment::open_counts(&list).into_iter().collect();
    let all = counts.iter().map(|c| c.1).sum();
    let lang = session.app.lang.get_untracked();
    PAINTED.with_borrow_mut(|p| {
        let p = p.get_or_insert_with(|| Painted {
            counts: Vec::new(),
            all: 0,
            lang,
            observing: None,
        });
        p.counts = counts;
        p.all = all;
        p.lang = lang;
        observe(p);
    });
    paint();
}

crate::lazy_fn!(
    /// [`recount_now`], in the comments' part.
    merge, fn recount(session: MapSession) -> () { recount_now(session) }
);

crate::lazy_fn!(
    /// The comments' panel.
    merge, pub fn comments_panel() -> AnyView {
        view! { <comments_panel::CommentsPanel/> }.into_any()
    }
);

/// Keep the counts on items in step with the map's comments (and its
/// language): a map that never had any never loads the comments' part.
pub fn keep_counts(session: MapSession) {
    Effect::new(move |seen: Option<bool>| {
        session.track(Scope::Comments);
        session.app.lang.track();
        let any = seen == Some(true) || session.peek(|m| !m.comments.is_empty());
        if any {
            leptos::task::spawn_local(async move {
                let _ = recount(session).await;
            });
        }
        any
    });
}
