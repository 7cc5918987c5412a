//! What an import would add to the map, computed without changing it: the
//! readings per touchpoint, and every row left out with its line and why.

use super::messages::{RowProblem, RowReason, Warning};
use super::number::parse_number;
use super::plan::{ColumnUse, ImportPlan, Target};
use super::table::Table;
use crate::core::document::edit::Edit;
use crate::core::document::model::{JourneyMap, Metric, Millis, PersonaSlice, Reading, Scale};
use crate::core::text::search::fold;

/// Left-out rows listed at most (all are counted: `rows_read - rows_used`).
pub const MAX_PROBLEMS: usize = 200;

/// New readings for one touchpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointUpdate {
    /// The touchpoint's id.
    pub touchpoint: String,
    /// At most one per metric, in the order of [`Metric::ALL`].
    pub readings: Vec<Reading>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// In the map's order of touchpoints; only those with new readings.
    pub updates: Vec<TouchpointUpdate>,
    /// The first [`MAX_PROBLEMS`] rows left out, in the file's order.
    pub problems: Vec<RowProblem>,
    pub warnings: Vec<Warning>,
    /// Data rows in the table (blank lines are not rows).
    pub rows_read: usize,
    /// Rows that were not left out (with or without values).
    pub rows_used: usize,
}

/// Answers (per scale point) or a sum of counts, for everyone and per persona.
#[derive(Default)]
struct Tally {
    answers: Vec<u32>,
    sum: f64,
    /// (persona index in the map, answers, sum).
    personas: Vec<(usize, Vec<u32>, f64)>,
}

/// What a metric column reads.
struct Column {
    index: usize,
    /// Index in `Metric::ALL`.
    metric: usize,
    /// The touchpoint's index in the map; `None`: named in the row.
    touchpoint: Option<usize>,
    /// The answers' scale; `None`: counts.
    scale: Option<Scale>,
}

/// One value of a row: where it goes (tally slot) and the scale point
/// (`Ok`) or the count (`Err`).
type Value = (usize, Result<usize, f64>);

