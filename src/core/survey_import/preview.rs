//! What an import would add to the map, computed without changing it: the
//! readings per touchpoint, and every row left out with its line and why.

use super::messages::{RowProblem, RowReason, Warning};
use super::number::parse_number;
use super::plan::{ColumnUse, ImportPlan, Target};
use super::table::Table;
use crate::core::edit::Edit;
use crate::core::library::fold;
use crate::core::model::{JourneyMap, Metric, Millis, PersonaSlice, Reading, Scale};

/// Left-out rows listed at most (all are counted).
pub const MAX_PROBLEMS: usize = 200;

/// New readings for one touchpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointUpdate {
    pub touchpoint: String,
    pub readings: Vec<Reading>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub updates: Vec<TouchpointUpdate>,
    /// The first [`MAX_PROBLEMS`] rows left out.
    pub problems: Vec<RowProblem>,
    pub warnings: Vec<Warning>,
    pub rows_read: usize,
    /// Rows that were not left out.
    pub rows_used: usize,
}

/// Answers or counts gathered for one (touchpoint, metric).
#[derive(Default)]
struct Tally {
    answers: Vec<u32>,
    sum: f64,
    personas: Vec<(String, Vec<u32>, f64)>,
}

/// One value a row gives, before the row is known to be good.
struct Value {
    touchpoint: String,
    metric: Metric,
    /// Index into the scale, or the count.
    point: Option<usize>,
    count: f64,
}

