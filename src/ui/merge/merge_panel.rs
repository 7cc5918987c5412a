//! The merge of a teammate's copy (a map file whose map the library holds)
//! into the open map: what merges by itself is counted, what both sides
//! changed differently is listed with both versions, and nothing changes
//! until the user merges. The merge is one undoable step.

use crate::core::sync::merge_words::MergeText;
use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::sync::{self, MergeError, Merged, Side};
use crate::core::text::i18n::Key;
use crate::ui::app_state::{NoticeKind, Route};
use crate::ui::merge::conflict_choice::ConflictChoice;
use crate::ui::session::map_session::MapSession;

/// The choices the merge starts with: what it shows until the user says.
fn shown_choices(outcome: &Result<Merged, MergeError>) -> Vec<Side> {
    match outcome {
        Ok(m) => m.conflicts.iter().map(|c| c.shown()).collect(),
        Err(_) => Vec::new(),
    }
}

#[component]
pub fn MergePanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let Some(incoming) = app.incoming.get_untracked() else {
        return ().into_any();
    };
    let theirs: StoredValue<JourneyMap> = StoredValue::new(incoming.map);
    let file = StoredValue::new(incoming.file_name);
    let compute = move || theirs.with_value(|t| sync::merge(&session.recorded(), t));
    let first = compute();
    let choices = RwSignal::new(shown_choices(&first));
    let outcome = RwSignal::new(first);
    let stale = RwSignal::new(false);

    let close = move || app.incoming.set(None);
    let keep_apart = move |_| {
        let mut copy = theirs.get_value();
        app.keep_apart(&mut copy);
        let id = copy.id.clone();
        if app.create_map(&copy).is_ok() {
            close();
            app.navigate(Route::Map(id));
        }
    };
    let merge = move |_| {
        let lang = app.lang.get_untracked();
        // Merge again with the map as it is now: if it changed meanwhile so
        // that the conflicts differ, show them again rather than guess.
        let now = compute();
        let still_same = outcome.with_untracked(|shown| match (shown, &now) {
            (Ok(a), Ok(b)) => a.conflicts == b.conflicts,
            _ => false,
        });
        if !still_same {
            choices.set(shown_choices(&now));
            outcome.set(now);
            stale.set(true);
            return;
        }
        let Ok(merged) = now else { return };
        let picks = choices.get_untracked();
        match sync::resolve(&merged, &picks, &app.replica()) {
            Ok(map) => {
                crate::ui::history::keep_before(
                    session,
                    crate::core::storage::versions::VersionReason::BeforeMerge,
                );
                session.apply_merge(map);
                app.notify(NoticeKind::Info(format!(
                    "{} {} — {} {}, {} {}. {}",
                    lang.t(MergeText::MergeDone),
                    file.get_value(),
                    lang.t(MergeText::MergeChanges),
                    merged.from_theirs,
                    lang.t(MergeText::MergeChoices),
                    merged.conflicts.len(),
                    lang.t(MergeText::MergeUndo)
                )));
                close();
            }
            Err(e) => outcome.set(Err(e)),
        }
    };

    let body = move || {
        let lang = app.lang.get();
        outcome.with(|o| match o {
            Err(e) => view! {
                <p class="import-error" role="alert" data-testid="merge-error">
                    {lang.t(MergeText::MergeFailed)} " " {e.said(lang)}
                </p>
            }
            .into_any(),
            Ok(m) if m.from_theirs == 0 && m.conflicts.is_empty() => view! {
                <p data-testid="merge-summary">{lang.t(MergeText::MergeNothing)}</p>
            }
            .into_any(),
            Ok(m) => {
                let rows = theirs.with_value(|t| {
                    m.conflicts
                        .iter()
                        .enumerate()
                        .map(|(index, c)| {
                            let text = sync::describe(c, &m.map, t, lang);
                            view! { <ConflictChoice index=index text=text choices=choices/> }
                        })
                        .collect_view()
                });
                let conflicts = (!m.conflicts.is_empty()).then(|| {
                    view! {
                        <p class="merge-ask">{lang.t(MergeText::MergeConflicts)} " " <strong>{m.conflicts.len()}</strong></p>
                        <ol class="merge-conflicts">{rows}</ol>
                    }
                });
                view! {
                    <p data-testid="merge-summary">
                        {lang.t(MergeText::MergeAutomatic)} " " <strong>{m.from_theirs}</strong>
                    </p>
                    {conflicts}
                }
                .into_any()
            }
        })
    };
    let can_merge = move || {
        outcome.with(|o| matches!(o, Ok(m) if m.from_theirs > 0 || !m.conflicts.is_empty()))
    };

    view! {
        <section class="merge-panel" data-testid="merge-panel" role="dialog" aria-labelledby="merge-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close(); }>
            <header class="import-head">
                <h2 id="merge-title">{app.text(MergeText::MergeTitle)} " " {file.get_value()}</h2>
                <button type="button" class="icon" aria-label=app.text(Key::Cancel) on:click=move |_| close()>"×"</button>
            </header>
            <p class="merge-intro">{app.text(MergeText::MergeIntro)}</p>
            <Show when=move || stale.get()>
                <p class="import-warning" role="status">{app.text(MergeText::MergeStale)}</p>
            </Show>
            {body}
            <footer class="import-actions">
                <button type="button" on:click=move |_| close()>{app.text(Key::Cancel)}</button>
                <button type="button" data-testid="merge-as-copy" on:click=keep_apart>{app.text(MergeText::MergeAsCopy)}</button>
                <Show when=can_merge>
                    <button type="button" class="primary" data-testid="merge-apply" on:click=merge>{app.text(MergeText::MergeApply)}</button>
                </Show>
            </footer>
        </section>
    }
    .into_any()
}
