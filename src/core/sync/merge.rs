//! Merging a teammate's copy of a map into ours, item by item and field by
//! field. What only one side changed since the other last saw it is taken;
//! where both changed the same thing differently the merge keeps our value
//! for now and lists a [`Conflict`], which the user settles with
//! [`resolve`]. Nothing is dropped without one side having seen it.

use crate::core::formats::envelope::Flaw;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::clock::{Dot, SyncState, CREATED};
use super::items::{compose, map_fields, Collection, Item, MAP_ITEM};
use super::stamp::{keep_on_purpose, record};
use crate::core::document::comment;
use crate::core::document::model::JourneyMap;
use crate::core::formats::envelope::{validate, Problem};

/// Which copy a value comes from: ours (in the library) or theirs (the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConflictKind {
    /// Both copies changed this field, to different values (`Null`: absent).
    Field {
        field: String,
        ours: Value,
        theirs: Value,
    },
    /// One copy deleted the item; the other changed it, or added to it.
    Removed { removed_in: Side },
    /// Both copies reordered this group of items differently.
    Order { group: String, theirs: Vec<String> },
}

/// Something both copies changed differently. The merged map holds our
/// side until [`resolve`] says otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The item's key (`stage/<id>`, `card/<id>`, `map`…).
    pub item: String,
    /// What the item is called, to show the user (a stage's name, a card's text).
    pub label: String,
    pub kind: ConflictKind,
}

impl Conflict {
    /// The collection of the item, `None` for the map's own fields.
    pub fn collection(&self) -> Option<Collection> {
        match &self.kind {
            ConflictKind::Order { group, .. } => Collection::ALL
                .into_iter()
                .find(|c| group_belongs(*c, group)),
            _ => Collection::of_key(&self.item),
        }
    }

    /// The side the merged map shows until the user chooses: ours, except
    /// that an item one copy deleted is shown kept (the other copy's side).
    pub fn shown(&self) -> Side {
        match self.kind {
            ConflictKind::Removed { removed_in } => removed_in.other(),
            _ => Side::Ours,
        }
    }
}

/// The result of [`merge`].
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged map, with our side of every conflict.
    pub map: JourneyMap,
    pub conflicts: Vec<Conflict>,
    /// How many changes came from their copy (fields, items added or
    /// deleted, groups reordered), conflicts not counted.
    pub from_theirs: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MergeError {
    /// The two files are different maps (their ids differ).
    NotTheSameMap,
    /// The merge would give a map that does not hold together. A bug, never
    /// a user's doing: reported rather than saved.
    Invalid(Vec<Problem>),
}

impl std::error::Error for MergeError {}

/// What to do with a value both sides hold differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Take(Side),
    Conflict,
}

/// Our dot `da` against theirs `db`: the side whose change the other has
/// seen loses; if each has seen the other's, or neither, it is a conflict.
fn pick(ours: &SyncState, da: Option<&Dot>, theirs: &SyncState, db: Option<&Dot>) -> Pick {
    let ours_known_to_them = theirs.has_seen(da);
    let theirs_known_to_us = ours.has_seen(db);
    match (ours_known_to_them, theirs_known_to_us) {
        (false, true) => Pick::Take(Side::Ours),
        (true, false) => Pick::Take(Side::Theirs),
        _ => Pick::Conflict,
    }
}

/// The later of two optional dots (ordered by counter, then replica).
fn later<'a>(a: Option<&'a Dot>, b: Option<&'a Dot>) -> Option<&'a Dot> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if (b.1, &b.0) > (a.1, &a.0) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The dot to keep for a value both copies hold alike: the one that has
/// seen the other's, else the later.
fn kept_dot<'a>(
    ours: &SyncState,
    da: Option<&'a Dot>,
    theirs: &SyncState,
    db: Option<&'a Dot>,
) -> Option<&'a Dot> {
    match pick(ours, da, theirs, db) {
        _ if da == db => da,
        Pick::Take(Side::Ours) => da,
        Pick::Take(Side::Theirs) => db,
        Pick::Conflict => later(da, db),
    }
}

