//! The comments' panel (a lazy part): the map's comments in reading order
//! (all of them, or one item's), open ones only unless asked, each with its
//! place, replies, *Resolve* / *Reopen*; a form for a new comment on the
//! map or any stage, touchpoint or card. Every change is one edit of the
//! map's comments (`Edit::SetComments`), so *Undo* takes it back, and it
//! is saved, merged and written to a shared folder like any other edit.

use leptos::prelude::*;

use crate::core::document::comment::words::{places, CommentText};
use crate::core::document::comment::{self, Comment, CommentError, Target};
use crate::core::document::edit::{Edit, Scope};
use crate::core::storage::profile;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::comment::comment_thread::CommentThread;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;
use crate::ui::your_name::YourName;

/// Apply `change` to the map's comments as one edit; the user's name is
/// read at that moment (it may have just been set).
pub fn change_comments(
    session: MapSession,
    change: impl FnOnce(
        &[Comment],
        &str,
        crate::core::document::model::Millis,
    ) -> Result<Vec<Comment>, CommentError>,
) -> Result<(), CommentError> {
    let name = profile::read_name(&*session.app.store())
        .ok()
        .flatten()
        .ok_or(CommentError::NoName)?;
    let list = session
        .peek(|m| comment::read(&m.comments))
        .map_err(|_| CommentError::Unreadable)?;
    let next = change(&list, &name, clock::now())?;
    session.edit(Edit::SetComments(comment::write(&next)));
    Ok(())
}

#[component]
pub fn CommentsPanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let say = move |t: CommentText| t.said(app.lang.get());
    let name = RwSignal::new(profile::read_name(&*app.store()).ok().flatten());
    let show_resolved = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let focus = editor.comments_for;
    let target = RwSignal::new(focus.get_untracked().unwrap_or_default());
    // Opened from another item's badge while open: comment there.
    Effect::new(move |_| {
        if let Some(id) = focus.get() {
            target.set(id);
        }
    });

    let read = move || session.read(Scope::Comments, |m| comment::read(&m.comments));
    let shown = move || {
        let only = focus.get().filter(|id| !id.is_empty());
        let resolved = show_resolved.get();
        session.read(Scope::Comments, |m| match comment::read(&m.comments) {
            Ok(list) => comment::in_reading_order(m, &list)
                .into_iter()
                .filter(|c| resolved || c.is_open())
                .filter(|c| only.is_none() || c.item == only)
                .map(|c| c.id.clone())
                .collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    };
    let unreadable = move || {
        read().err().map(|problems| {
            let lang = app.lang.get();
            let why = problems
                .iter()
                .take(5)
                .map(|p| p.said(lang))
                .collect::<Vec<_>>()
                .join("; ");
            CommentText::Unreadable { why }.said(lang)
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = session.peek(|m| Target::of_id(m, &target.get_untracked()));
        let text = draft.get_untracked();
        let id = crate::core::document::model::IdSource::next_id(&mut RandomIds);
        match change_comments(session, |list, name, now| {
            comment::add(list, id, on, name, &text, now)
        }) {
            Ok(()) => {
                draft.set(String::new());
                problem.set(None);
            }
            Err(e) => problem.set(Some(e.said(app.lang.get_untracked()))),
        }
    };
    let filtered = move || focus.get().is_some_and(|id| !id.is_empty());

    view! {
        <aside class="comments-panel" data-testid="comments-panel" aria-labelledby="comments-heading">
            <header>
                <h2 id="comments-heading">{move || say(CommentText::Heading)}</h2>
                <button data-testid="comments-close" on:click=move |_| focus.set(None)>{move || say(CommentText::Close)}</button>
            </header>
            {move || unreadable().map(|why| view! { <p class="notice error" role="alert" data-testid="comments-unreadable">{why}</p> })}
            <Show when=move || name.get().is_none()>
                <YourName on_saved=Callback::new(move |n| name.set(Some(n)))/>
            </Show>
            <form class="comment-new" on:submit=submit>
                <label>
                    {move || say(CommentText::NewOn)} " "
                    <select data-testid="comment-target" on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="" selected=move || target.get().is_empty()>{move || say(CommentText::OnMap)}</option>
                        {move || session.read(Scope::Document, places).into_iter().map(|(stage, items)| view! {
                            <optgroup label=stage>
                                {items.into_iter().map(|(id, label)| {
                                    let value = id.clone();
                                    view! { <option value=value selected=move || target.get() == id>{say(label)}</option> }
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </label>
                <textarea data-testid="comment-text" rows="3" maxlength=comment::MAX_TEXT_CHARS.to_string()
                    aria-label=move || say(CommentText::Placeholder) placeholder=move || say(CommentText::Placeholder)
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <button type="submit" class="primary" data-testid="comment-add"
                    disabled=move || name.get().is_none() || unreadable().is_some()>{move || say(CommentText::Add)}</button>
                {move || problem.get().map(|p| view! { <p class="notice error" role="alert">{p}</p> })}
            </form>
            <div class="comment-filters">
                <label>
                    <input type="checkbox" data-testid="comments-show-resolved" prop:checked=move || show_resolved.get()
                        on:change=move |ev| show_resolved.set(event_target_checked(&ev))/>
                    " " {move || say(CommentText::ShowResolved)}
                </label>
                <Show when=filtered>
                    <button class="link-button" data-testid="comments-all" on:click=move |_| focus.set(Some(String::new()))>
                        {move || say(CommentText::Heading)}
                    </button>
                </Show>
            </div>
            <ol class="comment-list" data-testid="comment-list">
                <For each=shown key=|id| id.clone() let:id>
                    <CommentThread id=id/>
                </For>
            </ol>
            <Show when=move || shown().is_empty() && unreadable().is_none()>
                <p class="empty">{move || say(CommentText::NoneOpen)}</p>
            </Show>
        </aside>
    }
}
