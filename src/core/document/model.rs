//! The journey map document: one serde model for a whole map.
//!
//! Every item has a stable string id. Cells are not nested inside stages or
//! lanes: cards, touchpoints and emotions name the stage (and lane, persona)
//! they belong to, so reordering stages or lanes never moves content around.

use serde::{Deserialize, Serialize};

use crate::core::document::branding::Branding;
use crate::core::document::comment::CommentsText;
use crate::core::document::read_by_name::read_by_name;
use crate::core::sync::SyncState;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kind: MapKind,
    #[serde(default)]
    pub description: String,
    /// Who answers for the journey (format version 7; issue 16's portfolio
    /// sorts and filters by it); empty: nobody named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    pub created: Millis,
    pub modified: Millis,
    #[serde(default)]
    pub personas: Vec<Persona>,
    pub stages: Vec<Stage>,
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub emotions: Vec<Emotion>,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The answer scales of the survey metrics, for this map.
    #[serde(default)]
    pub scales: Scales,
    /// The organisation's name, logo and colours on this map's report
    /// (over the library's default, field by field).
    #[serde(default, skip_serializing_if = "Branding::is_empty")]
    pub branding: Branding,
    /// What this copy knows of its changes, for merging (format version 3).
    #[serde(default, skip_serializing_if = "SyncState::is_empty")]
    pub sync: SyncState,
    /// A future-state map: the id of the current-state map it was copied
    /// from (format version 4). Not checked against the library: the
    /// current-state map may have been deleted or live in another browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// Comments on the map and its items (format version 5), as the JSON
    /// text of their list: only the comments' lazy part reads them (see
    /// [`crate::core::document::comment::text`]).
    #[serde(default, skip_serializing_if = "CommentsText::is_empty")]
    pub comments: CommentsText,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MapKind {
    #[default]
    CurrentState,
    DayInTheLife,
    FutureState,
    ServiceBlueprint,
}

impl MapKind {
    pub const ALL: [MapKind; 4] = [
        MapKind::CurrentState,
        MapKind::DayInTheLife,
        MapKind::FutureState,
        MapKind::ServiceBlueprint,
    ];

