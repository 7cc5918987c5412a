//! Importing a CSV of survey answers or analytics counts: pick the file, see
//! what was read, say what each column is, see what will be added and which
//! rows are left out (with their line and why), then confirm. Nothing
//! changes before the confirmation, and the import is one undoable edit.

use leptos::prelude::*;

use crate::core::analysis::metrics::{self, text};
use crate::core::document::edit::Edit;
use crate::core::document::model::JourneyMap;
use crate::core::document::model::Metric;
use crate::core::formats::survey_import::words::ImportText;
use crate::core::formats::survey_import::{
    self, ColumnUse, Creation, Decimal, ImportPlan, MissingText, MissingTouchpoint, Preview, Table,
    Target,
};
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::platform::random_ids::RandomIds;
use crate::platform::{clock, file_read};
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// A column's use as the value of its `<select>`.
fn use_code(u: &ColumnUse) -> String {
    match u {
        ColumnUse::Ignore => "ignore".into(),
        ColumnUse::Metric { metric, .. } => format!("metric:{}", metric.code()),
        ColumnUse::Persona => "persona".into(),
        ColumnUse::TouchpointName => "touchpoint_name".into(),
    }
}

fn target_code(u: &ColumnUse) -> String {
    match u {
        ColumnUse::Metric {
            target: Target::Touchpoint(id),
            ..
        } => id.clone(),
        ColumnUse::Metric {
            target: Target::FromRow,
            ..
        } => "@row".into(),
        _ => String::new(),
    }
}

/// The import as it will be done: on the map with the touchpoints the
/// person chose to create, their insertions, and its preview.
#[derive(Clone, Debug, PartialEq)]
struct Prepared {
    map: JourneyMap,
    inserts: Vec<Edit>,
    preview: Preview,
}

/// How many rows of the file are shown as samples of each column.
const SAMPLES: usize = 3;
/// How many left-out rows are listed (all are counted).
const PROBLEMS_SHOWN: usize = 50;

#[component]
pub fn CsvImport() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let file_name = RwSignal::new(String::new());
    let table = StoredValue::new(None::<Table>);
    let plan = RwSignal::new(None::<ImportPlan>);
    let error = RwSignal::new(None::<String>);
    let close = move || editor.import_open.set(false);
    // Keyboard users land in the dialog, on its first control. On the next
    // frame: the dialog arrives from a lazily loaded chunk, and an element
    // can only take the focus once it is in the document.
    let file_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = file_input.get() {
            request_animation_frame(move || {
                let _ = input.focus();
            });
        }
    });

    // A file's bytes, or pasted text, become the table; its name is the source.
    let load = move |name: String, result: Result<Vec<u8>, String>| {
        let lang = app.lang.get_untracked();
        match result.and_then(|bytes| survey_import::read_table(&bytes).map_err(|e| e.said(lang))) {
            Ok(t) => {
                let guessed = session.peek(|m| survey_import::guess_plan(m, &t));
                table.set_value(Some(t));
                file_name.set(name);
                error.set(None);
                plan.set(Some(guessed));
            }
            Err(why) => {
                table.set_value(None);
                plan.set(None);
                error.set(Some(format!("{} {why}", lang.t(Key::FileUnreadable))));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        file_read::read_bytes(&file, move |result| load(name, result));
    };
    let pasted = RwSignal::new(String::new());
    let read_pasted = move |_| {
        let name = app.t(ImportText::PastedData).to_owned();
        load(name, Ok(pasted.get_untracked().into_bytes()));
    };

    // Touchpoints the file names that the map lacks, and the stage chosen
    // for each ("": not created).
    let missing = Memo::new(move |_| {
        let plan = plan.get()?;
        table.with_value(|t| {
            let t = t.as_ref()?;
            Some(session.peek(|m| survey_import::missing_touchpoints(m, t, &plan)))
        })
    });
    let stages_chosen = RwSignal::new(Vec::<Creation>::new());

    // What the import would add, recomputed when the plan or a choice changes.
    let preview = Memo::new(move |_| {
        let plan = plan.get()?;
        let name = file_name.get();
        table.with_value(|t| {
            let t = t.as_ref()?;
            // A choice of "" (not created) names no stage: with_created leaves it out.
            let (map, inserts) = stages_chosen.with(|created| {
                session.peek(|m| survey_import::with_created(m, created, &mut RandomIds))
            });
            let preview = survey_import::preview(&map, t, &plan, &name, clock::now());
            Some(Prepared {
                map,
                inserts,
                preview,
            })
        })
    });

    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let edit = survey_import::to_edit_creating(p.inserts, &p.map, &p.preview);
        crate::ui::history::keep_before(
            session,
            crate::core::storage::versions::VersionReason::BeforeImport,
        );
        session.edit(edit);
        editor.imported.set(Some(file_name.get_untracked()));
        close();
    };

    view! {
        <section class="csv-import" data-testid="csv-import" role="dialog" aria-labelledby="csv-import-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close(); }>
            <header class="import-head">
                <h2 id="csv-import-title">{app.text(ImportText::ImportTitle)}</h2>
                <button type="button" class="icon" aria-label=app.text(Key::Cancel) on:click=move |_| close()>"×"</button>
            </header>
            <label class="import-file">
                <span>{app.text(ImportText::ImportFileRead)}</span>
                <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-testid="csv-file" node_ref=file_input on:change=on_file/>
            </label>
            <details class="import-paste">
                <summary>{app.text(ImportText::PasteInstead)}</summary>
                <textarea data-testid="csv-paste" rows="4" aria-label=app.text(ImportText::PasteInstead)
                    placeholder=app.text(ImportText::PasteHint)
                    prop:value=pasted on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="button" data-testid="csv-paste-read" on:click=read_pasted>{app.text(ImportText::ReadPasted)}</button>
            </details>
            {move || error.get().map(|e| view! { <p class="import-error" role="alert" data-testid="csv-error">{e}</p> })}
            {move || plan.get().map(|_| view! { <ImportSetup table=table plan=plan/> })}
            {move || missing.get().filter(|m| !m.is_empty()).map(|m| view! { <MissingTouchpoints missing=m chosen=stages_chosen/> })}
            {move || preview.get().map(|p| view! { <ImportSummary prepared=p/> })}
            <footer class="import-actions">
                <button type="button" on:click=move |_| close()>{app.text(Key::Cancel)}</button>
                <button type="button" class="primary" data-testid="csv-confirm"
                    disabled=move || preview.with(|p| p.as_ref().is_none_or(|p| p.preview.updates.is_empty()))
                    on:click=confirm>
                    {move || {
                        let skipping = preview.with(|p| p.as_ref().is_some_and(|p| !p.preview.problems.is_empty()));
                        app.t(if skipping { ImportText::ConfirmImportSkipping } else { ImportText::ConfirmImport })
                    }}
                </button>
            </footer>
        </section>
    }
}

