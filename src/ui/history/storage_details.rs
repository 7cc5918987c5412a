//! Under the library's storage meter (in the history part): whether the
//! browser keeps this site's data for good, what localStorage and the rest
//! (IndexedDB: versions, trash) hold, what that means; and, when the
//! browser may clear it and no folder is connected, a reminder to back up
//! after a week of edits (`core::storage::versions::reminder`), which the
//! person can turn off.

use leptos::prelude::*;

use crate::core::folder::link;
use crate::core::storage::versions::meter::{self, Meter};
use crate::core::storage::versions::reminder::{self, BackupState};
use crate::core::storage::versions::words::HistoryText;
use crate::core::text::said::Said;
use crate::platform::{clock, persistent_storage};
use crate::ui::app_state::AppState;

/// Whether the reminder to back up is due now, given whether the browser
/// promised to keep the data (`persisted`); the library's hint is left or
/// taken away to match (`reminder::set_due`).
pub fn reminder_due(app: AppState, persisted: Option<bool>) -> bool {
    let store = app.store();
    let last_backup = reminder::last_backup(&*store);
    let modified = app
        .library
        .with_untracked(|l| l.entries.iter().map(|e| e.modified).collect::<Vec<_>>());
    let state = BackupState {
        persisted,
        folder_connected: link::connected(&*store).is_some(),
        first_unbacked_edit: reminder::first_unbacked_edit(modified, last_backup),
        last_backup,
        reminders_off: reminder::reminders_off(&*store),
    };
    let due = reminder::backup_reminder(&state, clock::now());
    let _ = reminder::set_due(&*store, due);
    due
}

#[component]
pub fn StorageDetails() -> impl IntoView {
    let app = expect_context::<AppState>();
    let shown = RwSignal::new(None::<Meter>);
    let remind = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let store = app.store();
        let persisted = persistent_storage::persisted().await;
        let estimate = persistent_storage::estimate()
            .await
            .map(|e| (e.usage, e.quota));
        let folder_connected = link::connected(&*store).is_some();
        let _ = remind.try_set(reminder_due(app, persisted));
        let _ = shown.try_set(Some(Meter {
            persisted,
            local_units: meter::local_units(&*store).unwrap_or(0),
            estimate,
            folder_connected,
        }));
    });
    let off = move |_| {
        let _ = reminder::turn_reminders_off(&*app.store());
        remind.set(false);
    };
    view! {
        <Show when=move || remind.get()>
            <div class="notice warning" role="status" data-testid="backup-reminder">
                <p>{move || HistoryText::BackupReminder.said(app.lang.get())}</p>
                <button data-testid="backup-reminder-off" on:click=off>{move || HistoryText::RemindersOff.said(app.lang.get())}</button>
            </div>
        </Show>
        {move || shown.get().map(|m| view! {
            <div class="storage-details" data-testid="storage-details">
                <h2 class="visually-hidden">{HistoryText::StorageHeading.said(app.lang.get())}</h2>
                {m.said(app.lang.get()).into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
        })}
    }
}
