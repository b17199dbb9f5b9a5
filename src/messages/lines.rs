//! Messages about what a result line may publish besides a score (a
//! threshold, points with their percent, a rank without "of"), score-only
//! tables, the consistency of a partial table's figures, and listings
//! ("5 đơn vị có điểm thấp nhất").

/// The end of a ranking a listing names, in the current language.
fn end_word(top: bool) -> &'static str {
    match (super::language(), top) {
        (super::Language::Vietnamese, true) => "cao nhất",
        (super::Language::Vietnamese, false) => "thấp nhất",
        (super::Language::English, true) => "top",
        (super::Language::English, false) => "bottom",
    }
}

messages! {
    // ---- One line ----
    line_states_nothing(unit: &str) {
        let unit = super::quoted(unit);
        vi: "dòng của `{unit}` không ghi số liệu nào (điểm, thứ hạng, ngưỡng, xếp loại hay lý do không xếp hạng)",
        en: "the line of `{unit}` states no figure (a score, a rank, a threshold, a band or why it is not ranked)",
    }
    hint_line_states_nothing() {
        vi: "ghi số liệu đã công bố: `score = 91.5`, `rank = 14` (kèm `of = 63` nếu có), `at_least = 90`, `band = \"nhom-a\"` (chỉ công bố xếp loại), hoặc `not_ranked = \"lý do\"`; nếu đơn vị không có kết quả, xóa dòng",
        en: "give what was published: `score = 91.5`, `rank = 14` (with `of = 63` if known), `at_least = 90`, `band = \"nhom-a\"` (only a band was published), or `not_ranked = \"why\"`; if the unit has no result, remove the line",
    }
    two_thresholds(unit: &str) {
        vi: "`{unit}` ghi cả `at_least` lẫn `above`",
        en: "`{unit}` has both `at_least` and `above`",
    }
    hint_one_line_threshold() {
        vi: "ghi at_least cho \"từ … trở lên\", hoặc above cho \"trên …\", không ghi cả hai",
        en: "use at_least for \"… or more\", or above for \"more than …\", not both",
    }
    threshold_with_score(unit: &str, key: &str) {
        vi: "`{unit}` ghi `{key}` cùng với điểm",
        en: "`{unit}` has `{key}` beside a score",
    }
    hint_threshold_or_score() {
        vi: "ngưỡng chỉ dùng khi điểm không được công bố; khi có điểm, chỉ ghi điểm",
        en: "a threshold is for when no score was published; when there is a score, give only the score",
    }
    percent_without_points(unit: &str) {
        vi: "`{unit}` ghi `percent` mà không ghi `points`",
        en: "`{unit}` has `percent` without `points`",
    }
    hint_percent_with_points() {
        vi: "percent là tỷ lệ phần trăm của điểm đạt (points); nếu chỉ công bố một con số, ghi nó vào score",
        en: "percent is the percentage the points make; if only one figure was published, give it as score",
    }
    percent_outside_range(unit: &str, percent: f64) {
        let percent = super::figure(percent);
        vi: "tỷ lệ của `{unit}` là {percent}%, nằm ngoài khoảng 0–100",
        en: "the percent of `{unit}`, {percent}%, is outside 0–100",
    }
    percent_differs(unit: &str, percent: &str, points: &str, max: &str, derived: &str) {
        vi: "`{unit}` ghi tỷ lệ {percent}%, nhưng {points}/{max} điểm là {derived}%",
        en: "`{unit}` states {percent}%, but {points} of {max} points is {derived}%",
    }
    hint_percent_differs() {
        vi: "kiểm tra points, max_points và percent với văn bản công bố; nếu văn bản công bố sai, thêm `disputed = \"ghi chú\"` vào dòng này",
        en: "check points, max_points and percent against the publication; if the publication is wrong, add `disputed = \"note\"` to this line",
    }
    line_disputed_but_agrees(unit: &str) {
        vi: "dòng của `{unit}` có `disputed`, nhưng số liệu công bố khớp với số tính được",
        en: "the line of `{unit}` is `disputed`, but its stated figures agree with the derived ones",
    }
    hint_disputed_but_agrees() {
        vi: "không có gì để ghi chú sai lệch: xóa disputed",
        en: "there is nothing to dispute: remove disputed",
    }

    // ---- Score-only tables ----
    rank_in_scores_only(unit: &str, key: &str) {
        vi: "`{unit}` ghi `{key}` trong một bảng chỉ có điểm (scores_only = true)",
        en: "`{unit}` has `{key}` in a score-only table (scores_only = true)",
    }
    of_in_scores_only() {
        vi: "bảng chỉ có điểm (scores_only = true) không có số đơn vị được xếp hạng (`of`)",
        en: "a score-only table (scores_only = true) has no number ranked (`of`)",
    }
    hint_scores_only() {
        vi: "bảng chỉ có điểm không xếp hạng: xóa thứ hạng, hoặc bỏ scores_only nếu văn bản có công bố thứ hạng",
        en: "a score-only table ranks nothing: remove the rank, or remove scores_only if the publication gives ranks",
    }

    // ---- One "of" per table ----
    of_differs_from_table(unit: &str, of: u32, table_of: u32) {
        vi: "`{unit}` ghi xếp hạng trong {of} đơn vị, nhưng bảng ghi of = {table_of}",
        en: "`{unit}` is ranked out of {of}, but the table states of = {table_of}",
    }
    of_differs_from_line(unit: &str, of: u32, other: &str, line: usize, other_of: u32) {
        vi: "`{unit}` ghi xếp hạng trong {of} đơn vị, nhưng `{other}` (dòng {line}) ghi trong {other_of} đơn vị",
        en: "`{unit}` is ranked out of {of}, but `{other}` (line {line}) out of {other_of}",
    }
    hint_one_of() {
        vi: "một bảng xếp hạng có một số đơn vị được xếp hạng: sửa `of` cho khớp (có thể ghi một lần ở đầu tệp, `of = 63`), hoặc nếu dòng này được xếp hạng trong nhóm khác, ghi lý do: `of_note = \"…\"`",
        en: "a ranking has one number ranked: make `of` agree (it can be stated once at the top of the file, `of = 63`), or if this line was ranked among others, say why: `of_note = \"…\"`",
    }
    of_note_without_of(unit: &str) {
        vi: "`{unit}` ghi `of_note` mà không ghi `of`",
        en: "`{unit}` has `of_note` without `of`",
    }
    of_note_without_exception(unit: &str, of: u32) {
        vi: "`{unit}` ghi `of_note`, nhưng of = {of} giống số của bảng",
        en: "`{unit}` has `of_note`, but of = {of} is the table's",
    }
    hint_of_note() {
        vi: "of_note giải thích một dòng được xếp hạng trong số đơn vị khác với cả bảng; ghi kèm of của dòng đó, hoặc xóa of_note",
        en: "of_note explains a line ranked out of another number than the table's; give that line's of with it, or remove of_note",
    }
    table_of_zero() {
        vi: "số đơn vị được xếp hạng (`of`) của bảng là 0",
        en: "the table's number ranked (`of`) is 0",
    }
    table_of_differs(stated: u32, computed: u32) {
        vi: "bảng ghi of = {stated}, nhưng bảng đầy đủ này xếp hạng {computed} đơn vị",
        en: "the table states of = {stated}, but this complete table ranks {computed} units",
    }
    hint_table_of() {
        vi: "trong bảng đầy đủ, số đơn vị được xếp hạng do chiso đếm: sửa hoặc xóa of",
        en: "in a complete table chiso counts the units ranked: correct or remove of",
    }

    // ---- Ranks follow scores ----
    ranks_do_not_follow_scores(unit: &str, score: &str, rank: u32, other: &str, line: usize, other_score: &str, other_rank: u32) {
        vi: "`{unit}` đạt {score} và xếp thứ {rank}, nhưng `{other}` (dòng {line}) đạt {other_score}, cao hơn, mà xếp thứ {other_rank}",
        en: "`{unit}` scores {score} and ranks {rank}, but `{other}` (line {line}) scores better, {other_score}, and ranks {other_rank}",
    }
    equal_scores_different_ranks(unit: &str, score: &str, rank: u32, other: &str, line: usize, other_rank: u32) {
        vi: "`{unit}` và `{other}` (dòng {line}) cùng đạt {score} nhưng xếp thứ {rank} và {other_rank}",
        en: "`{unit}` and `{other}` (line {line}) both score {score} but rank {rank} and {other_rank}",
    }
    threshold_rank_disagrees(unit: &str, threshold: &str, rank: u32, other: &str, line: usize, other_score: &str, other_rank: u32) {
        vi: "`{unit}` đạt {threshold} và xếp thứ {rank}, nhưng `{other}` (dòng {line}) đạt {other_score}, thấp hơn, mà xếp thứ {other_rank}",
        en: "`{unit}` reached {threshold} and ranks {rank}, but `{other}` (line {line}) scores less, {other_score}, and ranks {other_rank}",
    }
    hint_ranks_follow_scores() {
        vi: "điểm cao hơn xếp trên, điểm bằng nhau cùng thứ hạng: kiểm tra điểm và thứ hạng của hai dòng với văn bản công bố",
        en: "a better score ranks higher and equal scores share a rank: check both lines' scores and ranks against the publication",
    }

    // ---- Listings ----
    listing_count_zero(label: &str) {
        let label = super::quoted(label);
        vi: "danh sách \"{label}\" có count = 0",
        en: "the list \"{label}\" has count = 0",
    }
    listing_count_differs(label: &str, count: u32, listed: usize) {
        let label = super::quoted(label);
        vi: "danh sách \"{label}\" ghi count = {count} nhưng liệt kê {listed} đơn vị",
        en: "the list \"{label}\" has count = {count} but names {listed} units",
    }
    hint_listing_count() {
        vi: "count là số đơn vị của danh sách (5 trong \"5 đơn vị có điểm thấp nhất\"); liệt kê đúng chừng ấy đơn vị trong units",
        en: "count is the number of units listed (5 in \"the 5 lowest\"); name that many units in units",
    }
    listed_unit_not_in_group(unit: &str, group: &str) {
        vi: "đơn vị `{unit}` trong danh sách không thuộc khối `{group}` và không có dòng trong bảng",
        en: "listed unit `{unit}` is not in group `{group}` and has no line in the table",
    }
    hint_listed_unit_in_group() {
        vi: "danh sách chỉ gồm các đơn vị của khối được xếp hạng; kiểm tra mã đơn vị",
        en: "a list names units of the group ranked; check the unit id",
    }
    listed_twice(unit: &str, label: &str) {
        let label = super::quoted(label);
        vi: "đơn vị `{unit}` được ghi hai lần trong danh sách \"{label}\"",
        en: "unit `{unit}` is named twice in the list \"{label}\"",
    }
    hint_listed_twice() {
        vi: "mỗi đơn vị chỉ ghi một lần trong units",
        en: "name each unit once in units",
    }
    listing_disagrees(label: &str, count: u32, top: bool, expected: &str) {
        let label = super::quoted(label);
        let end = end_word(top);
        vi: "danh sách \"{label}\" không khớp với bảng: {count} đơn vị {end} theo bảng là {expected}",
        en: "the list \"{label}\" disagrees with the table: the {end} {count} by the table are {expected}",
    }
    listing_tied(count: usize, tied: &str) {
        vi: "{count} trong số các đơn vị đồng hạng {tied}",
        en: "{count} of the tied units {tied}",
    }
    listed_rank_outside(unit: &str, rank: &str, label: &str, top: bool, count: u32) {
        let label = super::quoted(label);
        let end = end_word(top);
        vi: "`{unit}` xếp thứ {rank}, không thuộc {count} đơn vị {end} của danh sách \"{label}\"",
        en: "`{unit}` ranks {rank}, not among the {end} {count} of the list \"{label}\"",
    }
    hint_listing_disagrees() {
        vi: "kiểm tra danh sách và thứ hạng với văn bản công bố; nếu văn bản công bố sai, thêm `disputed = \"ghi chú\"` vào danh sách",
        en: "check the list and the ranks against the publication; if the publication is wrong, add `disputed = \"note\"` to the list",
    }
    listing_disputed_but_agrees(label: &str) {
        let label = super::quoted(label);
        vi: "danh sách \"{label}\" có `disputed`, nhưng khớp với bảng",
        en: "the list \"{label}\" is `disputed`, but agrees with the table",
    }
}
