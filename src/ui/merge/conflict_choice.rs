//! One conflict of a merge: what it is about, and the two versions to choose from.

use leptos::prelude::*;

use crate::core::sync::merge_words::MergeText;
use crate::core::sync::{ConflictText, Side};
use crate::ui::app_state::AppState;

#[component]
pub fn ConflictChoice(
    /// The conflict's place in the list (names its radio group).
    index: usize,
    text: ConflictText,
    /// The choice of every conflict; this one writes `choices[index]`.
    choices: RwSignal<Vec<Side>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let group = format!("merge-conflict-{index}");
    let chosen = move |side: Side| choices.with(|c| c.get(index) == Some(&side));
    let choose = move |side: Side| {
        choices.update(|c| {
            if let Some(slot) = c.get_mut(index) {
                *slot = side;
            }
        })
    };
    let option = move |side: Side, label: MergeText, value: String| {
        let testid = match side {
            Side::Ours => "merge-ours",
            Side::Theirs => "merge-theirs",
        };
        view! {
            <label class="merge-option">
                <input type="radio" name=group.clone() data-testid=testid
                    prop:checked=move || chosen(side) on:change=move |_| choose(side)/>
                <span class="merge-side">{app.text(label)}</span>
                <span class="merge-value">{value}</span>
            </label>
        }
    };
    view! {
        <li class="merge-conflict" data-testid="merge-conflict">
            <fieldset>
                <legend class="merge-what">{text.what}</legend>
                {option(Side::Ours, MergeText::MergeHere, text.ours)}
                {option(Side::Theirs, MergeText::MergeInFile, text.theirs)}
            </fieldset>
        </li>
    }
}