    /// The kind as in the file format (`day_in_the_life`): also the value
    /// of the kind choices in the library and the editor.
    pub fn code(self) -> &'static str {
        match self {
            MapKind::CurrentState => "current_state",
            MapKind::DayInTheLife => "day_in_the_life",
            MapKind::FutureState => "future_state",
            MapKind::ServiceBlueprint => "service_blueprint",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub segment: String,
    /// Share of customers, in percent (0–100).
    #[serde(default)]
    pub share: Option<f64>,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub motivations: String,
    #[serde(default)]
    pub frustrations: String,
    #[serde(default)]
    pub quote: String,
    /// A CSS colour (`#rrggbb`) for the avatar and the persona's emotion line.
    #[serde(default = "default_colour")]
    pub colour: String,
    /// Age or role, free text ("35, works in a bank"; format version 4).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The channels this persona prefers, in order (format version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// An uploaded picture as a `data:image/png|jpeg|webp;base64,…` URL of
    /// at most [`crate::core::document::persona::MAX_AVATAR_CHARS`] characters (checked by
    /// [`crate::core::document::persona::avatar_ok`]); `None`: initials on [`Persona::colour`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

fn default_colour() -> String {
    "#2f6fde".to_owned()
}

/// Colours given to new personas in turn; all readable on white and dark.
pub const PERSONA_COLOURS: [&str; 6] = [
    "#2f6fde", "#d9480f", "#2b8a3e", "#9c36b5", "#c2255c", "#0b7285",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// The id of the map that details this stage (format version 8; issue
    /// 16's linked journeys: "Delivery" -> the delivery map); empty: none.
    /// By id, so that it survives files, backups and merges; the rules of
    /// links (no stage links to its own map, no cycle) are in
    /// `journey_link`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub journey: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: String,
    pub kind: LaneKind,
    /// The user's name for the lane; empty means the kind's name in the UI language.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneKind {
    /// The customer's goal at each stage.
    Goal,
    /// What the customer does.
    Doing,
    /// What the customer thinks (questions, doubts).
    Thinking,
    /// The emotion curve.
    Feeling,
    Touchpoints,
    /// Each stage's figures (reach, NPS, CSAT, CES) pooled over its touchpoints.
    Metrics,
    PainPoints,
    Gains,
    Opportunities,
    /// A free text lane the user added.
    Notes,
    /// Service blueprint: what front-stage employees do, in the customer's
    /// sight (above the line of visibility).
    Frontstage,
    /// Service blueprint: what employees do out of the customer's sight
    /// (below the line of visibility).
    Backstage,
    /// Service blueprint: the support processes (systems, partners) that
    /// make the front and back stage possible.
    Support,
}

impl LaneKind {
    pub const ALL: [LaneKind; 13] = [
        LaneKind::Goal,
        LaneKind::Doing,
        LaneKind::Thinking,
        LaneKind::Feeling,
        LaneKind::Touchpoints,
        LaneKind::Metrics,
        LaneKind::PainPoints,
        LaneKind::Gains,
        LaneKind::Opportunities,
        LaneKind::Notes,
        LaneKind::Frontstage,
        LaneKind::Backstage,
        LaneKind::Support,
    ];

    /// The kind as in the file format (`pain_points`): also the lane's
    /// CSS class and `data-lane-kind` wherever a map is drawn.
    pub fn code(self) -> &'static str {
        match self {
            LaneKind::Goal => "goal",
            LaneKind::Doing => "doing",
            LaneKind::Thinking => "thinking",
            LaneKind::Feeling => "feeling",
            LaneKind::Touchpoints => "touchpoints",
            LaneKind::Metrics => "metrics",
            LaneKind::PainPoints => "pain_points",
            LaneKind::Gains => "gains",
            LaneKind::Opportunities => "opportunities",
            LaneKind::Notes => "notes",
            LaneKind::Frontstage => "frontstage",
            LaneKind::Backstage => "backstage",
            LaneKind::Support => "support",
        }
    }

    /// Lanes whose cells hold text cards.
    pub fn holds_cards(self) -> bool {
        !matches!(
            self,
            LaneKind::Feeling | LaneKind::Touchpoints | LaneKind::Metrics
        )
    }

    /// The service blueprint's lanes of the service's side (front stage,
    /// back stage, support processes).
    pub fn is_blueprint(self) -> bool {
        matches!(
            self,
            LaneKind::Frontstage | LaneKind::Backstage | LaneKind::Support
        )
    }

    /// Lanes whose content may differ per persona.
    pub fn per_persona(self) -> bool {
        matches!(
            self,
            LaneKind::Doing | LaneKind::Thinking | LaneKind::Feeling | LaneKind::Metrics
        )
    }
}

/// A text card in one cell (lane × stage). `persona: None` applies to everyone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub lane: String,
    pub stage: String,
    #[serde(default)]
    pub persona: Option<String>,
    pub text: String,
    /// How bad a pain point is: 1 low, 2 medium, 3 high (format version 4);
    /// `None`: not rated (counted as medium when ranking).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// On an Opportunities card: the id of the Pain points card it answers
    /// (format version 4, optional); `None`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// On an Opportunities card, its scores for the opportunity matrix
    /// (format version 6), each [`SCORE_MIN`] to [`SCORE_MAX`]; `None`: not
    /// scored. Kept when the card leaves the lane (it only counts there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_value: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
}

/// The lowest and highest severity of a pain point.
pub const SEVERITY_MIN: u8 = 1;
pub const SEVERITY_MAX: u8 = 3;

/// The lowest and highest of an opportunity's scores (value to the
/// customer, value to the business, effort): a five-point scale, as the
/// field's matrices use, small enough to agree on in a workshop.
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 5;

/// An opportunity's three scores, as one edit sets them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub customer_value: Option<u8>,
    pub business_value: Option<u8>,
    pub effort: Option<u8>,
}

impl Card {
    pub fn scores(&self) -> Scores {
        Scores {
            customer_value: self.customer_value,
            business_value: self.business_value,
            effort: self.effort,
        }
    }
}

