//! Mermaid `journey` diagrams, the journey format wikis and Markdown render:
//! a map written as one, and one read as a new map.
//!
//! ```text
//! journey
//!     title Buying a washing machine
//!     section Research
//!       Compares models on the web site: 4: Camille
//!       Asks a salesperson: 2: Gérard
//! ```
//!
//! Sections are stages; tasks are what the customer does (the Doing lane's
//! cards, or the stage's touchpoints when it has none); a task's score (1 to 5)
//! is the feeling at that stage (−2 to +2) of its actors, who are personas;
//! a task that is everyone's has no actors and stands for the stage's feeling.

use crate::core::document::model::{
    Card, Emotion, IdSource, JourneyMap, LaneKind, Millis, Stage, EMOTION_MAX, EMOTION_MIN,
};
use crate::core::document::persona::new_persona;
use crate::core::text::i18n::Lang;

/// Why a text could not be read as a Mermaid journey, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MermaidError {
    /// 1-based; 0 when it is about the whole text.
    pub line: usize,
    /// What is wrong there (said in the user's language by
    /// [`crate::core::text::said`]).
    pub message: MermaidFlaw,
}

/// What is wrong in a Mermaid journey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MermaidFlaw {
    /// The front matter (`---`) that starts on the line is never closed.
    FrontMatterOpen,
    /// The first word of a text that is not a journey.
    NotAJourney(String),
    Empty,
    AccDescrOpen,
    AccDescrFollow,
    TaskWithoutText,
    /// A task's score (as written) that is not a number.
    NotAScore {
        task: String,
        score: String,
    },
    /// The first word of a line that is not a title, section or task.
    NotALine(String),
    NoSections,
}

/// Text made safe for one Mermaid line: no line breaks, and the characters
/// Mermaid's syntax uses (`:` `;` `#` `,` in actor lists) as entity codes,
/// which Mermaid shows as the characters themselves.
fn escape(text: &str, actor: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '#' => out.push_str("#35;"),
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            '%' => out.push_str("#37;"),
            ',' if actor => out.push_str("#44;"),
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The entity codes `escape` writes (and any `#NN;`), back to characters.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let code = after
            .find(';')
            .filter(|&end| end > 0 && end <= 7 && after[..end].bytes().all(|b| b.is_ascii_digit()))
            .and_then(|end| {
                Some((
                    after[..end].parse::<u32>().ok().and_then(char::from_u32)?,
                    end,
                ))
            });
        match code {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn score(feeling: i8) -> i8 {
    feeling - EMOTION_MIN + 1
}

/// The map as a Mermaid `journey` (today's feelings, not the future state's).
pub fn to_mermaid(map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    if !map.title.trim().is_empty() {
        out.push_str(&format!("    title {}\n", escape(&map.title, false)));
    }
    let doing: Vec<&str> = map
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Doing)
        .map(|l| l.id.as_str())
        .collect();
    let name_of = |id: &str| {
        map.personas
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
    };
    for stage in &map.stages {
        out.push_str(&format!("    section {}\n", escape(&stage.name, false)));
        let general = map.emotion(&stage.id, None, false);
        // A task that is everyone's has no actors: its score is the stage's
        // feeling for all, or else the mean of the personas' feelings there.
        let feelings: Vec<i32> = map
            .personas
            .iter()
            .filter_map(|p| map.emotion(&stage.id, Some(&p.id), false).map(i32::from))
            .collect();
        let everyone = |out: &mut String, task: &str| {
            let value = general.unwrap_or_else(|| {
                if feelings.is_empty() {
                    0
                } else {
                    let sum: i32 = feelings.iter().sum();
                    (f64::from(sum) / feelings.len() as f64).round() as i8
                }
            });
            push_task(out, task, value, &[]);
        };
        let cards: Vec<&Card> = map
            .cards
            .iter()
            .filter(|c| {
                c.stage == stage.id && doing.contains(&c.lane.as_str()) && !c.text.trim().is_empty()
            })
            .collect();
        if cards.is_empty() {
            for t in map.touchpoints.iter().filter(|t| t.stage == stage.id) {
                everyone(&mut out, &t.name);
            }
        }
        for card in cards {
            match card.persona.as_deref().and_then(|p| Some((p, name_of(p)?))) {
                Some((id, name)) => {
                    let value = map
                        .emotion(&stage.id, Some(id), false)
                        .or(general)
                        .unwrap_or(0);
                    push_task(&mut out, &card.text, value, &[escape(name, true)]);
                }
                None => everyone(&mut out, &card.text),
            }
        }
    }
    out
}

fn push_task(out: &mut String, task: &str, feeling: i8, actors: &[String]) {
    let task = escape(task, false);
    let task = if task.is_empty() {
        "…".to_owned()
    } else {
        task
    };
    out.push_str(&format!("      {task}: {}", score(feeling)));
    if !actors.is_empty() {
        out.push_str(&format!(": {}", actors.join(", ")));
    }
    out.push('\n');
}

/// `4`, `-1`, `3.5`: a score as Mermaid writes it. Parsed by hand, with
/// integers: the standard float parser would add kilobytes to the first load.
fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = |part: &str| part.len() <= 9 && part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !ok(whole) || !ok(fraction) {
        return None;
    }
    let whole = whole.parse::<u32>().unwrap_or(0);
    let scale = 10u32.pow(fraction.len() as u32);
    let fraction = fraction.parse::<u32>().unwrap_or(0);
    let value = f64::from(whole) + f64::from(fraction) / f64::from(scale);
    Some(if negative { -value } else { value })
}

