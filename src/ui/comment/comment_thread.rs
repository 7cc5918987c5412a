//! One comment in the panel: where it is (with *Show on the map*), who
//! wrote it and when, its text, its replies and a reply box, and *Resolve*
//! or *Reopen*. Texts are rendered as text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::document::comment::words::place;
use crate::core::document::comment::words::CommentText;
use crate::core::document::comment::{self, On};
use crate::core::document::edit::Scope;
use crate::core::document::model::JourneyMap;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::comment::comments_panel::change_comments;
use crate::ui::session::editor_view::{EditorTab, EditorView};
use crate::ui::session::map_session::MapSession;

/// The stage an item is in (a stage is its own).
fn stage_index(map: &JourneyMap, on: On, id: &str) -> Option<usize> {
    let stage = match on {
        On::Map => return None,
        On::Stage => id,
        On::Touchpoint => &map.touchpoints.iter().find(|t| t.id == id)?.stage,
        On::Card => &map.cards.iter().find(|c| c.id == id)?.stage,
    };
    map.stages.iter().position(|s| s.id == stage)
}

/// Bring the item into view and put the focus in it, once its stage is
/// built (the grid builds the stages in view: `reveal_stage`).
fn show_on_map(session: MapSession, editor: EditorView, on: On, id: String) {
    editor.tab.set(EditorTab::Map);
    let Some(index) = session.peek(|m| stage_index(m, on, &id)) else {
        return;
    };
    editor.reveal_stage(index);
    let attribute = match on {
        On::Stage => ".stage-header[data-stage-id",
        On::Touchpoint => ".touchpoint[data-touchpoint-id",
        _ => ".card[data-card",
    };
    // A CSS string: quotes and backslashes escaped, line breaks as `\a `.
    let quoted = id
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\a ");
    set_timeout(
        move || {
            let selector = format!("{attribute}=\"{quoted}\"]");
            let Ok(Some(el)) = document().query_selector(&selector) else {
                return;
            };
            el.scroll_into_view();
            if let Ok(Some(field)) = el.query_selector("input, textarea") {
                if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        },
        std::time::Duration::from_millis(60),
    );
}

#[component]
pub fn CommentThread(id: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let say = move |t: CommentText| t.said(app.lang.get());
    let id = StoredValue::new(id);
    let this = move || {
        session.read(Scope::Comments, |m| {
            comment::read(&m.comments)
                .ok()
                .and_then(|list| list.into_iter().find(|c| c.id == id.get_value()))
        })
    };
    let reply_draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let report = move |r: Result<(), comment::CommentError>| match r {
        Ok(()) => problem.set(None),
        Err(e) => problem.set(Some(e.said(app.lang.get_untracked()))),
    };
    let send_reply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reply_draft.get_untracked();
        let reply_id = crate::core::document::model::IdSource::next_id(&mut RandomIds);
        let done = change_comments(session, |list, name, now| {
            comment::reply(list, &id.get_value(), reply_id, name, &text, now)
        });
        if done.is_ok() {
            reply_draft.set(String::new());
        }
        report(done);
    };
    let toggle = move |resolve: bool| {
        report(change_comments(session, |list, name, now| {
            comment::set_resolved(list, &id.get_value(), resolve.then_some(name), now)
        }));
    };

    move || {
        let c = this()?;
        let lang = app.lang.get();
        let when = |at| clock::format_date(at, lang.code());
        let (live, where_) = session.peek(|m| {
            let t = c.target();
            (comment::is_live(m, &t), place(m, &t))
        });
        let (on, item) = (c.on, c.item.clone().unwrap_or_default());
        let open = c.is_open();
        Some(view! {
            <li class="comment" class:resolved=!open data-testid="comment" data-comment-id=c.id.clone()>
                <p class="comment-place">
                    <span data-testid="comment-place">{say(where_)}</span>
                    {(live && on != On::Map).then(|| view! {
                        " "
                        <button class="link-button" data-testid="comment-go"
                            on:click=move |_| show_on_map(session, editor, on, item.clone())>{say(CommentText::GoTo)}</button>
                    })}
                </p>
                <p class="comment-meta"><strong>{c.author.clone()}</strong> " · " {when(c.at)}</p>
                <p class="comment-text" data-testid="comment-text-shown">{c.text.clone()}</p>
                <ul class="comment-replies">
                    {c.replies.iter().map(|r| view! {
                        <li data-testid="comment-reply-shown">
                            <p class="comment-meta"><strong>{r.author.clone()}</strong> " · " {when(r.at)}</p>
                            <p class="comment-text">{r.text.clone()}</p>
                        </li>
                    }).collect_view()}
                </ul>
                {c.resolved.as_ref().map(|r| view! {
                    <p class="comment-resolved">{say(CommentText::ResolvedBy { name: r.by.clone(), when: when(r.at) })}</p>
                })}
                <form class="comment-reply-form" on:submit=send_reply>
                    <textarea rows="1" data-testid="comment-reply-text" maxlength=comment::MAX_TEXT_CHARS.to_string()
                        aria-label=say(CommentText::ReplyPlaceholder) placeholder=say(CommentText::ReplyPlaceholder)
                        prop:value=move || reply_draft.get() on:input=move |ev| reply_draft.set(event_target_value(&ev))></textarea>
                    <button type="submit" data-testid="comment-reply">{say(CommentText::Reply)}</button>
                    {if open {
                        view! { <button type="button" data-testid="comment-resolve" on:click=move |_| toggle(true)>{say(CommentText::Resolve)}</button> }.into_any()
                    } else {
                        view! { <button type="button" data-testid="comment-reopen" on:click=move |_| toggle(false)>{say(CommentText::Reopen)}</button> }.into_any()
                    }}
                </form>
                {move || problem.get().map(|p| view! { <p class="notice error" role="alert">{p}</p> })}
            </li>
        })
    }
}