impl Scores {
    /// The first score outside [`SCORE_MIN`]..=[`SCORE_MAX`], if any.
    pub fn out_of_range(&self) -> Option<u8> {
        [self.customer_value, self.business_value, self.effort]
            .into_iter()
            .flatten()
            .find(|v| !(SCORE_MIN..=SCORE_MAX).contains(v))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Touchpoint {
    pub id: String,
    pub stage: String,
    pub name: String,
    pub channel: Channel,
    #[serde(default)]
    pub classification: Classification,
    /// The department that owns the touchpoint.
    #[serde(default)]
    pub department: String,
    /// Measurements of this touchpoint, oldest first: the latest reading of
    /// each metric is its current value, the earlier ones its history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Format version 1's `metrics` object, read only to be migrated into
    /// `readings` (see `envelope`); never written.
    #[serde(default, rename = "metrics", skip_serializing)]
    pub legacy_metrics: Option<MetricsV1>,
}

/// Format version 1's hand-typed figures of a touchpoint.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricsV1 {
    /// Share of the journey's entrants who reach the touchpoint (0–100).
    #[serde(default)]
    pub reach: Option<f64>,
    #[serde(default)]
    pub nps: Option<f64>,
    #[serde(default)]
    pub csat: Option<f64>,
    #[serde(default)]
    pub ces: Option<f64>,
}

/// What is measured on a touchpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// How many customers reach the touchpoint (a count).
    Reach,
    /// Net Promoter Score, from 0–10 answers.
    Nps,
    /// Customer satisfaction, on the map's CSAT scale.
    Csat,
    /// Customer effort, on the map's CES scale.
    Ces,
}

impl Metric {
    pub const ALL: [Metric; 4] = [Metric::Reach, Metric::Nps, Metric::Csat, Metric::Ces];
    /// The survey metrics (those computed from answers on a scale).
    pub const SURVEYS: [Metric; 3] = [Metric::Nps, Metric::Csat, Metric::Ces];

    /// Its name in the file format, also the value the UI's selects and
    /// test hooks carry (`data-metric`).
    pub fn code(self) -> &'static str {
        match self {
            Metric::Reach => "reach",
            Metric::Nps => "nps",
            Metric::Csat => "csat",
            Metric::Ces => "ces",
        }
    }
}

/// One measurement of one metric on a touchpoint: either the answers of a
/// survey (counted per scale point), or a figure typed by hand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub metric: Metric,
    /// When it was measured (imported or typed).
    pub at: Millis,
    /// The file it was imported from; `None`: typed by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scale the answers were given on (kept with them, so changing the
    /// map's scale later does not reinterpret old answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// How many answers gave each scale point, from `scale.low` up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<u32>,
    /// A figure: the reach count, or a hand-typed score (NPS −100…100, CSAT
    /// share of satisfied answers in percent, CES mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// How many answers are behind a typed figure, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// The same measurement for each persona whose respondents were identified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<PersonaSlice>,
}

impl Reading {
    /// A figure typed by hand (no answers, no source file), out of `n`
    /// answers when known.
    pub fn typed(metric: Metric, value: f64, n: Option<u32>, at: Millis) -> Reading {
        Reading {
            metric,
            at,
            source: None,
            scale: None,
            answers: Vec::new(),
            value: Some(value),
            n,
            personas: Vec::new(),
        }
    }
}

/// The part of a reading that comes from one persona's respondents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonaSlice {
    pub persona: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// An answer scale: the points `low..=high`, of which `good_low..=good_high`
/// count as a good answer (satisfied, low effort).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub low: i32,
    pub high: i32,
    pub good_low: i32,
    pub good_high: i32,
}

impl Scale {
    /// The NPS question: 0–10, promoters answer 9–10 (fixed by the method).
    pub const NPS: Scale = Scale {
        low: 0,
        high: 10,
        good_low: 9,
        good_high: 10,
    };
    /// CSAT's usual 1–5, satisfied = 4–5 ("top two box").
    pub const CSAT: Scale = Scale {
        low: 1,
        high: 5,
        good_low: 4,
        good_high: 5,
    };
    /// CES's usual 1–7 effort scale, where lower is better: low effort = 1–3.
    pub const CES: Scale = Scale {
        low: 1,
        high: 7,
        good_low: 1,
        good_high: 3,
    };

    /// How many points the scale has (0 when its bounds are not in order).
    pub fn points(self) -> usize {
        (i64::from(self.high) - i64::from(self.low) + 1).clamp(0, i64::from(u16::MAX)) as usize
    }

