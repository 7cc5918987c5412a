//! The report's open comments (issue 15), in reading order with where each
//! is, who wrote it and its replies; a box on screen (not printed) leaves
//! them out of the report. Shown only when the map has open comments on
//! what the report shows (a department's report leaves out the others').

use leptos::prelude::*;

use crate::core::document::comment::words::{place, CommentText};
use crate::core::document::comment::{self, Comment};
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::ui::report::report_page::ReportView;

#[component]
pub fn CommentList() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    let include = RwSignal::new(true);
    move || {
        let lang = app.lang.get();
        let say = move |t: CommentText| t.said(lang);
        let open: Vec<(String, Comment)> = report.shown.with(|m| {
            comment::read(&m.comments)
                .map(|list| {
                    comment::in_reading_order(m, &list)
                        .into_iter()
                        .filter(|c| c.is_open() && comment::is_live(m, &c.target()))
                        .map(|c| (place(m, &c.target()).said(lang), c.clone()))
                        .collect()
                })
                .unwrap_or_default()
        });
        if open.is_empty() {
            return ().into_any();
        }
        let when = move |at| clock::format_date(at, lang.code());
        view! {
            <section class="report-section report-comments" class:left-out=move || !include.get() data-testid="report-comments">
                <label class="report-option">
                    <input type="checkbox" data-testid="report-include-comments" prop:checked=move || include.get()
                        on:change=move |ev| include.set(event_target_checked(&ev))/>
                    " " {say(CommentText::IncludeInReport)}
                </label>
                <Show when=move || include.get()>
                    <h2>{say(CommentText::InReport)}</h2>
                    <ul class="report-comment-list">
                        {open.clone().into_iter().map(|(at, c)| view! {
                            <li data-testid="report-comment">
                                <p class="comment-place">{at}</p>
                                <p><strong>{c.author.clone()}</strong> " · " {when(c.at)}</p>
                                <p class="comment-text">{c.text.clone()}</p>
                                {c.replies.iter().map(|r| view! {
                                    <p class="report-reply">
                                        <strong>{r.author.clone()}</strong> " · " {when(r.at)} " — "
                                        <span class="comment-text">{r.text.clone()}</span>
                                    </p>
                                }).collect_view()}
                            </li>
                        }).collect_view()}
                    </ul>
                </Show>
            </section>
        }
        .into_any()
    }
}
