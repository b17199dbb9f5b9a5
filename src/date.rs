//! A calendar date (no time, no zone), as editors write it: `2024-02-22`.
//!
//! Accepted both as a TOML date literal (`date = 2024-02-22`) and as a string
//! (`"2024-02-22"`, the only way JSON can say it), so TOML and JSON files mean
//! the same thing.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`; a TOML datetime with a time part is refused
    /// rather than silently truncated.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || crate::messages::not_a_date(text);
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return Err(bad());
        }
        let (year, month, day) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(crate::messages::not_a_calendar_day(text));
        }
        Ok(Date { year, month, day })
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The key under which the `toml` crate hands a datetime literal to serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl<'de> Visitor<'de> for DateVisitor {
            type Value = Date;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as 2024-02-22")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                match map.next_key::<String>()? {
                    Some(key) if key == TOML_DATETIME_KEY => {
                        let text: String = map.next_value()?;
                        Date::parse(&text).map_err(de::Error::custom)
                    }
                    _ => Err(de::Error::custom(crate::messages::expected_date())),
                }
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        date: Date,
    }

    #[test]
    fn parses_valid_dates_and_refuses_others() {
        let cases = [
            ("2024-02-22", Some((2024, 2, 22))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-2-22", None),
            ("22/02/2024", None),
            ("", None),
            ("2024-02-22T10:00:00", None),
        ];
        for (text, want) in cases {
            let got = Date::parse(text).ok().map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn toml_literal_string_and_json_agree() {
        let a: Doc = toml::from_str("date = 2024-05-07").unwrap();
        let b: Doc = toml::from_str("date = \"2024-05-07\"").unwrap();
        let c: Doc = serde_json::from_str(r#"{"date": "2024-05-07"}"#).unwrap();
        assert_eq!(a.date, b.date);
        assert_eq!(b.date, c.date);
        assert_eq!(a.date.to_string(), "2024-05-07");
    }

    #[test]
    fn toml_datetime_with_time_is_refused() {
        assert!(toml::from_str::<Doc>("date = 2024-05-07T09:54:00").is_err());
        assert!(toml::from_str::<Doc>("date = 5").is_err());
    }
}