/// The two copies, side by side.
struct Copies<'a> {
    ours: &'a JourneyMap,
    theirs: &'a JourneyMap,
}

impl<'a> Copies<'a> {
    fn map(&self, side: Side) -> &'a JourneyMap {
        match side {
            Side::Ours => self.ours,
            Side::Theirs => self.theirs,
        }
    }
    fn sync(&self, side: Side) -> &'a SyncState {
        &self.map(side).sync
    }
}

/// The merge in progress.
struct Merging<'a> {
    copies: Copies<'a>,
    sync: SyncState,
    conflicts: Vec<Conflict>,
    from_theirs: usize,
    /// Names of stages by id (both copies), to label emotions.
    stage_names: HashMap<String, String>,
}

/// One collection's items, as the merge decides them.
struct Sorting {
    collection: Collection,
    ours: Vec<Item>,
    theirs: Vec<Item>,
    /// Items both copies hold, merged field by field.
    common: HashMap<String, Item>,
    /// Items only one copy holds.
    one_sided: HashMap<String, Item>,
    /// Those of them the merge keeps, and which copy holds them.
    kept: HashMap<String, Side>,
    /// Items one copy holds and the other deleted, having seen all of them:
    /// key → the side holding them.
    dropped: HashMap<String, Side>,
}

/// Merge their copy into ours.
pub fn merge(ours: &JourneyMap, theirs: &JourneyMap) -> Result<Merged, MergeError> {
    if ours.id != theirs.id {
        return Err(MergeError::NotTheSameMap);
    }
    let mut m = Merging {
        copies: Copies { ours, theirs },
        sync: SyncState {
            clock: SyncState::joined_clock(&ours.sync, &theirs.sync),
            ..SyncState::default()
        },
        conflicts: Vec::new(),
        from_theirs: 0,
        stage_names: theirs
            .stages
            .iter()
            .chain(&ours.stages)
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
    };

    let title = ours.title.clone();
    let fields = m.merge_fields(
        MAP_ITEM,
        &title,
        &[],
        &map_fields(ours),
        &map_fields(theirs),
        None,
    );

    let mut sortings: Vec<Sorting> = Collection::ALL
        .into_iter()
        .map(|c| m.sort_items(c))
        .collect();
    m.keep_what_is_referenced(&mut sortings);
    let collections: Vec<(Collection, Vec<Item>)> = sortings
        .into_iter()
        .map(|s| (s.collection, m.order(s)))
        .collect();

    // Tombstones: every deletion either side knows, unless the item stays.
    let present: HashSet<&str> = collections
        .iter()
        .flat_map(|(_, items)| items.iter().map(|i| i.key.as_str()))
        .collect();
    for (key, dot) in ours.sync.removed.iter().chain(&theirs.sync.removed) {
        if !present.contains(key.as_str()) {
            let (da, db) = (ours.sync.removed.get(key), theirs.sync.removed.get(key));
            let dot = kept_dot(&ours.sync, da, &theirs.sync, db).unwrap_or(dot);
            m.sync.removed.insert(key.clone(), dot.clone());
        }
    }

    let identity = (
        ours.id.as_str(),
        ours.created.min(theirs.created),
        ours.modified.max(theirs.modified),
    );
    let map = compose(identity, fields, collections, &m.sync)
        .map_err(|e| MergeError::Invalid(vec![problem("map", Flaw::Json(e.to_string()))]))?;
    check(&map)?;
    Ok(Merged {
        map,
        conflicts: m.conflicts,
        from_theirs: m.from_theirs,
    })
}

fn problem(path: &str, message: Flaw) -> Problem {
    Problem {
        path: path.to_owned(),
        message,
    }
}

/// The merged map holds together (`validate` checks its sync section too).
fn check(map: &JourneyMap) -> Result<(), MergeError> {
    let problems = validate(map);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(MergeError::Invalid(problems))
    }
}