/// The file as read, and what each column is.
#[component]
fn ImportSetup(
    table: StoredValue<Option<Table>>,
    plan: RwSignal<Option<ImportPlan>>,
) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let touchpoints = session.peek(|m| {
        m.touchpoints
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect::<Vec<_>>()
    });
    let (columns, separator, qualtrics) = table.with_value(|t| {
        let t = t.as_ref().expect("a table when there is a plan");
        let columns: Vec<(String, String, String)> = t
            .headers
            .iter()
            .enumerate()
            .map(|(i, header)| {
                let question = t
                    .questions
                    .get(i)
                    .filter(|q| *q != header)
                    .cloned()
                    .unwrap_or_default();
                let samples: Vec<&str> = t
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(i).map(String::as_str))
                    .filter(|c| !c.trim().is_empty())
                    .take(SAMPLES)
                    .collect();
                (header.clone(), question, samples.join(" · "))
            })
            .collect();
        let separator = match t.delimiter {
            b'\t' => "tab".to_owned(),
            d => (d as char).to_string(),
        };
        (columns, separator, t.qualtrics)
    });
    let set_use = move |column: usize, code: String| {
        plan.update(|p| {
            let Some(p) = p else { return };
            // A metric column keeps its touchpoint; a new one takes the
            // touchpoint named in each row if a column names them, else the first.
            let target = match p.uses.get(column) {
                Some(ColumnUse::Metric { target, .. }) => target.clone(),
                _ if p
                    .uses
                    .iter()
                    .any(|u| matches!(u, ColumnUse::TouchpointName)) =>
                {
                    Target::FromRow
                }
                _ => session
                    .peek(|m| {
                        m.touchpoints
                            .first()
                            .map(|t| Target::Touchpoint(t.id.clone()))
                    })
                    .unwrap_or(Target::FromRow),
            };
            let new = match code.as_str() {
                "persona" => ColumnUse::Persona,
                "touchpoint_name" => ColumnUse::TouchpointName,
                c => match Metric::ALL
                    .into_iter()
                    .find(|m| format!("metric:{}", m.code()) == c)
                {
                    Some(metric) => ColumnUse::Metric { metric, target },
                    None => ColumnUse::Ignore,
                },
            };
            if let Some(slot) = p.uses.get_mut(column) {
                *slot = new;
            }
        });
    };
    let set_target = move |column: usize, code: String| {
        plan.update(|p| {
            if let Some(ColumnUse::Metric { target, .. }) =
                p.as_mut().and_then(|p| p.uses.get_mut(column))
            {
                *target = if code == "@row" {
                    Target::FromRow
                } else {
                    Target::Touchpoint(code)
                };
            }
        });
    };
    let touchpoints = StoredValue::new(touchpoints);
    view! {
        <div class="import-setup">
            <p class="import-facts" data-testid="csv-facts">
                {app.text(ImportText::Separator)}{move || app.lang.get().colon()}<code>{separator}</code>" · "
                {move || plan.with(|p| p.as_ref().map(|p| p.uses.len()).unwrap_or(0))}" "{app.text(ImportText::Columns)}
                {qualtrics.then(|| view! { <span class="import-note">" · "{app.text(ImportText::QualtricsDetected)}</span> })}
            </p>
            <label class="import-decimal">
                <span>{app.text(ImportText::DecimalMark)}</span>
                <select data-testid="csv-decimal"
                    prop:value=move || plan.with(|p| match p.as_ref().map(|p| p.decimal) { Some(Decimal::Comma) => "comma", _ => "point" })
                    on:change=move |ev| {
                        let comma = event_target_value(&ev) == "comma";
                        plan.update(|p| if let Some(p) = p { p.decimal = if comma { Decimal::Comma } else { Decimal::Point }; });
                    }>
                    <option value="point">{app.text(ImportText::DecimalPoint)}</option>
                    <option value="comma">{app.text(ImportText::DecimalComma)}</option>
                </select>
            </label>
            <table class="import-columns">
                <thead><tr>
                    <th scope="col">{app.text(ImportText::Column)}</th>
                    <th scope="col">{app.text(ImportText::Sample)}</th>
                    <th scope="col">{app.text(ImportText::UseAs)}</th>
                    <th scope="col">{app.text(ImportText::ForTouchpoint)}</th>
                </tr></thead>
                <tbody>
                    {columns.into_iter().enumerate().map(|(i, (header, question, samples))| {
                        let current = move || plan.with(|p| p.as_ref().and_then(|p| p.uses.get(i).cloned()).unwrap_or(ColumnUse::Ignore));
                        // Named after the column: a select in a table cell is
                        // not named by its row's header (axe: select-name).
                        let use_name = format!("{header}{}{}", app.lang.get_untracked().colon(), app.t(ImportText::UseAs));
                        let target_name = format!("{header}{}{}", app.lang.get_untracked().colon(), app.t(ImportText::ForTouchpoint));
                        view! {
                            <tr data-testid="csv-column" data-column=i.to_string()>
                                <th scope="row">{header}{(!question.is_empty()).then(|| view! { <div class="import-question">{question}</div> })}</th>
                                <td class="import-sample">{samples}</td>
                                <td>
                                    <select data-testid="csv-use" aria-label=use_name prop:value=move || use_code(&current())
                                        on:change=move |ev| set_use(i, event_target_value(&ev))>
                                        <option value="ignore">{app.text(ImportText::IgnoreColumn)}</option>
                                        {Metric::ALL.into_iter().map(|m| view! {
                                            <option value=format!("metric:{}", m.code())>{move || m.label(app.lang.get())}</option>
                                        }).collect_view()}
                                        <option value="persona">{app.text(ImportText::PersonaColumn)}</option>
                                        <option value="touchpoint_name">{app.text(ImportText::TouchpointColumn)}</option>
                                    </select>
                                </td>
                                <td>
                                    <select data-testid="csv-target" aria-label=target_name prop:value=move || target_code(&current())
                                        disabled=move || !matches!(current(), ColumnUse::Metric { .. })
                                        on:change=move |ev| set_target(i, event_target_value(&ev))>
                                        <option value="">"—"</option>
                                        <option value="@row">{app.text(ImportText::NamedInRow)}</option>
                                        {touchpoints.get_value().into_iter().map(|(id, name)| view! {
                                            <option value=id>{name}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The touchpoints the file names that the map lacks, each with a stage to
/// create it at (or not), and one choice for all.
#[component]
fn MissingTouchpoints(
    missing: Vec<MissingTouchpoint>,
    chosen: RwSignal<Vec<Creation>>,
) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let say = move |t: MissingText| t.said(app.lang.get());
    let stages = StoredValue::new(session.peek(|m| {
        m.stages
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect::<Vec<_>>()
    }));
    let count = missing.len();
    let stage_of = move |name: &str| {
        chosen.with(|c| {
            c.iter()
                .find(|c| c.name == name)
                .map(|c| c.stage.clone())
                .unwrap_or_default()
        })
    };
    let choose = move |name: String, stage: String| {
        chosen.update(|c| {
            c.retain(|c| c.name != name);
            c.push(Creation { name, stage });
        })
    };
    let names = StoredValue::new(missing.iter().map(|m| m.name.clone()).collect::<Vec<_>>());
    let options = move || {
        stages
            .get_value()
            .into_iter()
            .map(|(id, name)| view! { <option value=id>{name}</option> })
            .collect_view()
    };
    view! {
        <fieldset class="import-missing" data-testid="csv-missing">
            <legend>{move || say(MissingText::Heading { count })}</legend>
            <p class="import-note">{move || say(MissingText::Intro)}</p>
            <label class="import-missing-all">
                <span>{move || say(MissingText::AllAt)}</span>
                <select data-testid="csv-missing-all"
                    on:change=move |ev| {
                        let stage = event_target_value(&ev);
                        chosen.set(names.get_value().into_iter().map(|name| Creation { name, stage: stage.clone() }).collect());
                    }>
                    <option value="">"—"</option>
                    {options}
                </select>
            </label>
            <ul>
                {missing.into_iter().map(|m| {
                    let name = m.name.clone();
                    let shown = name.clone();
                    let key = name.clone();
                    view! {
                        <li data-testid="csv-missing-touchpoint">
                            <label>
                                <span class="import-missing-name">{shown}</span>
                                " " <span class="import-note">{move || say(MissingText::Rows { rows: m.rows })}</span>
                                <select data-testid="csv-missing-stage" prop:value=move || stage_of(&key)
                                    on:change=move |ev| choose(name.clone(), event_target_value(&ev))>
                                    <option value="">{move || say(MissingText::DontCreate)}</option>
                                    {options}
                                </select>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// What will be added, and which rows are left out and why.
#[component]
fn ImportSummary(prepared: Prepared) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let lang = app.lang.get_untracked();
    let Prepared {
        map,
        inserts,
        preview,
    } = prepared;
    let scales = map.scales;
    let created: Vec<String> = inserts
        .iter()
        .filter_map(|e| match e {
            Edit::InsertTouchpoint { touchpoint, .. } => Some(format!(
                "{} {}",
                touchpoint.name,
                MissingText::AtStage {
                    stage: map
                        .stage_index(&touchpoint.stage)
                        .map(|i| map.stages[i].name.clone())
                        .unwrap_or_default()
                }
                .said(lang)
            )),
            _ => None,
        })
        .collect();
    let updates: Vec<(String, String, String)> = {
        let m = &map;
        preview
            .updates
            .iter()
            .flat_map(|u| {
                let name = m
                    .touchpoint(&u.touchpoint)
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                u.readings.iter().filter_map(move |r| {
                    let f = metrics::of_reading(r, &scales)?;
                    Some((
                        name.clone(),
                        r.metric.label(lang).to_owned(),
                        format!("{} ({})", text::headline(lang, &f), text::detail(lang, &f)),
                    ))
                })
            })
            .collect()
    };
    let skipped = preview.rows_read - preview.rows_used;
    view! {
        <div class="import-summary" data-testid="csv-summary">
            <p class="import-counts">
                <span data-testid="csv-rows-read">{preview.rows_read}</span>" "{lang.t(ImportText::RowsRead)}" · "
                <span data-testid="csv-rows-skipped">{skipped}</span>" "{lang.t(ImportText::RowsSkipped)}
            </p>
            {preview.warnings.iter().map(|w| view! { <p class="import-warning" data-testid="csv-warning">{w.said(lang)}</p> }).collect_view()}
            {(!created.is_empty()).then(|| view! {
                <h3>{MissingText::WillCreate.said(lang)}</h3>
                <ul class="import-created" data-testid="csv-created">
                    {created.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            })}
            {if updates.is_empty() {
                view! { <p class="import-nothing">{lang.t(ImportText::NothingToImport)}</p> }.into_any()
            } else {
                view! {
                    <h3>{lang.t(ImportText::WillUpdate)}</h3>
                    <table class="import-updates">
                        <tbody>
                            {updates.into_iter().map(|(tp, metric, figure)| view! {
                                <tr data-testid="csv-update"><td>{tp}</td><td>{metric}</td><td>{figure}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(!preview.problems.is_empty()).then(|| view! {
                <h3>{lang.t(ImportText::ProblemsTitle)}</h3>
                <ul class="import-problems" data-testid="csv-problems">
                    {preview.problems.iter().take(PROBLEMS_SHOWN).map(|p| view! {
                        <li data-testid="csv-problem" data-line=p.line.to_string()>
                            {p.said(lang)}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
