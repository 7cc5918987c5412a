//! Where a report is: `#/report/<map id>` for the whole map, or
//! `#/report/<map id>/<department>` for one department's report, its name
//! percent-encoded (`Service%20client`), and so is the map id
//! (`route_text::encode_id`: any id a file may carry).

use crate::core::text::route_text::{decode_id, encode_id, percent_decode, percent_encode};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportAddress {
    pub map: String,
    /// Only this department's touchpoints, actions and figures.
    pub department: Option<String>,
}

impl ReportAddress {
    /// From what follows `report/` in the fragment; `None` when the map id
    /// or the department is not well encoded.
    pub fn parse(rest: &str) -> Option<ReportAddress> {
        let (map, department) = match rest.bytes().position(|b| b == b'/') {
            Some(slash) => (&rest[..slash], Some(&rest[slash + 1..])),
            None => (rest, None),
        };
        let map = decode_id(map)?;
        let department = match department {
            // A trailing slash, or a name of spaces only: the whole map.
            None | Some("") => None,
            Some(text) => Some(percent_decode(text)?)
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty()),
        };
        Some(ReportAddress { map, department })
    }

    /// What follows `report/` in the fragment.
    pub fn path(&self) -> String {
        match &self.department {
            Some(d) => format!("{}/{}", encode_id(&self.map), percent_encode(d)),
            None => encode_id(&self.map),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(map: &str, department: Option<&str>) -> ReportAddress {
        ReportAddress {
            map: map.into(),
            department: department.map(str::to_owned),
        }
    }

    #[test]
    fn a_report_of_the_whole_map_or_of_one_department() {
        assert_eq!(ReportAddress::parse("ab12"), Some(address("ab12", None)));
        assert_eq!(ReportAddress::parse("ab12/"), Some(address("ab12", None)));
        assert_eq!(
            ReportAddress::parse("ab12/Service%20client"),
            Some(address("ab12", Some("Service client")))
        );
        assert_eq!(
            ReportAddress::parse("ab12/%C3%89quipe%20Logistique"),
            Some(address("ab12", Some("Équipe Logistique")))
        );
        // A slash inside a name is encoded, so the first one ends the map id.
        assert_eq!(
            ReportAddress::parse("ab12/R%2FD"),
            Some(address("ab12", Some("R/D")))
        );
        assert_eq!(
            ReportAddress::parse("ab12/%20%20"),
            Some(address("ab12", None))
        );
    }

    #[test]
    fn odd_ids_and_broken_names_are_refused() {
        for bad in ["", "/Ventes", "a b", "<img>/x", "ab12/%zz", "ab12/%C3"] {
            assert_eq!(ReportAddress::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_path_reads_back_as_the_same_address() {
        for a in [
            address("m1", None),
            address("m1", Some("Service client")),
            address("m-_2", Some("Équipe/R&D #2 ?")),
            address("a b/c#d%e", Some("Ventes")),
            address("été", None),
        ] {
            let path = a.path();
            assert!(!path.contains(['#', '?', ' ']), "{path}");
            assert_eq!(ReportAddress::parse(&path), Some(a));
        }
        assert_eq!(
            address("m1", Some("Service client")).path(),
            "m1/Service%20client"
        );
        assert_eq!(address("a b/c", Some("R/D")).path(), "a%20b%2Fc/R%2FD");
    }
}