impl Merging<'_> {
    /// Merge the fields of one item both copies hold; records the stamps of
    /// the result and any conflict. `created`: the item's creation dot in the
    /// result (its fields inherit it).
    fn merge_fields(
        &mut self,
        key: &str,
        label: &str,
        key_fields: &[&str],
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
        created: Option<&Dot>,
    ) -> Map<String, Value> {
        let (so, st) = (self.copies.sync(Side::Ours), self.copies.sync(Side::Theirs));
        let mut merged = Map::new();
        let mut stamps: BTreeMap<String, Dot> = BTreeMap::new();
        if let Some(created) = created {
            stamps.insert(CREATED.to_owned(), created.clone());
        }
        let mut names: Vec<&String> = ours.keys().chain(theirs.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            let (va, vb) = (ours.get(name), theirs.get(name));
            if key_fields.contains(&name.as_str()) {
                if let Some(v) = va.or(vb) {
                    merged.insert(name.clone(), v.clone());
                }
                continue;
            }
            let (da, db) = (so.field_dot(key, name), st.field_dot(key, name));
            // Comments both copies changed: every comment and reply of either
            // is kept (comment::merge), unless a list does not read.
            let comments = (va != vb && key == MAP_ITEM && name == "comments")
                .then(|| comment::merge(&self.copies.ours.comments, &self.copies.theirs.comments))
                .flatten();
            let (value, dot) = if va == vb {
                (va, kept_dot(so, da, st, db))
            } else {
                match pick(so, da, st, db) {
                    Pick::Take(Side::Ours) => (va, da),
                    Pick::Take(Side::Theirs) => {
                        self.from_theirs += 1;
                        (vb, db)
                    }
                    Pick::Conflict if comments.is_some() => {
                        let union = comments.as_ref().map(|c| c.json()).unwrap_or("[]");
                        merged.insert(
                            name.clone(),
                            serde_json::from_str(union).unwrap_or(Value::Null),
                        );
                        if let Some(dot) = later(da, db) {
                            stamps.insert(name.clone(), dot.clone());
                        }
                        self.from_theirs += 1;
                        continue;
                    }
                    Pick::Conflict if name == "readings" => {
                        // A touchpoint's readings are a dated history both
                        // copies only add to: keep every reading of either.
                        let union = union_of_readings(va, vb);
                        merged.insert(name.clone(), union);
                        if let Some(dot) = later(da, db) {
                            stamps.insert(name.clone(), dot.clone());
                        }
                        self.from_theirs += 1;
                        continue;
                    }
                    Pick::Conflict => {
                        self.conflicts.push(Conflict {
                            item: key.to_owned(),
                            label: label.to_owned(),
                            kind: ConflictKind::Field {
                                field: name.clone(),
                                ours: va.cloned().unwrap_or(Value::Null),
                                theirs: vb.cloned().unwrap_or(Value::Null),
                            },
                        });
                        (va, da)
                    }
                }
            };
            if let Some(value) = value {
                merged.insert(name.clone(), value.clone());
            }
            // A field only needs its own stamp when it does not inherit it.
            if dot != created {
                if let Some(dot) = dot {
                    stamps.insert(name.clone(), dot.clone());
                }
            }
        }
        if !stamps.is_empty() {
            self.sync.stamps.insert(key.to_owned(), stamps);
        }
        merged
    }

    /// Decide which items of a collection the merge holds.
    fn sort_items(&mut self, collection: Collection) -> Sorting {
        let ours = collection.items(self.copies.ours);
        let theirs = collection.items(self.copies.theirs);
        let theirs_by_key: HashMap<&str, &Item> =
            theirs.iter().map(|i| (i.key.as_str(), i)).collect();
        let ours_keys: HashSet<&str> = ours.iter().map(|i| i.key.as_str()).collect();
        let mut sorting = Sorting {
            collection,
            common: HashMap::new(),
            one_sided: HashMap::new(),
            kept: HashMap::new(),
            dropped: HashMap::new(),
            ours: Vec::new(),
            theirs: Vec::new(),
        };
        for a in &ours {
            if let Some(b) = theirs_by_key.get(a.key.as_str()) {
                let (so, st) = (self.copies.sync(Side::Ours), self.copies.sync(Side::Theirs));
                let created = kept_dot(
                    so,
                    so.stamps.get(&a.key).and_then(|s| s.get(CREATED)),
                    st,
                    st.stamps.get(&a.key).and_then(|s| s.get(CREATED)),
                )
                .cloned();
                let label = self.label(collection, &a.fields);
                let fields = self.merge_fields(
                    &a.key,
                    &label,
                    collection.key_fields(),
                    &a.fields,
                    &b.fields,
                    created.as_ref(),
                );
                sorting
                    .common
                    .insert(a.key.clone(), Item::new(collection, fields));
            } else {
                self.sort_one_sided(&mut sorting, a, Side::Ours);
            }
        }
        for b in &theirs {
            if !ours_keys.contains(b.key.as_str()) {
                self.sort_one_sided(&mut sorting, b, Side::Theirs);
            }
        }
        sorting.ours = ours;
        sorting.theirs = theirs;
        sorting
    }

    /// An item only `holder` has: new there, or deleted by the other copy.
    fn sort_one_sided(&mut self, sorting: &mut Sorting, item: &Item, holder: Side) {
        sorting.one_sided.insert(item.key.clone(), item.clone());
        let mine = self.copies.sync(holder);
        let other = self.copies.sync(holder.other());
        let Some(tombstone) = other.removed.get(&item.key) else {
            // The other copy never had it: it is new.
            self.keep(sorting, item, holder);
            if holder == Side::Theirs {
                self.from_theirs += 1;
            }
            return;
        };
        if mine.item_seen_by(&item.key, other) {
            // Deleted by a copy that had seen all of it.
            sorting.dropped.insert(item.key.clone(), holder);
            if holder == Side::Ours {
                self.from_theirs += 1;
            }
        } else if mine.has_seen(Some(tombstone)) {
            // Changed after this copy saw it deleted (brought back on purpose).
            self.keep(sorting, item, holder);
        } else {
            self.keep(sorting, item, holder);
            self.conflicts.push(Conflict {
                item: item.key.clone(),
                label: self.label(sorting.collection, &item.fields),
                kind: ConflictKind::Removed {
                    removed_in: holder.other(),
                },
            });
        }
    }

    /// Keep an item only `holder` has, with its stamps.
    fn keep(&mut self, sorting: &mut Sorting, item: &Item, holder: Side) {
        sorting.kept.insert(item.key.clone(), holder);
        if let Some(stamps) = self.copies.sync(holder).stamps.get(&item.key) {
            self.sync.stamps.insert(item.key.clone(), stamps.clone());
        }
    }

    /// Items kept that name a dropped item (a card in a stage the other
    /// copy deleted): the dropped item stays, as a conflict to settle.
    fn keep_what_is_referenced(&mut self, sortings: &mut [Sorting]) {
        loop {
            let mut wanted: Vec<String> = Vec::new();
            for s in sortings.iter() {
                let present = s
                    .common
                    .values()
                    .chain(s.kept.keys().filter_map(|key| s.one_sided.get(key)));
                for item in present {
                    wanted.extend(references(s.collection, &item.fields, false));
                }
            }
            let mut changed = false;
            for key in wanted {
                let Some(c) = Collection::of_key(&key) else {
                    continue;
                };
                let Some(s) = sortings.iter_mut().find(|s| s.collection == c) else {
                    continue;
                };
                let Some(holder) = s.dropped.remove(&key) else {
                    continue;
                };
                let Some(item) = s.one_sided.get(&key).cloned() else {
                    continue;
                };
                if holder == Side::Ours {
                    self.from_theirs -= 1;
                }
                self.keep(s, &item, holder);
                self.conflicts.push(Conflict {
                    item: key.clone(),
                    label: self.label(c, &item.fields),
                    kind: ConflictKind::Removed {
                        removed_in: holder.other(),
                    },
                });
                changed = true;
            }
            if !changed {
                return;
            }
        }
    }

    /// The items of a collection in their merged order: our order, or
    /// theirs for groups only they reordered; items one copy added go after
    /// the item they followed there.
    fn order(&mut self, mut s: Sorting) -> Vec<Item> {
        let collection = s.collection;
        let (so, st) = (self.copies.sync(Side::Ours), self.copies.sync(Side::Theirs));
        let mut base: Vec<String> = s
            .ours
            .iter()
            .filter(|i| s.common.contains_key(&i.key))
            .map(|i| i.key.clone())
            .collect();

        // Groups both hold in a different relative order.
        let group_of = |key: &String| s.common[key].group.clone();
        let mut groups: Vec<String> = if collection.ordered() {
            base.iter().map(group_of).collect()
        } else {
            Vec::new()
        };
        groups.sort();
        groups.dedup();
        for group in groups {
            let in_group = |i: &&Item| s.common.get(&i.key).is_some_and(|c| c.group == group);
            let a: Vec<String> = s
                .ours
                .iter()
                .filter(in_group)
                .map(|i| i.key.clone())
                .collect();
            let b: Vec<String> = s
                .theirs
                .iter()
                .filter(in_group)
                .map(|i| i.key.clone())
                .collect();
            let (da, db) = (so.orders.get(&group), st.orders.get(&group));
            if a == b {
                if let Some(dot) = kept_dot(so, da, st, db) {
                    self.sync.orders.insert(group.clone(), dot.clone());
                }
                continue;
            }
            match pick(so, da, st, db) {
                Pick::Take(Side::Ours) => {
                    if let Some(dot) = da {
                        self.sync.orders.insert(group.clone(), dot.clone());
                    }
                }
                Pick::Take(Side::Theirs) => {
                    self.from_theirs += 1;
                    reorder(&mut base, &b);
                    if let Some(dot) = db {
                        self.sync.orders.insert(group.clone(), dot.clone());
                    }
                }
                Pick::Conflict => {
                    if let Some(dot) = da {
                        self.sync.orders.insert(group.clone(), dot.clone());
                    }
                    self.conflicts.push(Conflict {
                        item: group.clone(),
                        label: collection.field().to_owned(),
                        kind: ConflictKind::Order { group, theirs: b },
                    });
                }
            }
        }
        // Order stamps of groups that hold nothing in common are kept too.
        for (group, dot) in so.orders.iter().chain(&st.orders) {
            if group_belongs(collection, group) && !self.sync.orders.contains_key(group) {
                let dot =
                    kept_dot(so, so.orders.get(group), st, st.orders.get(group)).unwrap_or(dot);
                self.sync.orders.insert(group.clone(), dot.clone());
            }
        }

        // Runs of items one copy added, after the common item they followed.
        let mut runs: HashMap<Option<String>, Vec<Vec<String>>> = HashMap::new();
        for (side, items) in [(Side::Ours, &s.ours), (Side::Theirs, &s.theirs)] {
            let mut anchor: Option<String> = None;
            let mut run: Vec<String> = Vec::new();
            for item in items {
                if s.common.contains_key(&item.key) {
                    if !run.is_empty() {
                        runs.entry(anchor.clone())
                            .or_default()
                            .push(std::mem::take(&mut run));
                    }
                    anchor = Some(item.key.clone());
                } else if s.kept.get(&item.key) == Some(&side) {
                    run.push(item.key.clone());
                }
            }
            if !run.is_empty() {
                runs.entry(anchor).or_default().push(run);
            }
        }
        for list in runs.values_mut() {
            list.sort();
        }
        let mut order: Vec<String> = Vec::new();
        let mut place_runs = |anchor: Option<String>, order: &mut Vec<String>| {
            if let Some(list) = runs.remove(&anchor) {
                order.extend(list.into_iter().flatten());
            }
        };
        place_runs(None, &mut order);
        for key in base {
            order.push(key.clone());
            place_runs(Some(key), &mut order);
        }

        order
            .into_iter()
            .filter_map(|key| {
                if let Some(item) = s.common.remove(&key) {
                    return Some(item);
                }
                s.kept
                    .contains_key(&key)
                    .then(|| s.one_sided.remove(&key))?
            })
            .collect()
    }

    /// What an item is called, for the user.
    fn label(&self, collection: Collection, fields: &Map<String, Value>) -> String {
        let text = |f: &str| fields.get(f).and_then(Value::as_str).unwrap_or_default();
        match collection {
            Collection::Personas | Collection::Stages | Collection::Touchpoints => {
                text("name").to_owned()
            }
            Collection::Lanes => match text("title") {
                "" => text("kind").to_owned(),
                title => title.to_owned(),
            },
            Collection::Cards => text("text").to_owned(),
            Collection::Actions => text("title").to_owned(),
            Collection::Emotions => self
                .stage_names
                .get(text("stage"))
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// Does an order stamp's group belong to this collection?
fn group_belongs(collection: Collection, group: &str) -> bool {
    group
        .strip_prefix(collection.field())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
}

/// Put the items of `wanted` (a subset of `base`) in `wanted`'s order, in
/// the places they hold in `base`.
fn reorder(base: &mut [String], wanted: &[String]) {
    let members: HashSet<&String> = wanted.iter().collect();
    let slots: Vec<usize> = (0..base.len())
        .filter(|&i| members.contains(&base[i]))
        .collect();
    for (slot, key) in slots.into_iter().zip(wanted) {
        base[slot] = key.clone();
    }
}

/// The keys of the items an item names (its stage, lane, persona…).
/// `needed_only`: only those it cannot exist without (not an action's link
/// to a card, nor a reading's persona slice).
fn references(
    collection: Collection,
    fields: &Map<String, Value>,
    needed_only: bool,
) -> Vec<String> {
    let id = |f: &str| fields.get(f).and_then(Value::as_str);
    let mut keys = Vec::new();
    let mut push = |kind: &str, id: Option<&str>| {
        if let Some(id) = id {
            keys.push(format!("{kind}/{id}"));
        }
    };
    match collection {
        Collection::Cards => {
            push("stage", id("stage"));
            push("lane", id("lane"));
            push("persona", id("persona"));
            if !needed_only {
                // An opportunity's pain point.
                push("card", id("answers"));
            }
        }
        Collection::Touchpoints => {
            push("stage", id("stage"));
            if needed_only {
                return keys;
            }
            let readings = fields.get("readings").and_then(Value::as_array);
            for reading in readings.into_iter().flatten() {
                let slices = reading.get("personas").and_then(Value::as_array);
                for slice in slices.into_iter().flatten() {
                    push("persona", slice.get("persona").and_then(Value::as_str));
                }
            }
        }
        Collection::Emotions => {
            push("stage", id("stage"));
            push("persona", id("persona"));
        }
        Collection::Actions if !needed_only => {
            push("card", id("card"));
            push("touchpoint", id("touchpoint"));
        }
        _ => {}
    }
    keys
}

/// Both copies' readings of a touchpoint, each once, in date order.
fn union_of_readings(ours: Option<&Value>, theirs: Option<&Value>) -> Value {
    let mut all: Vec<Value> = Vec::new();
    for list in [ours, theirs].into_iter().flatten() {
        for reading in list.as_array().into_iter().flatten() {
            if !all.contains(reading) {
                all.push(reading.clone());
            }
        }
    }
    let at = |r: &Value| r.get("at").and_then(Value::as_i64).unwrap_or(0);
    all.sort_by(|a, b| {
        at(a)
            .cmp(&at(b))
            .then_with(|| a.to_string().cmp(&b.to_string()))
    });
    Value::Array(all)
}

/// Settle the conflicts: `choices[i]` is the side whose version of
/// `merged.conflicts[i]` wins (for an item one copy deleted: that copy's
/// side deletes it, the other keeps it). The choices become new changes of
/// `replica`, so they win over both copies in later merges.
pub fn resolve(merged: &Merged, choices: &[Side], replica: &str) -> Result<JourneyMap, MergeError> {
    let map = &merged.map;
    let mut fields = map_fields(map);
    let mut collections: Vec<(Collection, Vec<Item>)> = Collection::ALL
        .into_iter()
        .map(|c| (c, c.items(map)))
        .collect();
    let mut removed: HashSet<String> = HashSet::new();
    let mut kept: Vec<String> = Vec::new();
    for (conflict, &choice) in merged.conflicts.iter().zip(choices) {
        match (&conflict.kind, choice) {
            (ConflictKind::Removed { removed_in }, choice) => {
                if *removed_in == choice {
                    removed.insert(conflict.item.clone());
                } else {
                    kept.push(conflict.item.clone());
                }
            }
            (_, Side::Ours) => {}
            (ConflictKind::Field { field, theirs, .. }, Side::Theirs) => {
                let target = if conflict.item == MAP_ITEM {
                    Some(&mut fields)
                } else {
                    collections
                        .iter_mut()
                        .flat_map(|(_, items)| items.iter_mut())
                        .find(|i| i.key == conflict.item)
                        .map(|i| &mut i.fields)
                };
                if let Some(target) = target {
                    if theirs.is_null() {
                        target.remove(field);
                    } else {
                        target.insert(field.clone(), theirs.clone());
                    }
                }
            }
            (ConflictKind::Order { group, theirs }, Side::Theirs) => {
                for (_, items) in collections.iter_mut() {
                    let mut keys: Vec<String> = items.iter().map(|i| i.key.clone()).collect();
                    let present: HashSet<&String> = keys.iter().collect();
                    let wanted: Vec<String> = theirs
                        .iter()
                        .filter(|k| present.contains(k))
                        .cloned()
                        .collect();
                    if items.iter().any(|i| &i.group == group) {
                        reorder(&mut keys, &wanted);
                        let mut by_key: HashMap<String, Item> =
                            items.drain(..).map(|i| (i.key.clone(), i)).collect();
                        items.extend(keys.iter().filter_map(|k| by_key.remove(k)));
                    }
                }
            }
        }
    }
    remove_with_dependents(&mut collections, removed);
    let identity = (map.id.as_str(), map.created, map.modified);
    let mut resolved = compose(identity, fields, collections, &map.sync)
        .map_err(|e| MergeError::Invalid(vec![problem("map", Flaw::Json(e.to_string()))]))?;
    record(map, &mut resolved, replica);
    // Kept items a stage's deletion took with it are not kept after all.
    let present: HashSet<String> = Collection::ALL
        .into_iter()
        .flat_map(|c| c.items(&resolved))
        .map(|i| i.key)
        .collect();
    kept.retain(|key| present.contains(key));
    keep_on_purpose(&mut resolved, &kept, replica);
    check(&resolved)?;
    Ok(resolved)
}

/// Remove items and everything that needs them (a stage's cards and
/// touchpoints); links from actions to a removed card or touchpoint, and
/// from opportunities to a removed pain point, are cut.
fn remove_with_dependents(
    collections: &mut [(Collection, Vec<Item>)],
    mut removed: HashSet<String>,
) {
    loop {
        let before = removed.len();
        for (collection, items) in collections.iter() {
            for item in items {
                if removed.contains(&item.key) {
                    continue;
                }
                if references(*collection, &item.fields, true)
                    .iter()
                    .any(|r| removed.contains(r))
                {
                    removed.insert(item.key.clone());
                }
            }
        }
        if removed.len() == before {
            break;
        }
    }
    for (collection, items) in collections.iter_mut() {
        items.retain(|i| !removed.contains(&i.key));
        for item in items.iter_mut() {
            match collection {
                Collection::Actions => {
                    for link in ["card", "touchpoint"] {
                        let target = item
                            .fields
                            .get(link)
                            .and_then(Value::as_str)
                            .map(|id| format!("{link}/{id}"));
                        if target.is_some_and(|t| removed.contains(&t)) {
                            item.fields.insert(link.to_owned(), Value::Null);
                        }
                    }
                }
                Collection::Touchpoints => {
                    drop_removed_persona_slices(&mut item.fields, &removed);
                }
                Collection::Cards => {
                    let answers = item.fields.get("answers").and_then(Value::as_str);
                    if answers.is_some_and(|id| removed.contains(&format!("card/{id}"))) {
                        item.fields.remove("answers");
                    }
                }
                _ => {}
            }
        }
    }
}

fn drop_removed_persona_slices(fields: &mut Map<String, Value>, removed: &HashSet<String>) {
    let Some(Value::Array(readings)) = fields.get_mut("readings") else {
        return;
    };
    for reading in readings {
        if let Some(Value::Array(slices)) = reading.get_mut("personas") {
            slices.retain(|s| {
                let persona = s.get("persona").and_then(Value::as_str).unwrap_or_default();
                !removed.contains(&format!("persona/{persona}"))
            });
        }
    }
}
