//! Messages about TOML and JSON that does not parse or does not fit its
//! format, with hints for the commonest slips.

messages! {
    hint_other_format(extension: &str) {
        let format = extension.to_uppercase();
        vi: "tệp này viết theo định dạng {format}: đổi đuôi tên tệp thành .{extension}",
        en: "this file is written in {format}: rename it to end in .{extension}",
    }
    unknown_key(key: &str) {
        let key = super::quoted(key);
        vi: "khóa `{key}` không có trong định dạng của tệp",
        en: "unknown key `{key}`",
    }
    hint_did_you_mean(near: &str) {
        vi: "có phải ý bạn là `{near}`?",
        en: "did you mean `{near}`?",
    }
    hint_allowed_keys(keys: &str) {
        vi: "các khóa được dùng ở đây là {keys}",
        en: "the keys allowed here are {keys}",
    }
    /// A key of the whole file written under a table's header, where TOML
    /// makes it the table's.
    hint_key_above_header(header: &str) {
        vi: "khóa này là khóa chung của cả tệp, nhưng mọi khóa viết sau `{header}` đều thuộc về mục đó: hãy chuyển nó lên trên `{header}` đầu tiên",
        en: "this key belongs to the whole file, but every key written after `{header}` belongs to that entry: move it above the first `{header}`",
    }
    missing_key(key: &str) {
        vi: "thiếu khóa bắt buộc `{key}`",
        en: "the required key `{key}` is missing",
    }
    hint_add_key(key: &str) {
        vi: "thêm `{key} = …` vào đây",
        en: "add `{key} = …` here",
    }
    hint_add_key_json(key: &str) {
        vi: "thêm `\"{key}\": …` vào đây",
        en: "add `\"{key}\": …` here",
    }
    json_list_at_top() {
        vi: "tệp JSON này là một danh sách `[ … ]`, nhưng chiso cần một đối tượng `{{ … }}` chứa các khóa",
        en: "this JSON file is a list `[ … ]`, but chiso expects an object `{{ … }}` of keys",
    }
    hint_json_object_at_top() {
        vi: "bọc nội dung trong `{{ … }}` gồm các khóa của tệp (với tệp kết quả: `{{ \"index\": \"par-index\", \"year\": 2024, \"group\": …, \"result\": [ … ] }}`); xem tệp mẫu trong data/ của trang ví dụ",
        en: "wrap the content in `{{ … }}` holding the file's keys (for a results file: `{{ \"index\": \"par-index\", \"year\": 2024, \"group\": …, \"result\": [ … ] }}`); see a file in the example site's data/",
    }
    wrong_type(found: &str, expected: &str) {
        vi: "ở đây cần {expected}, nhưng lại ghi {found}",
        en: "found {found} where {expected} was expected",
    }
    /// What the parser found, for [`wrong_type`]: a text in quotes.
    found_text(text: &str) {
        vi: "chữ {text}",
        en: "the text {text}",
    }
    /// What the parser found, for [`wrong_type`]: a number.
    found_number(number: &str) {
        vi: "số {number}",
        en: "the number {number}",
    }
    /// A whole number outside the range of what the key holds.
    number_negative(number: &str) {
        let number = super::quoted(number);
        vi: "số {number} không được âm",
        en: "the number {number} cannot be negative",
    }
    number_too_large_written(number: &str) {
        let number = super::quoted(number);
        vi: "số {number} quá lớn",
        en: "the number {number} is too large",
    }
    number_out_of_range(number: &str, min: &str, max: &str) {
        let number = super::quoted(number);
        vi: "số {number} nằm ngoài khoảng cho phép (từ {min} đến {max})",
        en: "the number {number} is out of range (from {min} to {max})",
    }
    /// A number too large for the parser itself to hold.
    number_too_large() {
        vi: "số quá lớn, nằm ngoài khoảng cho phép",
        en: "the number is too large",
    }
    hint_decimal_point_in_data(number: &str) {
        vi: "trong tệp dữ liệu, số viết không có ngoặc kép và dùng dấu chấm thập phân: {number}",
        en: "data files write numbers without quotes and with a decimal point: {number}",
    }
    /// The parser's own words, when chiso has none better.
    syntax(detail: &str) {
        vi: "viết sai cú pháp: {detail}",
        en: "{detail}",
    }
    /// A date that is not written year-month-day. Starts with the value in
    /// backticks, which `parse` relies on.
    not_a_date(text: &str) {
        vi: "`{text}` không phải là một ngày; hãy viết theo dạng năm-tháng-ngày (YYYY-MM-DD), ví dụ 2024-02-22",
        en: "`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2024-02-22",
    }
    /// A date that does not exist. Starts with the value in backticks.
    not_a_calendar_day(text: &str) {
        vi: "`{text}` không phải là một ngày có thật trên lịch",
        en: "`{text}` is not a day of the calendar",
    }
    expected_date() {
        vi: "cần một ngày như 2024-02-22",
        en: "expected a date such as 2024-02-22",
    }
    hint_invisible_space(line: &str) {
        vi: "dòng này có một dấu cách không nhìn thấy (thường dán từ Excel hay Word): xóa nó, ghi `{line}`",
        en: "this line holds an invisible space (often pasted from Excel or Word): remove it, write `{line}`",
    }
    hint_drop_percent(line: &str) {
        vi: "bỏ dấu %: ghi `{line}` (đơn vị % đã ghi ở chỉ số, trong `unit_label`)",
        en: "drop the % sign: write `{line}` (the index's `unit_label` says %)",
    }
    hint_decimal_comma(number: &str) {
        vi: "trong tệp .toml, số thập phân viết bằng dấu chấm: {number}",
        en: "in a .toml file, decimals are written with a point: {number}",
    }
    hint_decimal_comma_json(number: &str) {
        vi: "trong tệp .json, số thập phân viết bằng dấu chấm: {number}",
        en: "in a .json file, decimals are written with a point: {number}",
    }
    hint_date_form(date: &str) {
        vi: "ngày viết theo dạng năm-tháng-ngày, không có ngoặc kép: {date}",
        en: "write dates as year-month-day, without quotes: {date}",
    }
    hint_array_header(name: &str) {
        vi: "mỗi mục lặp lại (như mỗi dòng kết quả) mở bằng hai cặp ngoặc vuông: `[[{name}]]`",
        en: "each entry that repeats (as each result does) opens with double brackets: `[[{name}]]`",
    }
    hint_quote_text() {
        vi: "chữ phải đặt trong ngoặc kép, ví dụ name = \"Sở Nội vụ\"",
        en: "put text in double quotes, e.g. name = \"Sở Nội vụ\"",
    }
}