    /// Low, high and the good range inside them, with at least two points.
    pub fn is_valid(self) -> bool {
        // In 64 bits: a crafted file's i32::MIN..i32::MAX must not overflow.
        self.low < self.high
            && self.low <= self.good_low
            && self.good_low <= self.good_high
            && self.good_high <= self.high
            && i64::from(self.high) - i64::from(self.low) <= 100
    }

    /// True when good answers are at the low end (effort: lower is better).
    pub fn lower_is_better(self) -> bool {
        self.good_low == self.low && self.good_high < self.high
    }
}

/// How a stage's or the journey's pooled figure counts its answers
/// (format version 5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weighting {
    /// Every answer counts once (the default).
    #[default]
    None,
    /// Each persona's answers count for its share of customers
    /// (see `metrics::weighting`).
    PersonaShare,
}

impl Weighting {
    pub fn is_none(&self) -> bool {
        *self == Weighting::None
    }
}

/// The scales of the map's CSAT and CES questions (NPS's is fixed), and how
/// pooled figures count the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scales {
    #[serde(default = "csat_scale")]
    pub csat: Scale,
    #[serde(default = "ces_scale")]
    pub ces: Scale,
    #[serde(default, skip_serializing_if = "Weighting::is_none")]
    pub weighting: Weighting,
}

fn csat_scale() -> Scale {
    Scale::CSAT
}
fn ces_scale() -> Scale {
    Scale::CES
}

impl Default for Scales {
    fn default() -> Self {
        Scales {
            csat: Scale::CSAT,
            ces: Scale::CES,
            weighting: Weighting::None,
        }
    }
}

impl Scales {
    pub fn of(&self, metric: Metric) -> Option<Scale> {
        match metric {
            Metric::Reach => None,
            Metric::Nps => Some(Scale::NPS),
            Metric::Csat => Some(self.csat),
            Metric::Ces => Some(self.ces),
        }
    }
}

impl Touchpoint {
    /// The current reading of a metric: the latest one.
    pub fn latest(&self, metric: Metric) -> Option<&Reading> {
        self.readings.iter().rev().find(|r| r.metric == metric)
    }

