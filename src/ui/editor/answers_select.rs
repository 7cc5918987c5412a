//! On an opportunity card: the pain point it answers. The list of pain
//! points is built when the select is about to open (pointer down, focus)
//! and dropped on blur, so edits elsewhere in the map never re-render it;
//! meanwhile it holds only "none" and the current pain point.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::opportunity::{pain_point_choices, pain_point_label};
use crate::core::text::i18n::Key;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn AnswersSelect(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let answers = Memo::new(move |_| {
        session.read(Scope::Card(card.get_value()), |m| {
            m.card(&card.get_value()).and_then(|c| c.answers.clone())
        })
    });
    let open = RwSignal::new(false);
    let opening = move || {
        if !open.get_untracked() {
            open.set(true);
        }
    };
    // Rebuilt when the select opens or closes, or its pain point changes
    // (or, closed, the text of that pain point).
    let options = move || {
        let current = answers.get();
        let list = if open.get() {
            session.peek(pain_point_choices)
        } else {
            current
                .clone()
                .and_then(|id| {
                    let label = session.read(Scope::Card(id.clone()), |m| pain_point_label(m, &id));
                    label.map(|label| (id, label))
                })
                .into_iter()
                .collect()
        };
        let none = (String::new(), app.text(Key::AnswersNone)().to_owned());
        std::iter::once(none)
            .chain(list)
            .map(|(id, label)| {
                let selected = current.as_deref().unwrap_or_default() == id;
                view! { <option value=id prop:selected=selected>{label}</option> }
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
                on:pointerdown=move |_| opening() on:focus=move |_| opening() on:blur=move |_| open.set(false)>
                {options}
            </select>
        </label>
    }
}