pub fn preview(
    map: &JourneyMap,
    table: &Table,
    plan: &ImportPlan,
    source: &str,
    at: Millis,
) -> Preview {
    let metrics = Metric::ALL.len();
    let header = |i: usize| table.headers.get(i).cloned().unwrap_or_default();
    let name_column = plan
        .uses
        .iter()
        .position(|u| *u == ColumnUse::TouchpointName);
    let persona_column = plan.uses.iter().position(|u| *u == ColumnUse::Persona);
    let touchpoint_names: Vec<String> = map
        .touchpoints
        .iter()
        .map(|t| fold(t.name.trim()))
        .collect();
    let personas: Vec<(String, String)> = map
        .personas
        .iter()
        .map(|p| (fold(p.name.trim()), fold(p.segment.trim())))
        .collect();

    let mut warnings: Vec<Warning> = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    // Columns already warned about (invalid scale): no "empty" warning too.
    let mut warned = vec![false; plan.uses.len()];
    for (index, u) in plan.uses.iter().enumerate() {
        let ColumnUse::Metric { metric, target } = u else {
            continue;
        };
        let touchpoint = match target {
            // A touchpoint the map no longer has: the column gives nothing.
            Target::Touchpoint(id) => match map.touchpoint_index(id) {
                Some(t) => Some(t),
                None => continue,
            },
            Target::FromRow => None,
        };
        let scale = match map.scales.of(*metric) {
            Some(s) if !usable(s) => {
                warnings.push(Warning::InvalidScale(header(index)));
                warned[index] = true;
                continue;
            }
            scale => scale,
        };
        columns.push(Column {
            index,
            metric: Metric::ALL.iter().position(|m| m == metric).unwrap_or(0),
            touchpoint,
            scale,
        });
    }

    let mut tallies: Vec<Option<Tally>> = Vec::new();
    tallies.resize_with(map.touchpoints.len() * metrics, || None);
    let mut problems: Vec<RowProblem> = Vec::new();
    let mut skipped = 0;
    // (folded value, value as first seen, rows).
    let mut unknown_personas: Vec<(String, String, usize)> = Vec::new();
    let mut column_used = vec![false; plan.uses.len()];
    let mut values: Vec<Value> = Vec::new();
    let mut used_here: Vec<usize> = Vec::new();

    for row in &table.rows {
        values.clear();
        used_here.clear();
        let cell = |c: usize| row.cells.get(c).map_or("", |s| s.trim());
        let fail = |column: Option<usize>, reason: RowReason| RowProblem {
            line: row.line,
            column,
            header: column.map(header),
            reason,
        };
        // The touchpoint the row names, if a column names them.
        let row_touchpoint = name_column.map(|c| match cell(c) {
            "" => Err(RowReason::NoTouchpoint),
            name => {
                let key = fold(name);
                touchpoint_names
                    .iter()
                    .position(|n| *n == key)
                    .ok_or_else(|| RowReason::UnknownTouchpoint(name.to_owned()))
            }
        });
        // Empty cells past the header's width (Excel pads rows with
        // separators) are not too many; a value there is.
        let found = row
            .cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        let mut failed = (found > table.headers.len()).then(|| {
            fail(
                None,
                RowReason::TooManyCells {
                    found,
                    expected: table.headers.len(),
                },
            )
        });
        for col in &columns {
            if failed.is_some() {
                break;
            }
            let text = cell(col.index);
            let number = match parse_number(text, plan.decimal) {
                Ok(None) => continue,
                Ok(Some(v)) => v,
                Err(error) => {
                    let text = text.to_owned();
                    failed = Some(fail(Some(col.index), RowReason::NotANumber { text, error }));
                    break;
                }
            };
            let touchpoint = match (col.touchpoint, &row_touchpoint) {
                (Some(t), _) => t,
                (None, Some(Ok(t))) => *t,
                (None, Some(Err(reason))) => {
                    failed = Some(fail(name_column, reason.clone()));
                    break;
                }
                (None, None) => continue,
            };
            let value = match col.scale {
                None if number < 0.0 => Err(RowReason::Negative(number)),
                None => Ok(Err(number)),
                Some(scale) => scale_point(number, scale).map(Ok),
            };
            match value {
                Ok(v) => {
                    values.push((touchpoint * metrics + col.metric, v));
                    used_here.push(col.index);
                }
                Err(reason) => failed = Some(fail(Some(col.index), reason)),
            }
        }
        if let Some(p) = failed {
            skipped += 1;
            if problems.len() < MAX_PROBLEMS {
                problems.push(p);
            }
            continue;
        }
        for &c in &used_here {
            column_used[c] = true;
        }
        let persona = persona_column.and_then(|c| {
            let text = cell(c);
            if text.is_empty() {
                return None;
            }
            let key = fold(text);
            let found = personas.iter().position(|(name, segment)| {
                *name == key || (!segment.is_empty() && *segment == key)
            });
            if found.is_none() {
                match unknown_personas.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, _, n)) => *n += 1,
                    None => unknown_personas.push((key, text.to_owned(), 1)),
                }
            }
            found
        });
        for &(slot, value) in &values {
            let Some(entry) = tallies.get_mut(slot) else {
                continue;
            };
            let points = points_of(map, slot % metrics);
            let tally = entry.get_or_insert_with(Tally::default);
            add(&mut tally.answers, &mut tally.sum, points, value);
            if let Some(p) = persona {
                let i = match tally.personas.iter().position(|(id, _, _)| *id == p) {
                    Some(i) => i,
                    None => {
                        tally.personas.push((p, Vec::new(), 0.0));
                        tally.personas.len() - 1
                    }
                };
                let (_, answers, sum) = &mut tally.personas[i];
                add(answers, sum, points, value);
            }
        }
    }

    warnings.extend(
        unknown_personas
            .into_iter()
            .map(|(_, value, rows)| Warning::UnknownPersona { value, rows }),
    );
    for (c, u) in plan.uses.iter().enumerate() {
        if matches!(u, ColumnUse::Metric { .. }) && !column_used[c] && !warned[c] {
            warnings.push(Warning::EmptyColumn(header(c)));
        }
    }

    let source = Some(source.to_owned());
    let mut updates = Vec::new();
    for (t, touchpoint) in map.touchpoints.iter().enumerate() {
        let mut readings = Vec::new();
        for (m, &metric) in Metric::ALL.iter().enumerate() {
            let Some(Some(tally)) = tallies.get_mut(t * metrics + m) else {
                continue;
            };
            let scale = map.scales.of(metric);
            let value = scale.is_none().then_some(tally.sum);
            tally.personas.sort_unstable_by_key(|(p, _, _)| *p);
            readings.push(Reading {
                metric,
                at,
                source: source.clone(),
                scale,
                answers: std::mem::take(&mut tally.answers),
                value,
                n: None,
                personas: tally
                    .personas
                    .iter_mut()
                    .map(|(p, answers, sum)| PersonaSlice {
                        persona: map.personas[*p].id.clone(),
                        answers: std::mem::take(answers),
                        value: scale.is_none().then_some(*sum),
                    })
                    .collect(),
            });
        }
        if !readings.is_empty() {
            updates.push(TouchpointUpdate {
                touchpoint: touchpoint.id.clone(),
                readings,
            });
        }
    }

    Preview {
        updates,
        problems,
        warnings,
        rows_read: table.rows.len(),
        rows_used: table.rows.len() - skipped,
    }
}

/// The number of points of metric number `m`'s scale (0 for counts).
fn points_of(map: &JourneyMap, m: usize) -> usize {
    Metric::ALL
        .get(m)
        .and_then(|metric| map.scales.of(*metric))
        .map_or(0, Scale::points)
}

/// `Scale::is_valid`, in 64 bits: a scale from a crafted file may span
/// all of `i32`, whose width overflows 32 bits.
fn usable(s: Scale) -> bool {
    let (low, high) = (i64::from(s.low), i64::from(s.high));
    low < high
        && low <= i64::from(s.good_low)
        && s.good_low <= s.good_high
        && i64::from(s.good_high) <= high
        && high - low <= 100
}

/// Count one value: an answer at its scale point, or a count added.
fn add(answers: &mut Vec<u32>, sum: &mut f64, points: usize, value: Result<usize, f64>) {
    match value {
        Ok(point) => {
            if answers.len() < points {
                answers.resize(points, 0);
            }
            if let Some(slot) = answers.get_mut(point) {
                *slot = slot.saturating_add(1);
            }
        }
        Err(count) => *sum += count,
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