    /// The earlier readings of a metric, newest first.
    pub fn history(&self, metric: Metric) -> impl Iterator<Item = &Reading> {
        self.readings
            .iter()
            .rev()
            .filter(move |r| r.metric == metric)
            .skip(1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Website,
    MobileApp,
    Store,
    CallCentre,
    Email,
    SocialNetworks,
    Ads,
    Search,
    Chat,
    Mail,
    WordOfMouth,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 12] = [
        Channel::Website,
        Channel::MobileApp,
        Channel::Store,
        Channel::CallCentre,
        Channel::Email,
        Channel::SocialNetworks,
        Channel::Ads,
        Channel::Search,
        Channel::Chat,
        Channel::Mail,
        Channel::WordOfMouth,
        Channel::Other,
    ];

    /// Online channels are digital; the others are met in person, by phone or on paper.
    pub fn is_online(self) -> bool {
        matches!(
            self,
            Channel::Website
                | Channel::MobileApp
                | Channel::Email
                | Channel::SocialNetworks
                | Channel::Ads
                | Channel::Search
                | Channel::Chat
        )
    }

    /// A short pictogram shown on touchpoint cards (text, so it is never markup).
    pub fn icon(self) -> &'static str {
        match self {
            Channel::Website => "🌐",
            Channel::MobileApp => "📱",
            Channel::Store => "🏬",
            Channel::CallCentre => "☎",
            Channel::Email => "✉",
            Channel::SocialNetworks => "💬",
            Channel::Ads => "📣",
            Channel::Search => "🔎",
            Channel::Chat => "🗨",
            Channel::Mail => "📮",
            Channel::WordOfMouth => "🗣",
            Channel::Other => "•",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    Critical,
    #[default]
    Complementary,
    Superfluous,
}

impl Classification {
    pub const ALL: [Classification; 3] = [
        Classification::Critical,
        Classification::Complementary,
        Classification::Superfluous,
    ];
}

/// How the customer feels at a stage, for one persona (`None`: everyone).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Emotion {
    pub stage: String,
    #[serde(default)]
    pub persona: Option<String>,
    /// On the scale `EMOTION_MIN..=EMOTION_MAX`.
    pub value: i8,
    /// The future state's (target) emotion rather than today's.
    #[serde(default, skip_serializing_if = "is_false")]
    pub future: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

pub const EMOTION_MIN: i8 = -2;
pub const EMOTION_MAX: i8 = 2;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub status: ActionStatus,
    /// The pain point or opportunity card it answers.
    #[serde(default)]
    pub card: Option<String>,
    /// The touchpoint whose metric it should move.
    #[serde(default)]
    pub touchpoint: Option<String>,
    /// The department that carries it out (format version 4).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// When it should be done (format version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Millis>,
    /// The touchpoint's metric it should move (format version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// When it became [`ActionStatus::Done`]; cleared when it leaves Done
    /// (format version 4). Its effect is measured from this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Millis>,
}

impl Action {
    /// This action with `status`, keeping [`Action::done_at`] true: set to
    /// `now` when it becomes Done, kept while it stays Done, cleared when it
    /// leaves Done.
    pub fn with_status(mut self, status: ActionStatus, now: Millis) -> Action {
        match (self.status, status) {
            (ActionStatus::Done, ActionStatus::Done) => {
                self.done_at = self.done_at.or(Some(now));
            }
            (_, ActionStatus::Done) => self.done_at = Some(now),
            _ => self.done_at = None,
        }
        self.status = status;
        self
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Idea,
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];
}

impl JourneyMap {
    /// A blank map with the standard lanes and three empty stages.
    pub fn blank(ids: &mut dyn IdSource, title: &str, stage_names: [&str; 3], now: Millis) -> Self {
        let stages = stage_names
            .iter()
            .map(|name| Stage {
                id: ids.next_id(),
                journey: String::new(),
                name: (*name).to_owned(),
            })
            .collect();
        JourneyMap {
            id: ids.next_id(),
            title: title.to_owned(),
            kind: MapKind::CurrentState,
            description: String::new(),
            created: now,
            modified: now,
            personas: Vec::new(),
            stages,
            lanes: Self::standard_lanes(ids),
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
            actions: Vec::new(),
            scales: Scales::default(),
            branding: Branding::default(),
            sync: SyncState::default(),
            based_on: None,
            comments: Default::default(),
            owner: String::new(),
        }
    }

    /// The lanes every new map starts with, in reading order.
    pub fn standard_lanes(ids: &mut dyn IdSource) -> Vec<Lane> {
        [
            LaneKind::Goal,
            LaneKind::Doing,
            LaneKind::Thinking,
            LaneKind::Feeling,
            LaneKind::Touchpoints,
            LaneKind::Metrics,
            LaneKind::PainPoints,
            LaneKind::Gains,
            LaneKind::Opportunities,
        ]
        .into_iter()
        .map(|kind| Lane {
            id: ids.next_id(),
            kind,
            title: String::new(),
            hidden: false,
        })
        .collect()
    }

    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }
    pub fn lane_index(&self, id: &str) -> Option<usize> {
        self.lanes.iter().position(|l| l.id == id)
    }
    pub fn card_index(&self, id: &str) -> Option<usize> {
        self.cards.iter().position(|c| c.id == id)
    }
    pub fn touchpoint_index(&self, id: &str) -> Option<usize> {
        self.touchpoints.iter().position(|t| t.id == id)
    }
    pub fn persona_index(&self, id: &str) -> Option<usize> {
        self.personas.iter().position(|p| p.id == id)
    }
    pub fn lane(&self, id: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
    /// Whether `card` is a pain point: a card in a Pain points lane (what
    /// an opportunity may answer).
    pub fn is_pain_point(&self, card: &Card) -> bool {
        self.lane(&card.lane)
            .is_some_and(|l| l.kind == LaneKind::PainPoints)
    }
    pub fn touchpoint(&self, id: &str) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == id)
    }
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }
    pub fn action_index(&self, id: &str) -> Option<usize> {
        self.actions.iter().position(|a| a.id == id)
    }

    /// Where a service blueprint's line of visibility is drawn: under the
    /// lane whose id this returns. That is the visible lane just above the
    /// first visible back-stage lane, or, in a map with front-stage lanes
    /// and no back stage, the last visible front-stage lane. `None` when the
    /// map has no visible front- or back-stage lane, or when a back-stage
    /// lane comes first (no lane above it to draw the line under).
    pub fn line_of_visibility_after(&self) -> Option<&str> {
        let visible: Vec<&Lane> = self.lanes.iter().filter(|l| !l.hidden).collect();
        match visible.iter().position(|l| l.kind == LaneKind::Backstage) {
            Some(0) => None,
            Some(i) => Some(visible[i - 1].id.as_str()),
            None => visible
                .iter()
                .rev()
                .find(|l| l.kind == LaneKind::Frontstage)
                .map(|l| l.id.as_str()),
        }
    }

    /// Ids of the cards in one cell, in their order, for the persona view
    /// given (`None`: every card; `Some(p)`: shared cards and `p`'s own).
    pub fn cell_cards(&self, lane: &str, stage: &str, persona: Option<&str>) -> Vec<String> {
        self.cards
            .iter()
            .filter(|c| c.lane == lane && c.stage == stage)
            .filter(|c| match (persona, c.persona.as_deref()) {
                (Some(p), Some(cp)) => p == cp,
                _ => true,
            })
            .map(|c| c.id.clone())
            .collect()
    }

    pub fn stage_touchpoints(&self, stage: &str) -> Vec<String> {
        self.touchpoints
            .iter()
            .filter(|t| t.stage == stage)
            .map(|t| t.id.clone())
            .collect()
    }

    pub fn emotion(&self, stage: &str, persona: Option<&str>, future: bool) -> Option<i8> {
        self.emotions
            .iter()
            .find(|e| e.stage == stage && e.persona.as_deref() == persona && e.future == future)
            .map(|e| e.value)
    }
}

