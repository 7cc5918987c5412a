//! A keyed list of items given by their ids, the shape of most lists on a
//! map (stages, lanes, cards, touchpoints, personas). Its props are
//! type-erased, so every such list shares one compiled keyed-diff instead of
//! one per call site (wasm size).

use leptos::prelude::*;

/// The key of a list row made of several parts. Every list in the UI keys
/// its rows by a `String`, so they all share one compiled keyed diff.
pub fn row_key(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

#[component]
pub fn IdList(
    /// The ids, in order; the list re-renders only rows whose id is new.
    #[prop(into)]
    ids: Signal<Vec<String>>,
    /// Builds the row for one id.
    row: Callback<String, AnyView>,
) -> impl IntoView {
    view! { <For each=move || ids.get() key=String::clone children=move |id| row.run(id)/> }
}