struct Task {
    text: String,
    score: f64,
    actors: Vec<String>,
}

/// A Mermaid `journey` read as a new map: sections become stages, tasks
/// become cards in the Doing lane, actors become personas, and each actor's
/// mean score at a stage becomes their feeling there.
pub fn from_mermaid(
    text: &str,
    ids: &mut dyn IdSource,
    lang: Lang,
    now: Millis,
) -> Result<JourneyMap, MermaidError> {
    let err = |line: usize, message: MermaidFlaw| MermaidError { line, message };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut title = String::new();
    let mut description = Vec::new();
    let skip = |l: &str| l.trim().is_empty() || l.trim_start().starts_with("%%");
    while i < lines.len() && skip(lines[i]) {
        i += 1;
    }
    // YAML front matter (`---` … `---`), where Mermaid also takes a title.
    if i < lines.len() && lines[i].trim() == "---" {
        let start = i + 1;
        i += 1;
        while i < lines.len() && lines[i].trim() != "---" {
            if let Some(t) = lines[i].trim().strip_prefix("title:") {
                title = t.trim().trim_matches(['"', '\'']).to_owned();
            }
            i += 1;
        }
        if i == lines.len() {
            return Err(err(start, MermaidFlaw::FrontMatterOpen));
        }
        i += 1;
        while i < lines.len() && skip(lines[i]) {
            i += 1;
        }
    }
    match lines.get(i).map(|l| l.trim()) {
        Some("journey") => i += 1,
        Some(other) => {
            let first = other.split_whitespace().next().unwrap_or(other);
            return Err(err(i + 1, MermaidFlaw::NotAJourney(first.to_owned())));
        }
        None => return Err(err(0, MermaidFlaw::Empty)),
    }

    let mut sections: Vec<(String, Vec<Task>)> = Vec::new();
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i].trim();
        i += 1;
        if skip(line) {
            continue;
        }
        if let Some(t) = line.strip_prefix("title ").or(line.strip_prefix("title\t")) {
            title = unescape(t.trim());
        } else if let Some(t) = line
            .strip_prefix("accTitle")
            .and_then(|t| t.trim_start().strip_prefix(':'))
        {
            description.push(unescape(t.trim()));
        } else if let Some(t) = line.strip_prefix("accDescr") {
            let t = t.trim_start();
            if let Some(t) = t.strip_prefix(':') {
                description.push(unescape(t.trim()));
            } else if let Some(t) = t.strip_prefix('{') {
                // Several lines, up to the closing brace.
                let mut block = vec![t.trim().trim_end_matches('}').trim().to_owned()];
                let mut closed = t.contains('}');
                while !closed && i < lines.len() {
                    let l = lines[i];
                    i += 1;
                    closed = l.contains('}');
                    block.push(l.trim().trim_end_matches('}').trim().to_owned());
                }
                if !closed {
                    return Err(err(number, MermaidFlaw::AccDescrOpen));
                }
                description.push(unescape(block.join(" ").trim()));
            } else {
                return Err(err(number, MermaidFlaw::AccDescrFollow));
            }
        } else if let Some(name) = line.strip_prefix("section") {
            sections.push((unescape(name.trim()), Vec::new()));
        } else if let Some((task, data)) = line.split_once(':') {
            let task = unescape(task.trim());
            if task.is_empty() {
                return Err(err(number, MermaidFlaw::TaskWithoutText));
            }
            let (score_text, actors) = match data.split_once(':') {
                Some((s, a)) => (s.trim(), a),
                None => (data.trim(), ""),
            };
            let score = decimal(score_text).ok_or_else(|| {
                err(
                    number,
                    MermaidFlaw::NotAScore {
                        task: task.clone(),
                        score: score_text.to_owned(),
                    },
                )
            })?;
            let actors = actors
                .split(',')
                .map(|a| unescape(a.trim()))
                .filter(|a| !a.is_empty())
                .collect();
            if sections.is_empty() {
                // Tasks before any section: Mermaid draws them; so do we, in one stage.
                sections.push((String::new(), Vec::new()));
            }
            let last = sections.len() - 1;
            sections[last].1.push(Task {
                text: task,
                score,
                actors,
            });
        } else {
            let word = line.split_whitespace().next().unwrap_or(line);
            return Err(err(number, MermaidFlaw::NotALine(word.to_owned())));
        }
    }
    if sections.is_empty() {
        return Err(err(0, MermaidFlaw::NoSections));
    }

    let untitled = lang.t(crate::core::text::i18n::Key::UntitledMap);
    let mut map = JourneyMap::blank(
        ids,
        if title.is_empty() { untitled } else { &title },
        ["", "", ""],
        now,
    );
    map.description = description.join("\n");
    map.stages = sections
        .iter()
        .enumerate()
        .map(|(n, (name, _))| Stage {
            id: ids.next_id(),
            journey: String::new(),
            name: if name.is_empty() {
                format!("{}", n + 1)
            } else {
                name.clone()
            },
        })
        .collect();
    let doing = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Doing)
        .map(|l| l.id.clone())
        .expect("the standard lanes include Doing");
    for (stage, (_, tasks)) in map.stages.clone().iter().zip(&sections) {
        let mut by_actor: Vec<(Option<String>, f64, u32)> = Vec::new();
        for task in tasks {
            let mut persona_ids = Vec::new();
            for actor in &task.actors {
                persona_ids.push(persona_for(&mut map, ids, actor));
            }
            map.cards.push(Card {
                id: ids.next_id(),
                lane: doing.clone(),
                stage: stage.id.clone(),
                persona: if persona_ids.len() == 1 {
                    Some(persona_ids[0].clone())
                } else {
                    None
                },
                text: task.text.clone(),
                severity: None,
                answers: None,
                ..Default::default()
            });
            let keys: Vec<Option<String>> = if persona_ids.is_empty() {
                vec![None]
            } else {
                persona_ids.into_iter().map(Some).collect()
            };
            for key in keys {
                match by_actor.iter_mut().find(|(k, _, _)| *k == key) {
                    Some(entry) => {
                        entry.1 += task.score;
                        entry.2 += 1;
                    }
                    None => by_actor.push((key, task.score, 1)),
                }
            }
        }
        for (persona, sum, count) in by_actor {
            let mean = sum / f64::from(count);
            let value = (mean.round() as i64 - 3)
                .clamp(i64::from(EMOTION_MIN), i64::from(EMOTION_MAX))
                as i8;
            map.emotions.push(Emotion {
                stage: stage.id.clone(),
                persona,
                value,
                future: false,
            });
        }
    }
    Ok(map)
}

