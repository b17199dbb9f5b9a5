//! Tera filters for Vietnamese numbers, dates and rank phrases, so that
//! templates never format a figure by hand. Each filter accepts `null` and
//! prints a dash (or nothing) for it, because a missing figure is normal in
//! this domain (a rank published without its score).

use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

use super::figure::{self, MISSING};
use crate::date::Date;
use crate::messages as msg;
use crate::vi;

/// Registers every filter on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("number", number);
    tera.register_filter("signed", signed);
    tera.register_filter("rank_change", rank_change);
    tera.register_filter("vi_date", vi_date);
    tera.register_filter("vi_text", vi_text);
}

/// `{{ "Nhóm \"A\" (≥ 90%), 2021-2024" | vi_text }}` → `Nhóm “A” (≥ 90%),
/// 2021–2024`, the space after `≥` a no-break one: Vietnamese typography
/// (`vi::typography::text`) for text a template writes: no-break spaces,
/// typographic quotes, the en dash in a range.
fn vi_text(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    match value.as_str() {
        Some(text) => Ok(vi::typography::text(text).into_owned()),
        None if value.is_none() => Ok(String::new()),
        None => Ok(vi::typography::text(&value.to_string()).into_owned()),
    }
}

fn decimals(kwargs: &Kwargs, default: u32) -> TeraResult<u32> {
    let bad = || Error::message(msg::filter_decimals());
    match kwargs.get::<Value>("decimals")? {
        None => Ok(default),
        Some(v) if v.is_none() => Ok(default),
        Some(v) => v
            .as_u64()
            .filter(|d| *d <= 12)
            .map(|d| d as u32)
            .ok_or_else(bad),
    }
}

/// `{{ 88.35 | number(decimals=2) }}` → `88,35`; `{{ 19536 | number }}` →
/// `19.536`; without `decimals`, a float keeps the decimals it was written
/// with (`{{ 93.364 | number }}` → `93,364`).
fn number(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    if value.is_none() {
        return Ok(MISSING.to_owned());
    }
    if let Some(n) = value.as_i64() {
        return Ok(figure::number(n as f64, decimals(&kwargs, 0)?));
    }
    match value.as_f64() {
        Some(v) if value.is_f64() => Ok(figure::number(
            v,
            decimals(&kwargs, vi::written_decimals(v))?,
        )),
        Some(v) => Ok(figure::number(v, decimals(&kwargs, 0)?)),
        None => Err(Error::message(msg::filter_needs_number(
            "number",
            &value.to_string(),
        ))),
    }
}

/// `{{ 2.4 | signed(decimals=2) }}` → `+2,40`.
fn signed(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    match value.as_f64() {
        Some(v) => Ok(vi::format_signed(v, decimals(&kwargs, 2)?)),
        None if value.is_none() => Ok(MISSING.to_owned()),
        None => Err(Error::message(msg::filter_needs_number(
            "signed",
            &value.to_string(),
        ))),
    }
}

/// `{{ 10 | rank_change }}` → `tăng 10 bậc` (positive means moved up).
fn rank_change(value: &Value, _: Kwargs, _: &State) -> TeraResult<String> {
    match value.as_i64() {
        Some(delta) => Ok(super::cells::on_one_line(&vi::rank_change_phrase(delta))),
        None if value.is_none() => Ok(String::new()),
        None => Err(Error::message(msg::filter_needs_whole_number(
            "rank_change",
            &value.to_string(),
        ))),
    }
}

/// `{{ "2024-05-07" | vi_date }}` → `Thứ Ba, 07/05/2024`;
/// `vi_date(format="short")` → `07/05/2024`.
fn vi_date(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let Some(text) = value.as_str() else {
        return if value.is_none() {
            Ok(String::new())
        } else {
            Err(Error::message(msg::filter_needs_date(&value.to_string())))
        };
    };
    let date = Date::parse(text).map_err(Error::message)?;
    let long = match kwargs.get::<&str>("format")? {
        None | Some("long") => true,
        Some("short") => false,
        Some(other) => return Err(Error::message(msg::filter_date_format(other))),
    };
    Ok(if long {
        vi::format_date_long(date.year, date.month, date.day)
    } else {
        vi::format_date_short(date.year, date.month, date.day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, context: &tera::Context) -> String {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.render_str(template, context, true).unwrap()
    }

    #[test]
    fn filters_format_the_vietnamese_way() {
        let mut ctx = tera::Context::new();
        ctx.insert("score", &88.35);
        ctx.insert("papi", &44.3138);
        ctx.insert("count", &19536);
        ctx.insert("up", &10);
        ctx.insert("down", &-2);
        ctx.insert("none", &Option::<f64>::None);
        let cases = [
            ("{{ score | number(decimals=2) }}", "88,35"),
            ("{{ papi | number(decimals=4) }}", "44,3138"),
            ("{{ count | number }}", "19.536"),
            ("{{ 93.364 | number }}", "93,364"),
            ("{{ 98.0 | number }}", "98"),
            ("{{ 88.5 | number }}", "88,5"),
            ("{{ none | number }}", "—"),
            ("{{ 2.4 | signed }}", "+2,40"),
            ("{{ up | rank_change }}", "tăng 10\u{a0}bậc"),
            ("{{ down | rank_change }}", "giảm 2\u{a0}bậc"),
            ("{{ 0 | rank_change }}", "giữ nguyên thứ hạng"),
            ("{{ \"2024-05-07\" | vi_date }}", "Thứ\u{a0}Ba, 07/05/2024"),
            (
                "{{ \"2024-05-07\" | vi_date(format=\"short\") }}",
                "07/05/2024",
            ),
            (
                "{{ \"Nhóm \\\"A\\\" (≥ 90%), 2021-2024\" | vi_text | safe }}",
                "Nhóm “A” (≥\u{a0}90%), 2021–2024",
            ),
        ];
        for (template, want) in cases {
            assert_eq!(render(template, &ctx), want, "{template}");
        }
    }

    #[test]
    fn bad_arguments_are_errors_not_panics() {
        let mut tera = Tera::default();
        register(&mut tera);
        let ctx = tera::Context::new();
        for template in [
            "{{ \"x\" | number }}",
            "{{ 1.5 | number(decimals=-1) }}",
            "{{ \"2024-13-01\" | vi_date }}",
            "{{ \"2024-01-01\" | vi_date(format=\"x\") }}",
        ] {
            assert!(tera.render_str(template, &ctx, true).is_err(), "{template}");
        }
    }
}
