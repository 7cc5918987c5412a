//! One action, editable: title, owner, department, status, due date, the
//! touchpoint and the metric it should move. Typing wakes this action only.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;
use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::{Action, ActionStatus, Metric};
use crate::core::text::action_text::{iso_date, parse_iso_date};
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::ui::action::{status_code, status_of};
use crate::ui::icon_button::IconButton;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn ActionRow(id: String, touchpoints: Signal<Vec<(String, String)>>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let field = move |f: fn(&Action) -> String| {
        move || {
            session.read(Scope::Action(id.get_value()), |m| {
                m.action(&id.get_value()).map(f).unwrap_or_default()
            })
        }
    };
    let update = move |change: &dyn Fn(Action) -> Action| {
        if let Some(action) = session.peek(|m| m.action(&id.get_value()).cloned()) {
            session.edit(Edit::UpdateAction(change(action)));
        }
    };
    // Memos: typing the title wakes each option's test only if these change.
    let status = Memo::new(move |_| field(|a| status_code(a.status).to_owned())());
    let touchpoint = Memo::new(move |_| field(|a| a.touchpoint.clone().unwrap_or_default())());
    let metric =
        Memo::new(move |_| field(|a| a.metric.map(Metric::code).unwrap_or_default().to_owned())());
    let title_input = NodeRef::<leptos::html::Input>::new();
    editor.focus_on_request(id, title_input);
    view! {
        <div class="action-item" data-testid="action-item" data-action-id=id.get_value()>
            <label class="action-field wide">
                <span>{app.text(BoardText::ActionTitle)}</span>
                <input data-testid="action-title" node_ref=title_input
                    placeholder=app.text(BoardText::NewActionTitle)
                    prop:value=field(|a| a.title.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| Action { title: v.clone(), ..a });
                    }/>
            </label>
            <label class="action-field">
                <span>{app.text(Key::ActionOwner)}</span>
                <input data-testid="action-owner" prop:value=field(|a| a.owner.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| Action { owner: v.clone(), ..a });
                    }/>
            </label>
            <label class="action-field">
                <span>{app.text(BoardText::ActionDepartment)}</span>
                <input data-testid="action-department" prop:value=field(|a| a.department.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|a| Action { department: v.clone(), ..a });
                    }/>
            </label>
            <label class="action-field">
                <span>{app.text(Key::ActionStatusCol)}</span>
                <select data-testid="action-status"
                    on:change=move |ev| {
                        if let Some(s) = status_of(&event_target_value(&ev)) {
                            update(&|a| a.with_status(s, clock::now()));
                        }
                    }>
                    {ActionStatus::ALL.into_iter().map(|s| view! {
                        <option value=status_code(s) prop:selected=move || status.with(|v| v == status_code(s))>
                            {move || s.label(app.lang.get())}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="action-field">
                <span>{app.text(BoardText::ActionDue)}</span>
                <input type="date" data-testid="action-due"
                    prop:value=field(|a| a.due.map(iso_date).unwrap_or_default())
                    on:change=move |ev| {
                        let due = parse_iso_date(&event_target_value(&ev));
                        update(&|a| Action { due, ..a });
                    }/>
            </label>
            <label class="action-field wide">
                <span>{app.text(Key::Touchpoint)}</span>
                <select data-testid="action-touchpoint"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let touchpoint = (!v.is_empty()).then_some(v);
                        update(&|a| Action { touchpoint: touchpoint.clone(), ..a });
                    }>
                    <option value="" prop:selected=move || touchpoint.with(String::is_empty)>{app.text(BoardText::NoTouchpoint)}</option>
                    {move || touchpoints.get().into_iter().map(|(tp, name)| {
                        let value = tp.clone();
                        view! { <option value=value prop:selected=move || touchpoint.with(|v| *v == tp)>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="action-field">
                <span>{app.text(BoardText::ActionMetric)}</span>
                <select data-testid="action-metric"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let metric = Metric::ALL.into_iter().find(|m| m.code() == v);
                        update(&|a| Action { metric, ..a });
                    }>
                    <option value="" prop:selected=move || metric.with(String::is_empty)>{app.text(BoardText::NoMetric)}</option>
                    {Metric::ALL.into_iter().map(|m| view! {
                        <option value=m.code() prop:selected=move || metric.with(|v| v == m.code())>
                            {move || m.label(app.lang.get())}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <IconButton glyph="×" label=Key::DeleteAction testid="action-delete" class="action-delete" danger=true
                on_press=Callback::new(move |_| session.edit(Edit::RemoveAction(id.get_value())))/>
        </div>
    }
}
