//! Importing a CSV of survey answers or analytics counts (in progress).

use leptos::prelude::*;

#[component]
pub fn CsvImport() -> impl IntoView {
    view! { <div></div> }
}