/// Where new ids come from: random in the browser, a counter in tests.
pub trait IdSource {
    fn next_id(&mut self) -> String;
}

/// Deterministic ids (`p1`, `p2`, …) for tests and generated content.
#[derive(Debug, Clone)]
pub struct SequentialIds {
    prefix: String,
    next: u64,
}

impl SequentialIds {
    pub fn new(prefix: &str) -> Self {
        SequentialIds {
            prefix: prefix.to_owned(),
            next: 1,
        }
    }
}

impl IdSource for SequentialIds {
    fn next_id(&mut self) -> String {
        let id = format!("{}{}", self.prefix, self.next);
        self.next += 1;
        id
    }
}

/// A blank map with one card in its second lane (tests of other modules
/// start from it).
#[cfg(test)]
pub fn sample_map(ids: &mut dyn IdSource, title: &str, modified: Millis) -> JourneyMap {
    let mut m = JourneyMap::blank(ids, title, ["A", "B", "C"], modified);
    m.cards.push(Card {
        id: ids.next_id(),
        lane: m.lanes[1].id.clone(),
        stage: m.stages[0].id.clone(),
        persona: None,
        text: "Compare les prix".into(),
        severity: None,
        answers: None,
        ..Default::default()
    });
    m
}

// Read from their snake_case names (as `rename_all = "snake_case"` wrote
// them; see `read_by_name`).
read_by_name!(MapKind: CurrentState = "current_state", DayInTheLife = "day_in_the_life", FutureState = "future_state", ServiceBlueprint = "service_blueprint");
read_by_name!(LaneKind: Goal = "goal", Doing = "doing", Thinking = "thinking", Feeling = "feeling", Touchpoints = "touchpoints", Metrics = "metrics", PainPoints = "pain_points", Gains = "gains", Opportunities = "opportunities", Notes = "notes", Frontstage = "frontstage", Backstage = "backstage", Support = "support");
read_by_name!(Metric: Reach = "reach", Nps = "nps", Csat = "csat", Ces = "ces");
read_by_name!(Weighting: None = "none", PersonaShare = "persona_share");
read_by_name!(Channel: Website = "website", MobileApp = "mobile_app", Store = "store", CallCentre = "call_centre", Email = "email", SocialNetworks = "social_networks", Ads = "ads", Search = "search", Chat = "chat", Mail = "mail", WordOfMouth = "word_of_mouth", Other = "other");
read_by_name!(Classification: Critical = "critical", Complementary = "complementary", Superfluous = "superfluous");
read_by_name!(ActionStatus: Idea = "idea", Planned = "planned", InProgress = "in_progress", Done = "done");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lane_or_map_kind_code_is_its_name_in_the_file_format() {
        for kind in LaneKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        for kind in MapKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
    }

    fn sample() -> JourneyMap {
        let mut ids = SequentialIds::new("t");
        JourneyMap::blank(&mut ids, "Test", ["A", "B", "C"], 1)
    }

    #[test]
    fn blank_map_has_standard_lanes_and_three_stages() {
        let map = sample();
        assert_eq!(map.stages.len(), 3);
        let kinds: Vec<LaneKind> = map.lanes.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[0], LaneKind::Goal);
        assert!(kinds.contains(&LaneKind::Feeling));
        assert!(kinds.contains(&LaneKind::Touchpoints));
        let mut all: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
        all.extend(map.lanes.iter().map(|l| l.id.as_str()));
        all.push(&map.id);
        let unique: std::collections::HashSet<&str> = all.iter().copied().collect();
        assert_eq!(unique.len(), all.len(), "ids must be unique");
    }

    #[test]
    fn cell_cards_filters_by_persona_but_keeps_shared_cards() {
        let mut map = sample();
        let lane = map.lanes[1].id.clone();
        let stage = map.stages[0].id.clone();
        for (id, persona) in [("c1", None), ("c2", Some("p1")), ("c3", Some("p2"))] {
            map.cards.push(Card {
                id: id.into(),
                lane: lane.clone(),
                stage: stage.clone(),
                persona: persona.map(str::to_owned),
                text: String::new(),
                severity: None,
                answers: None,
                ..Default::default()
            });
        }
        assert_eq!(map.cell_cards(&lane, &stage, None), ["c1", "c2", "c3"]);
        assert_eq!(map.cell_cards(&lane, &stage, Some("p1")), ["c1", "c2"]);
    }

    #[test]
    fn channels_split_online_and_offline() {
        let online: Vec<Channel> = Channel::ALL.into_iter().filter(|c| c.is_online()).collect();
        assert!(online.contains(&Channel::Website));
        assert!(!Channel::Store.is_online());
        assert!(!Channel::CallCentre.is_online());
        assert!(!Channel::Mail.is_online());
    }

    #[test]
    fn done_at_follows_the_status() {
        let idea = Action::default();
        let done = idea.clone().with_status(ActionStatus::Done, 10);
        assert_eq!(done.done_at, Some(10));
        // Staying done keeps the first date; leaving done clears it.
        assert_eq!(
            done.clone().with_status(ActionStatus::Done, 20).done_at,
            Some(10)
        );
        let reopened = done.with_status(ActionStatus::InProgress, 30);
        assert_eq!(
            (reopened.status, reopened.done_at),
            (ActionStatus::InProgress, None)
        );
        assert_eq!(idea.with_status(ActionStatus::Planned, 5).done_at, None);
    }

    #[test]
    fn the_line_of_visibility_runs_above_the_back_stage() {
        let mut map = sample();
        assert_eq!(map.line_of_visibility_after(), None);
        for (id, kind) in [
            ("front", LaneKind::Frontstage),
            ("back", LaneKind::Backstage),
            ("support", LaneKind::Support),
        ] {
            map.lanes.push(Lane {
                id: id.into(),
                kind,
                title: String::new(),
                hidden: false,
            });
        }
        assert_eq!(map.line_of_visibility_after(), Some("front"));
        // Under the visible lane above the back stage when front is hidden.
        map.lanes
            .iter_mut()
            .find(|l| l.id == "front")
            .unwrap()
            .hidden = true;
        let above = map.lanes[map.lanes.len() - 4].id.clone();
        assert_eq!(map.line_of_visibility_after(), Some(above.as_str()));
        // No back stage: under the last front-stage lane.
        map.lanes.retain(|l| l.kind != LaneKind::Backstage);
        map.lanes.iter_mut().for_each(|l| l.hidden = false);
        assert_eq!(map.line_of_visibility_after(), Some("front"));
        assert!(LaneKind::Frontstage.holds_cards() && LaneKind::Support.is_blueprint());
    }

    #[test]
    fn unknown_channel_is_rejected_by_serde() {
        let bad = r#"{"id":"t","stage":"s","name":"n","channel":"telepathy"}"#;
        assert!(serde_json::from_str::<Touchpoint>(bad).is_err());
    }
}
