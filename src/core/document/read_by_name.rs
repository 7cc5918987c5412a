//! Reading the document's unit enums (`"pain_points"`, `"in_progress"`)
//! from their names. serde's derived `Deserialize` gave each enum its own
//! visitor, about 1 KB of wasm apiece in the first load; here every enum
//! shares one visitor, which finds the name in the enum's list. Files read
//! the same, with the same errors (`unknown variant `x`, expected one of …`).

use serde::de::{DeserializeSeed, EnumAccess, Error, VariantAccess, Visitor};

/// A unit variant of the enum `enum_name`, named among `names`: what is
/// read is the name's index. The same steps as serde's derive (an enum,
/// its variant's name, nothing after it), so the same errors.
pub struct UnitOf {
    pub enum_name: &'static str,
    pub names: &'static [&'static str],
}

impl<'de> Visitor<'de> for UnitOf {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "enum {}", self.enum_name)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (i, variant) = data.variant_seed(NameIn(self.names))?;
        variant.unit_variant()?;
        Ok(i)
    }
}

/// A variant's name among these: its index.
struct NameIn(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for NameIn {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for NameIn {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: Error>(self, name: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| E::unknown_variant(name, self.0))
    }
}

/// `impl Deserialize` for a unit enum, from `Variant = "name"` pairs (the
/// names it is written with: derive `Serialize` with the same
/// `rename_all`).
macro_rules! read_by_name {
    ($ty:ident: $($variant:ident = $name:literal),+ $(,)?) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),+];
                const VARIANTS: &[$ty] = &[$($ty::$variant),+];
                let i = d.deserialize_enum(
                    stringify!($ty),
                    NAMES,
                    $crate::core::document::read_by_name::UnitOf { enum_name: stringify!($ty), names: NAMES },
                )?;
                Ok(VARIANTS[i])
            }
        }
    };
}
pub(crate) use read_by_name;

#[cfg(test)]
mod tests {
    use crate::core::document::model::{
        ActionStatus, Channel, Classification, LaneKind, MapKind, Metric, Weighting,
    };
    use serde::{de::DeserializeOwned, Deserialize, Serialize};

    /// Every value written and read back is itself.
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy>(all: &[T]) {
        for &v in all {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
        }
    }

    #[test]
    fn every_name_reads_back() {
        round_trip(&LaneKind::ALL);
        round_trip(&MapKind::ALL);
        round_trip(&Metric::ALL);
        round_trip(&[Weighting::None, Weighting::PersonaShare]);
        round_trip(&Channel::ALL);
        round_trip(&Classification::ALL);
        round_trip(&ActionStatus::ALL);
        assert_eq!(
            serde_json::from_str::<LaneKind>("\"pain_points\"").unwrap(),
            LaneKind::PainPoints
        );
        assert_eq!(
            serde_json::from_str::<ActionStatus>("\"in_progress\"").unwrap(),
            ActionStatus::InProgress
        );
    }

    /// What serde's derive did, for comparison.
    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Derived {
        Idea,
        Planned,
        InProgress,
        Done,
    }

    #[test]
    fn read_and_errors_as_serdes_derive() {
        for bad in [
            "\"telepathy\"",
            "\"\"",
            "\"Idea\"",
            "3",
            "null",
            "[\"idea\"]",
            "\"idea",
            "{\"idea\":null}",
            "{\"idea\":1}",
            "{\"telepathy\":null}",
            "{}",
        ] {
            // Read or not the same way, with the same message.
            let ours = serde_json::from_str::<ActionStatus>(bad).map_err(|e| e.to_string());
            let derived = serde_json::from_str::<Derived>(bad).map_err(|e| e.to_string());
            assert_eq!(
                ours.map(|v| format!("{v:?}")),
                derived.map(|v| format!("{v:?}")),
                "{bad}"
            );
        }
        // Inside a map: the same message at the same place.
        let json = r#"{"id":"a","kind":"telepathy"}"#;
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Lane {
            id: String,
            kind: LaneKind,
        }
        let err = serde_json::from_str::<Lane>(json).unwrap_err().to_string();
        assert!(
            err.starts_with("unknown variant `telepathy`, expected one of `goal`, `doing`"),
            "{err}"
        );
    }
}
