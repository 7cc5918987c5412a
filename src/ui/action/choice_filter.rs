//! One filter of the pages that show every map (the actions board, the
//! opportunity matrix): a labelled select with *All* first, then the
//! choices as (value, label); the one chosen is given back, `None` for All.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;
use crate::ui::app_state::AppState;

#[component]
pub fn ChoiceFilter(
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
    /// (value, label) of each choice.
    #[prop(into)]
    choices: Signal<Vec<(String, String)>>,
    /// The value chosen now (`None`: All).
    #[prop(into)]
    current: Signal<Option<String>>,
    pick: Callback<Option<String>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <label>
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| {
                let value = event_target_value(&ev);
                pick.run((!value.is_empty()).then_some(value));
            }>
                <option value="">{app.text(BoardText::AnyValue)}</option>
                {move || choices.get().into_iter().map(|(value, text)| {
                    let chosen = current.with_untracked(|c| c.as_deref() == Some(value.as_str()));
                    view! { <option value=value prop:selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