/// A Mermaid text, or a Markdown page holding one in a ```` ```mermaid ````
/// block (the first such block is read; error lines count from the page).
pub fn from_text_or_markdown(
    text: &str,
    ids: &mut dyn IdSource,
    lang: Lang,
    now: Millis,
) -> Result<JourneyMap, MermaidError> {
    let Some(fence) = text.find("```mermaid") else {
        return from_mermaid(text, ids, lang, now);
    };
    let body_start = text[fence..]
        .find('\n')
        .map_or(text.len(), |n| fence + n + 1);
    let body_end = text[body_start..]
        .find("```")
        .map_or(text.len(), |n| body_start + n);
    let offset = text[..body_start].lines().count();
    from_mermaid(&text[body_start..body_end], ids, lang, now).map_err(|mut e| {
        if e.line > 0 {
            e.line += offset;
        }
        e
    })
}

/// Whether a file's text is a Mermaid journey (or Markdown holding one)
/// rather than JSON.
pub fn looks_like_mermaid(text: &str) -> bool {
    !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// The id of the persona named `name`, created the first time it is met.
fn persona_for(map: &mut JourneyMap, ids: &mut dyn IdSource, name: &str) -> String {
    if let Some(p) = map.personas.iter().find(|p| p.name == name) {
        return p.id.clone();
    }
    let persona = new_persona(&map.personas, ids, name);
    let id = persona.id.clone();
    map.personas.push(persona);
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope::validate;
    #[allow(unused_imports)]
    use crate::core::text::i18n::Lang;
    use crate::core::text::said::Said;

    fn read(text: &str) -> Result<JourneyMap, MermaidError> {
        from_mermaid(text, &mut SequentialIds::new("m"), Lang::En, 1_000)
    }

    /// Mermaid's own example, with what Mermaid also accepts around it.
    const WORKING_DAY: &str = "---
title: From the front matter
---
%%{init: {'theme': 'forest'}}%%
journey
    %% a comment
    title My working day
    accTitle: A working day
    accDescr {
        How a day at work
        feels
    }
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

    #[test]
    fn mermaids_example_becomes_a_map() {
        let map = read(WORKING_DAY).unwrap();
        assert!(validate(&map).is_empty(), "{:?}", validate(&map));
        assert_eq!(
            map.title, "My working day",
            "the diagram's title wins over the front matter"
        );
        assert_eq!(map.description, "A working day\nHow a day at work feels");
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, ["Go to work", "Go home"]);
        let personas: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(personas, ["Me", "Cat"]);
        let texts: Vec<&str> = map.cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Make tea",
                "Go upstairs",
                "Do work",
                "Go downstairs",
                "Sit down"
            ]
        );
        let me = &map.personas[0].id;
        let cat = &map.personas[1].id;
        assert_eq!(map.cards[0].persona.as_ref(), Some(me));
        assert_eq!(map.cards[2].persona, None, "two actors: everyone's card");
        // Me at work: (5 + 3 + 1) / 3 = 3 → 0; the cat: 1 → -2; Me at home: 5 → +2.
        assert_eq!(map.emotion(&map.stages[0].id, Some(me), false), Some(0));
        assert_eq!(map.emotion(&map.stages[0].id, Some(cat), false), Some(-2));
        assert_eq!(map.emotion(&map.stages[1].id, Some(me), false), Some(2));
    }

    #[test]
    fn a_map_written_then_read_keeps_its_journey() {
        for lang in Lang::ALL {
            let demo = demo_map(lang, &mut SequentialIds::new("d"), 1);
            let text = to_mermaid(&demo);
            assert!(text.starts_with("journey\n    title "));
            let back = read(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert!(validate(&back).is_empty());
            assert_eq!(back.title, demo.title);
            let names =
                |m: &JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
            assert_eq!(names(&back), names(&demo));
            // Each persona's feeling at each stage comes back.
            for (s, s2) in demo.stages.iter().zip(&back.stages) {
                for p in &demo.personas {
                    let Some(p2) = back.personas.iter().find(|x| x.name == p.name) else {
                        continue;
                    };
                    if let Some(v) = demo.emotion(&s.id, Some(&p.id), false) {
                        assert_eq!(
                            back.emotion(&s2.id, Some(&p2.id), false),
                            Some(v),
                            "{} at {}",
                            p.name,
                            s.name
                        );
                    }
                }
            }
            // And what the customer does, in order, as text.
            let doing = |m: &JourneyMap| {
                let lane = &m
                    .lanes
                    .iter()
                    .find(|l| l.kind == LaneKind::Doing)
                    .unwrap()
                    .id;
                m.stages
                    .iter()
                    .flat_map(|s| {
                        m.cards
                            .iter()
                            .filter(move |c| c.stage == s.id && &c.lane == lane)
                    })
                    .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
            };
            assert_eq!(doing(&back), doing(&demo));
        }
    }

    #[test]
    fn texts_with_mermaids_own_characters_survive() {
        let mut map = demo_map(Lang::En, &mut SequentialIds::new("d"), 1);
        map.title = "Q3: 100% #1; done".into();
        map.stages[0].name = "Step: one".into();
        map.personas[0].name = "Smith, Jane".into();
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Doing)
            .unwrap()
            .id
            .clone();
        map.cards
            .retain(|c| !(c.stage == map.stages[0].id && c.lane == lane));
        map.cards.push(Card {
            id: "x".into(),
            lane,
            stage: map.stages[0].id.clone(),
            persona: Some(map.personas[0].id.clone()),
            text: "Calls: \"where is it?\"\nthen waits".into(),
            severity: None,
            answers: None,
            ..Default::default()
        });
        let text = to_mermaid(&map);
        assert!(
            text.contains("title Q3#58; 100#37; #35;1#59; done\n"),
            "{text}"
        );
        assert!(
            text.contains("Calls#58; \"where is it?\" then waits: "),
            "{text}"
        );
        let back = read(&text).unwrap();
        assert_eq!(back.title, "Q3: 100% #1; done");
        assert_eq!(back.stages[0].name, "Step: one");
        assert!(back.personas.iter().any(|p| p.name == "Smith, Jane"));
        assert!(back
            .cards
            .iter()
            .any(|c| c.text == "Calls: \"where is it?\" then waits"));
    }

    #[test]
    fn what_is_not_a_journey_says_which_line_and_why() {
        let cases = [
            ("", "the text is empty"),
            (
                "flowchart LR\n  A --> B",
                "line 1: a Mermaid journey starts with \"journey\", this one with \"flowchart\"",
            ),
            (
                "journey\n  title T\n  section A\n    Task: great: Me",
                "line 4: the score of \"Task\" is \"great\", not a number",
            ),
            (
                "journey\n  section A\n  : 3: Me",
                "line 3: a task has no text",
            ),
            (
                "journey\n  section A\n  banana",
                "line 3: \"banana…\" is not a title, section or task",
            ),
            (
                "journey\n  accDescr {\n  never closed",
                "line 2: the accDescr { … } block",
            ),
            ("---\ntitle: x\njourney", "line 1: the front matter"),
            ("journey\n  title Nothing else", "no sections and no tasks"),
        ];
        for (text, expected) in cases {
            let e = read(text).unwrap_err().to_string();
            assert!(e.contains(expected), "{expected:?} not in {e:?}");
        }
    }

    #[test]
    fn a_broken_journey_says_where_and_why_in_french() {
        let cases = [
            ("journey\n  section A\n  Acheter: beaucoup", "ligne 3 : la note de « Acheter » est « beaucoup »"),
            ("journey\n  section A\n  banane", "ligne 3 : « banane… » n'est ni un titre"),
            ("flowchart LR", "ligne 1 : un parcours Mermaid commence par « journey », celui-ci par « flowchart »"),
            ("journey\n  title Rien d'autre", "ce parcours n'a ni section ni tâche"),
        ];
        for (text, expected) in cases {
            let e = from_mermaid(text, &mut SequentialIds::new("m"), Lang::Fr, 1).unwrap_err();
            let shown = e.said(Lang::Fr);
            assert!(shown.contains(expected), "{expected:?} not in {shown:?}");
        }
    }

    #[test]
    fn tasks_without_a_section_scores_out_of_range_and_no_actors() {
        let map = read("journey\n  Wake up: 9\n  Coffee: 0.5: \n").unwrap();
        assert!(validate(&map).is_empty());
        assert_eq!(map.stages.len(), 1);
        assert_eq!(map.stages[0].name, "1");
        assert!(map.personas.is_empty());
        // (9 + 0.5) / 2 = 4.75 → 5 → +2, within the scale.
        assert_eq!(map.emotion(&map.stages[0].id, None, false), Some(2));
    }

    #[test]
    fn scores_are_read_as_mermaid_writes_them() {
        for (text, value) in [
            ("4", Some(4.0)),
            ("-1", Some(-1.0)),
            ("3.5", Some(3.5)),
            (".5", Some(0.5)),
            ("+2", Some(2.0)),
            ("5.", Some(5.0)),
        ] {
            assert_eq!(decimal(text), value, "{text}");
        }
        for text in ["", ".", "-", "x", "1e3", "1,5", "12345678901", "4 5"] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }

    #[test]
    fn a_journey_inside_markdown_is_found_and_its_lines_counted_from_the_page() {
        let page = "# Our journey\n\nSome words.\n\n```mermaid\njourney\n  section A\n    Task: 4: Me\n```\n";
        let map = from_text_or_markdown(page, &mut SequentialIds::new("m"), Lang::En, 1).unwrap();
        assert_eq!(map.stages[0].name, "A");
        let broken = page.replace("Task: 4", "Task: x");
        let e =
            from_text_or_markdown(&broken, &mut SequentialIds::new("m"), Lang::En, 1).unwrap_err();
        assert_eq!(e.line, 8, "{e}");
        assert!(
            looks_like_mermaid(page)
                && looks_like_mermaid("journey")
                && !looks_like_mermaid("\u{feff} {\"format\"")
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_map_or_a_located_error(text in "(journey\n)?[ -~\n]{0,200}") {
            match read(&text) {
                Ok(map) => proptest::prop_assert!(validate(&map).is_empty()),
                Err(e) => proptest::prop_assert!(!e.said(Lang::Fr).is_empty()),
            }
        }
    }
}
