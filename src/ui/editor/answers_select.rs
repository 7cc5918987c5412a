//! On an opportunity card: the pain point it answers. The list of pain
//! points is built when the select is about to open (pointer down, focus)
//! and dropped on blur, so edits elsewhere in the map never re-render it;
//! meanwhile it holds only "none" and the current pain point.

use leptos::prelude::*;

use crate::core::edit::{Edit, Scope};
use crate::core::i18n::Key;
use crate::core::opportunity::{pain_point_choices, pain_point_label};
use crate::ui::editor::map_session::MapSession;

#[component]
pub fn AnswersSelect(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let answers = Memo::new(move |_| {
        session.read(Scope::Card(card.get_value()), |m| {
            m.card(&card.get_value()).and_then(|c| c.answers.clone())
        })
    });
    let choices = RwSignal::new(Vec::<(String, String)>::new());
    let fill = move || choices.set(session.peek(pain_point_choices));
    // Before the list is built: the current pain point, its label following its text.
    let current = move || {
        let id = answers.get()?;
        let label = session.read(Scope::Card(id.clone()), |m| pain_point_label(m, &id))?;
        Some((id, label))
    };
    let options = move || {
        let list = choices.get();
        let list = if list.is_empty() {
            current().into_iter().collect()
        } else {
            list
        };
        list.into_iter()
            .map(|(id, label)| {
                let selected = id.clone();
                view! { <option value=id prop:selected=move || answers.get() == Some(selected.clone())>{label}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        session.edit(Edit::SetCardAnswers {
            id: card.get_value(),
            answers: (!value.is_empty()).then_some(value),
        });
    };
    view! {
        <label class="card-answers">
            <span>{app.text(Key::AnswersPainPoint)}</span>
            <select data-testid="card-answers" on:change=on_change
                on:pointerdown=move |_| fill() on:focus=move |_| fill()
                on:blur=move |_| choices.set(Vec::new())>
                <option value="" prop:selected=move || answers.get().is_none()>{app.text(Key::AnswersNone)}</option>
                {options}
            </select>
        </label>
    }
}