pub fn preview(
    map: &JourneyMap,
    table: &Table,
    plan: &ImportPlan,
    source: &str,
    at: Millis,
) -> Preview {
    let columns = table.headers.len();
    let column_name = |i: usize| table.headers.get(i).cloned().unwrap_or_default();
    let name_column = plan
        .uses
        .iter()
        .position(|u| *u == ColumnUse::TouchpointName);
    let persona_column = plan.uses.iter().position(|u| *u == ColumnUse::Persona);
    let touchpoint_names: Vec<(String, &str)> = map
        .touchpoints
        .iter()
        .map(|t| (fold(t.name.trim()), t.id.as_str()))
        .collect();
    let personas: Vec<(String, String, &str)> = map
        .personas
        .iter()
        .map(|p| (fold(p.name.trim()), fold(p.segment.trim()), p.id.as_str()))
        .collect();

    let mut tallies: Vec<(String, Metric, Tally)> = Vec::new();
    let mut problems: Vec<RowProblem> = Vec::new();
    let mut skipped = 0;
    let mut unknown_personas: Vec<(String, usize)> = Vec::new();
    let mut column_used = vec![false; plan.uses.len()];

    for row in &table.rows {
        let problem = |column: Option<usize>, reason: RowReason| RowProblem {
            line: row.line,
            column: column.map(column_name),
            reason,
        };
        let mut values: Vec<Value> = Vec::new();
        let mut failed: Option<RowProblem> = None;
        if row.cells.len() > columns {
            failed = Some(problem(
                None,
                RowReason::TooManyCells {
                    found: row.cells.len(),
                    expected: columns,
                },
            ));
        }
        let row_touchpoint = name_column.map(|c| {
            let name = row.cells.get(c).map(|s| s.trim()).unwrap_or("");
            touchpoint_names
                .iter()
                .find(|(n, _)| *n == fold(name))
                .map(|(_, id)| (*id).to_owned())
                .ok_or_else(|| (c, name.to_owned()))
        });
        for (c, u) in plan.uses.iter().enumerate() {
            if failed.is_some() {
                break;
            }
            let ColumnUse::Metric { metric, target } = u else {
                continue;
            };
            let cell = row.cells.get(c).map(String::as_str).unwrap_or("");
            let number = match parse_number(cell, plan.decimal) {
                Ok(None) => continue,
                Ok(Some(v)) => v,
                Err(_) => {
                    failed = Some(problem(
                        Some(c),
                        RowReason::NotANumber(cell.trim().to_owned()),
                    ));
                    break;
                }
            };
            let touchpoint = match (target, &row_touchpoint) {
                (Target::Touchpoint(id), _) => id.clone(),
                (Target::FromRow, Some(Ok(id))) => id.clone(),
                (Target::FromRow, Some(Err((c, name)))) => {
                    failed = Some(problem(
                        Some(*c),
                        RowReason::UnknownTouchpoint(name.clone()),
                    ));
                    break;
                }
                (Target::FromRow, None) => continue,
            };
            let value = match map.scales.of(*metric) {
                None if number < 0.0 => Err(RowReason::Negative(number)),
                None => Ok(Value {
                    touchpoint,
                    metric: *metric,
                    point: None,
                    count: number,
                }),
                Some(scale) => scale_point(number, scale).map(|point| Value {
                    touchpoint,
                    metric: *metric,
                    point: Some(point),
                    count: 1.0,
                }),
            };
            match value {
                Ok(v) => {
                    values.push(v);
                    column_used[c] = true;
                }
                Err(reason) => failed = Some(problem(Some(c), reason)),
            }
        }
        if let Some(p) = failed {
            skipped += 1;
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            }
            continue;
        }
        let persona = persona_column.and_then(|c| {
            let cell = row.cells.get(c).map(|s| s.trim()).unwrap_or("");
            if cell.is_empty() {
                return None;
            }
            let key = fold(cell);
            let found = personas
                .iter()
                .find(|(name, segment, _)| *name == key || (!segment.is_empty() && *segment == key))
                .map(|(_, _, id)| (*id).to_owned());
            if found.is_none() {
                match unknown_personas.iter_mut().find(|(v, _)| *v == cell) {
                    Some((_, n)) => *n += 1,
                    None => unknown_personas.push((cell.to_owned(), 1)),
                }
            }
            found
        });
        for v in values {
            let index = match tallies
                .iter()
                .position(|(t, m, _)| *t == v.touchpoint && *m == v.metric)
            {
                Some(i) => i,
                None => {
                    tallies.push((v.touchpoint.clone(), v.metric, Tally::default()));
                    tallies.len() - 1
                }
            };
            let points = map.scales.of(v.metric).map_or(0, Scale::points);
            let tally = &mut tallies[index].2;
            add(&mut tally.answers, &mut tally.sum, points, &v);
            if let Some(p) = &persona {
                let slice = match tally.personas.iter().position(|(id, _, _)| id == p) {
                    Some(i) => &mut tally.personas[i],
                    None => {
                        tally.personas.push((p.clone(), Vec::new(), 0.0));
                        tally.personas.last_mut().expect("just pushed")
                    }
                };
                add(&mut slice.1, &mut slice.2, points, &v);
            }
        }
    }

    let mut warnings: Vec<Warning> = unknown_personas
        .into_iter()
        .map(|(value, rows)| Warning::UnknownPersona { value, rows })
        .collect();
    for (c, u) in plan.uses.iter().enumerate() {
        if matches!(u, ColumnUse::Metric { .. }) && !column_used[c] {
            warnings.push(Warning::EmptyColumn(column_name(c)));
        }
    }

    let source = Some(source.to_owned());
    let updates = map
        .touchpoints
        .iter()
        .filter_map(|t| {
            let readings: Vec<Reading> = Metric::ALL
                .iter()
                .filter_map(|&metric| {
                    let (_, _, tally) = tallies
                        .iter()
                        .find(|(id, m, _)| *id == t.id && *m == metric)?;
                    let scale = map.scales.of(metric);
                    let value = scale.is_none().then_some(tally.sum);
                    Some(Reading {
                        metric,
                        at,
                        source: source.clone(),
                        scale,
                        answers: tally.answers.clone(),
                        value,
                        n: None,
                        personas: tally
                            .personas
                            .iter()
                            .map(|(persona, answers, sum)| PersonaSlice {
                                persona: persona.clone(),
                                answers: answers.clone(),
                                value: scale.is_none().then_some(*sum),
                            })
                            .collect(),
                    })
                })
                .collect();
            (!readings.is_empty()).then(|| TouchpointUpdate {
                touchpoint: t.id.clone(),
                readings,
            })
        })
        .collect();

    Preview {
        updates,
        problems,
        warnings,
        rows_read: table.rows.len(),
        rows_used: table.rows.len() - skipped,
    }
}

/// Count one value: an answer at its scale point, or a count added.
fn add(answers: &mut Vec<u32>, sum: &mut f64, points: usize, v: &Value) {
    match v.point {
        Some(point) => {
            if answers.len() < points {
                answers.resize(points, 0);
            }
            if let Some(slot) = answers.get_mut(point) {
                *slot = slot.saturating_add(1);
            }
        }
        None => *sum += v.count,
    }
}

/// The index of an answer on its scale: whole and inside it.
fn scale_point(value: f64, scale: Scale) -> Result<usize, RowReason> {
    if value.fract() != 0.0 {
        return Err(RowReason::NotWhole(value));
    }
    if value < f64::from(scale.low) || value > f64::from(scale.high) {
        return Err(RowReason::OutOfScale {
            value,
            low: scale.low,
            high: scale.high,
        });
    }
    Ok((value - f64::from(scale.low)) as usize)
}

/// The edit that adds the preview's readings after each touchpoint's own
/// (which stay, as the metric's history): one undo step for the import.
pub fn to_edit(map: &JourneyMap, preview: &Preview) -> Edit {
    Edit::Batch(
        preview
            .updates
            .iter()
            .filter_map(|u| {
                let mut t = map.touchpoint(&u.touchpoint)?.clone();
                t.readings.extend(u.readings.iter().cloned());
                Some(Edit::UpdateTouchpoint(t))
            })
            .collect(),
    )
}
